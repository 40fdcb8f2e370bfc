import { DOMAIN_EVENT_TYPES, masterRecordPublishedData } from '@meridian/canonical';
import type { MasterRecordVersion, Prisma } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { appendToOutbox, createEvent } from '@meridian/events';
import {
  type EntityType,
  hierarchyIssue,
  type LocationType,
  type MasterRecord,
  type SupplierFlag,
} from '../domain/records';
import { withDerivedFields as deriveFields, isSiteOf, siteQuarantine } from '../domain/supplier-rules';
import { bumpOf, diffRecords, FIRST_TAG, nextTag } from '../domain/versioning';
import * as records from '../store/records';
import { clearColdSnapshots, createVersion } from '../store/versions';

export const SOURCE = 'meridian/catalog';

type Tx = Prisma.TransactionClient;

export interface Publication {
  tenantId: string;
  entityType: EntityType;
  entityId: string;
  /** The record as it stands (null: a new record). */
  before: records.StoredRecord | null;
  record: MasterRecord;
  authorId: string;
  approvedById?: string | null;
  comment: string;
  ticketId?: string | null;
  changeRequestId?: string | null;
  restoredVersion?: number | null;
}

/**
 * Publishes a record as its next version: the record's row, an immutable version with the field-level
 * changes, and `catalog.master_record_published`, all in the caller's transaction. A supplier's publication
 * applies the supplier rules to its sites in the same transaction. Null when nothing changed.
 */
export async function publish(tx: Tx, publication: Publication): Promise<MasterRecordVersion | null> {
  const { tenantId, entityType, entityId, before, record } = publication;
  const changes = diffRecords(entityType, before?.record ?? null, record);
  if (before && changes.length === 0) return null;
  const version = (before?.version ?? 0) + 1;
  const tag = before ? nextTag(before.versionTag, bumpOf(entityType, changes)!) : FIRST_TAG;
  if (before) await records.updateRecord(tx, entityType, entityId, record, version, tag);
  else await records.insertRecord(tx, tenantId, entityType, entityId, record, tag);
  const published = await createVersion(tx, {
    tenantId,
    entityType,
    entityId,
    version,
    tag,
    snapshot: record,
    changes: changes as unknown as Prisma.InputJsonValue,
    authorId: publication.authorId,
    approvedById: publication.approvedById ?? null,
    comment: publication.comment,
    ticketId: publication.ticketId ?? null,
    changeRequestId: publication.changeRequestId ?? null,
    restoredVersion: publication.restoredVersion ?? null,
  });
  await clearColdSnapshots(tx, [{ tenantId, entityType, entityId, version }]);
  await appendToOutbox(tx, [
    createEvent({
      source: SOURCE,
      type: DOMAIN_EVENT_TYPES.masterRecordPublished,
      tenantId,
      partitionKey: entityId,
      subject: `${entityType}/${entityId}`,
      data: masterRecordPublishedData.parse({
        tenantId,
        entityType,
        entityId,
        version,
        tag,
        changes,
        record,
        changeRequestId: publication.changeRequestId ?? null,
        publishedAt: published.createdAt.toISOString(),
      }),
    }),
  ]);
  if (entityType === 'SUPPLIER') await applySupplierRulesToSites(tx, publication);
  return published;
}

/** Quarantines a PROBATION or BLOCKED supplier's sites and lifts it once the supplier recovers. */
export async function applySupplierRulesToSites(tx: Tx, supplier: Publication): Promise<void> {
  const code = String(supplier.record.code);
  const standing = {
    code,
    flag: supplier.record.flag as SupplierFlag,
    reliability: Number(supplier.record.reliability),
  };
  const sites = (await records.listSupplierSites(tx, supplier.tenantId)).filter((site) =>
    isSiteOf(site.code, code),
  );
  for (const site of sites) {
    const before = (await records.findRecord(tx, supplier.tenantId, 'LOCATION', site.id, true))!;
    const record = { ...before.record, ...siteQuarantine(standing) };
    await publish(tx, {
      tenantId: supplier.tenantId,
      entityType: 'LOCATION',
      entityId: site.id,
      before,
      record,
      authorId: supplier.authorId,
      comment: `Supplier rules: supplier ${code} is ${standing.flag}.`,
      ticketId: supplier.ticketId,
    });
  }
}

/** The derived fields of a candidate record under the tenant's suppliers' standing today. */
export async function withDerivedFields(
  tx: Tx,
  tenantId: string,
  entityType: EntityType,
  candidate: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const suppliers = entityType === 'LOCATION' ? await records.listSupplierStandings(tx, tenantId) : [];
  return deriveFields(entityType, candidate, suppliers);
}

/** The rules that need other rows: references exist in the tenant, codes and GTINs are unique, the hierarchy holds. */
export async function checkReferences(
  tx: Tx,
  tenantId: string,
  entityType: EntityType,
  entityId: string,
  record: MasterRecord,
): Promise<void> {
  const refuse = (field: string, message: string, code: ErrorCode = ErrorCode.BAD_USER_INPUT) => {
    throw new MeridianError(code, message, { field });
  };
  for (const field of entityType === 'SKU' ? (['code', 'gtin'] as const) : (['code'] as const)) {
    const holder = await records.findHolderOf(tx, tenantId, entityType, field, String(record[field]));
    if (holder && holder !== entityId) {
      refuse(field, `${field} ${record[field]} already belongs to another record.`, ErrorCode.CONFLICT);
    }
  }
  if (entityType === 'SKU') {
    if (!(await records.findFamily(tx, tenantId, String(record.familyId)))) {
      refuse('familyId', 'familyId: no SKU family with that id in your tenant.');
    }
    if (record.supplierId && !(await records.findSupplierId(tx, tenantId, String(record.supplierId)))) {
      refuse('supplierId', 'supplierId: no supplier with that id in your tenant.');
    }
  }
  if (entityType === 'LOCATION') {
    const parent = record.parentId
      ? await records.findLocationType(tx, tenantId, String(record.parentId))
      : null;
    if (record.parentId && (!parent || parent.id === entityId)) {
      refuse('parentId', 'parentId: use the id of another location of your tenant.');
    }
    const issue = hierarchyIssue(record.type as LocationType, parent?.type ?? null);
    if (issue) refuse('parentId', `parentId: ${issue}.`);
  }
}
