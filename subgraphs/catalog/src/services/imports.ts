import { randomUUID } from 'node:crypto';
import { type Identity, requireRole, requireUser } from '@meridian/auth';
import { DOMAIN_EVENT_TYPES, type MasterRecordPublishedData } from '@meridian/canonical';
import type { Prisma, PrismaClient } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { appendToOutbox, createEvent } from '@meridian/events';
import { type ApprovalReason, approvalReasons } from '../domain/approval';
import { type ParsedRows, parseImportRows, REFERENCE_COLUMNS, type RowError } from '../domain/import-rows';
import {
  applyInput,
  checkRecord,
  type EntityType,
  hierarchyIssue,
  type LocationType,
  type MasterRecord,
} from '../domain/records';
import { stewardshipDueAt } from '../domain/stewardship';
import { withDerivedFields } from '../domain/supplier-rules';
import { bumpOf, diffRecords, FIRST_TAG, type FieldChange, nextTag } from '../domain/versioning';
import { createChangeRequests, createStewardshipTask, createStewardshipTasks } from '../store/governance';
import * as store from '../store/imports';
import { recordOf } from '../store/records';
import { clearColdSnapshots } from '../store/versions';
import { acknowledgementTask, changeRequestRow } from './master-records';
import { applySupplierRulesToSites, SOURCE } from './publication';

export type ImportMode = 'ALL_OR_NOTHING' | 'VALID_ROWS';
export type ImportFormat = 'CSV' | 'JSON';

export interface ImportArgs {
  entityType: EntityType;
  format: ImportFormat;
  content: string;
  mode?: ImportMode | null;
}

/** Larger files go through the ingest's bulk path in parts. */
export const MAX_IMPORT_ROWS = 50_000;
/** The report keeps the first errors; the count is exact. */
const REPORTED_ERRORS = 1_000;

interface PlannedRow {
  id: string;
  before: { record: MasterRecord; version: number; versionTag: string } | null;
  record: MasterRecord;
  changes: FieldChange[];
}

/** A row changing a record beyond an approval threshold: it becomes a change request, not a version. */
interface StagedRow extends PlannedRow {
  before: NonNullable<PlannedRow['before']>;
  reasons: ApprovalReason[];
}

type ImportContext = Awaited<ReturnType<typeof store.importContext>>;

/**
 * Checks every row as an edit would (schema, references, uniqueness within the file and the tenant) and plans
 * the version each valid row becomes, or, beyond an approval threshold, the change request it is staged as.
 * Rows are matched to existing records by code.
 */
function planRows(
  entityType: EntityType,
  numberedRows: ParsedRows['rows'],
  context: ImportContext,
): { planned: PlannedRow[]; staged: StagedRow[]; errors: RowError[] } {
  const rows = numberedRows.map((numbered) => numbered.values);
  const existing = new Map<
    string,
    { id: string; record: MasterRecord; version: number; versionTag: string }
  >();
  const rowsOfType =
    entityType === 'SKU' ? context.skus : entityType === 'SUPPLIER' ? context.suppliers : context.locations;
  for (const row of rowsOfType) {
    existing.set(row.code, {
      id: row.id,
      record: recordOf(entityType, row),
      version: row.version,
      versionTag: row.versionTag,
    });
  }
  const familyIds = new Map(context.families.map((family) => [family.code, family.id]));
  const supplierIds = new Map(context.suppliers.map((supplier) => [supplier.code, supplier.id]));
  // Locations of the tenant and of the file, so a store may name a DC the same file creates.
  const locations = new Map(
    context.locations.map((location) => [location.code, { id: location.id, type: location.type as string }]),
  );
  const ids = rows.map((row) => existing.get(String(row.code))?.id ?? randomUUID());
  if (entityType === 'LOCATION') {
    rows.forEach((row, index) => {
      if (typeof row.code === 'string' && !locations.has(row.code))
        locations.set(row.code, { id: ids[index]!, type: String(row.type) });
    });
  }
  const standings = context.suppliers.map((supplier) => ({
    code: supplier.code,
    flag: supplier.flag,
    reliability: supplier.reliability.toNumber(),
  }));
  const gtinHolders = new Map(context.skus.map((sku) => [sku.gtin, sku.id]));
  const seenCodes = new Set<string>();
  const planned: PlannedRow[] = [];
  const staged: StagedRow[] = [];
  const errors: RowError[] = [];

  rows.forEach((raw, index) => {
    const row = numberedRows[index]!.row;
    const fail = (field: string | null, code: string, message: string) =>
      errors.push({ row, field, code, message });
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      fail(null, 'NOT_AN_OBJECT', 'Each record must be a JSON object.');
      return;
    }
    const failuresBefore = errors.length;
    const input: Record<string, unknown> = { ...raw };
    // A field whose reference column failed is reported once, under the column.
    const unresolved = new Set<string>();
    for (const [column, field] of Object.entries(REFERENCE_COLUMNS[entityType])) {
      const code = input[column];
      delete input[column];
      if (code === undefined || code === null) continue;
      const id =
        field === 'familyId'
          ? familyIds.get(String(code))
          : field === 'supplierId'
            ? supplierIds.get(String(code))
            : locations.get(String(code))?.id;
      if (id) input[field] = id;
      else {
        unresolved.add(field);
        fail(column, 'UNKNOWN_REFERENCE', `${column}: no record with code ${code} in your tenant.`);
      }
    }
    const before = typeof input.code === 'string' ? (existing.get(input.code) ?? null) : null;
    let candidate: Record<string, unknown>;
    try {
      candidate = applyInput(entityType, before?.record ?? null, input);
    } catch (error) {
      const field = (error as MeridianError).details?.field ?? null;
      fail(field, 'DERIVED_FIELD', (error as Error).message);
      return;
    }
    candidate = withDerivedFields(entityType, candidate, standings);
    const checked = checkRecord(entityType, candidate);
    for (const issue of checked.issues) {
      if (!unresolved.has(issue.field)) fail(issue.field, issue.code, `${issue.field}: ${issue.message}`);
    }
    const record = checked.record;
    if (!record) return;
    const id = ids[index]!;
    const code = String(record.code);
    if (seenCodes.has(code))
      fail('code', 'DUPLICATE_IN_FILE', `code ${code} appears on an earlier row of this file.`);
    seenCodes.add(code);
    if (entityType === 'SKU') {
      const gtin = String(record.gtin);
      const holder = gtinHolders.get(gtin);
      if (holder && holder !== id) fail('gtin', 'DUPLICATE', `gtin ${gtin} already belongs to another SKU.`);
      else gtinHolders.set(gtin, id);
      if (!context.families.some((family) => family.id === record.familyId))
        fail('familyId', 'UNKNOWN_REFERENCE', 'familyId: no SKU family with that id in your tenant.');
      if (record.supplierId && !context.suppliers.some((supplier) => supplier.id === record.supplierId))
        fail('supplierId', 'UNKNOWN_REFERENCE', 'supplierId: no supplier with that id in your tenant.');
    }
    if (entityType === 'LOCATION') {
      const parent = record.parentId
        ? [...locations.values()].find((location) => location.id === record.parentId)
        : null;
      if (record.parentId && (!parent || parent.id === id))
        fail('parentId', 'UNKNOWN_REFERENCE', 'parentId: use another location of your tenant.');
      const issue = hierarchyIssue(
        record.type as LocationType,
        (parent?.type as LocationType | undefined) ?? null,
      );
      if (issue) fail('parentId', 'HIERARCHY', `parentId: ${issue}.`);
    }
    if (errors.length > failuresBefore) return;
    const changes = diffRecords(entityType, before?.record ?? null, record);
    if (before && changes.length === 0) return;
    const reasons = approvalReasons(entityType, before?.record ?? null, record);
    if (before && reasons.length > 0) staged.push({ id, before, record, changes, reasons });
    else planned.push({ id, before, record, changes });
  });
  return { planned, staged, errors };
}

/** Parents before children, so a store's DC exists when the store row is written. */
function parentsFirst(rows: PlannedRow[]): PlannedRow[] {
  const ids = new Set(rows.map((row) => row.id));
  const depth = (row: PlannedRow, seen = 0): number => {
    const parent = rows.find((candidate) => candidate.id === row.record.parentId);
    return parent && ids.has(parent.id) && seen < rows.length ? 1 + depth(parent, seen + 1) : 0;
  };
  return [...rows].sort((a, b) => depth(a) - depth(b));
}

/**
 * Imports master records from CSV or JSON. Every row is checked; with ALL_OR_NOTHING (the default) one failing
 * row means nothing is written, with VALID_ROWS the valid ones are. Each written row is a version with its
 * `master_record_published` event, and each row beyond an approval threshold a PENDING change request with its
 * acknowledgement task, all in one transaction of a few batched statements. Failing rows become a 72 h
 * VALIDATION_FAILURE stewardship task.
 */
export async function importMasterRecords(prisma: PrismaClient, identity: Identity, args: ImportArgs) {
  const user = requireRole(identity, 'analyst');
  const started = performance.now();
  const mode: ImportMode = args.mode ?? 'ALL_OR_NOTHING';
  const parsed = parseImportRows(args.entityType, args.format, args.content);
  if (parsed.rows.length > MAX_IMPORT_ROWS) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      `content: import at most ${MAX_IMPORT_ROWS} rows at a time.`,
      {
        field: 'content',
      },
    );
  }
  const importId = randomUUID();
  return prisma.$transaction(
    async (tx) => {
      const now = new Date();
      const context = await store.importContext(tx, user.tenantId, args.entityType);
      const plan = planRows(args.entityType, parsed.rows, context);
      const planned = plan.planned;
      const errors = [...parsed.errors, ...plan.errors].sort((a, b) => a.row - b.row);
      const write = errors.length === 0 || mode === 'VALID_ROWS';
      if (write && planned.length > 0)
        await writeRows(tx, args.entityType, planned, user.tenantId, user.userId, importId, now);
      if (write && plan.staged.length > 0)
        await stageRows(tx, args.entityType, plan.staged, user.tenantId, user.userId, importId, now);
      const wrote = write && planned.length + plan.staged.length > 0;
      const status = errors.length === 0 ? 'APPLIED' : wrote ? 'PARTIALLY_APPLIED' : 'REJECTED';
      if (errors.length > 0) {
        await createStewardshipTask(tx, {
          tenantId: user.tenantId,
          kind: 'VALIDATION_FAILURE',
          entityType: args.entityType,
          title: `Resolve ${errors.length} failing row${errors.length === 1 ? '' : 's'} of a ${args.entityType} import`,
          detail: { importId, errors: errors.slice(0, 50) } as unknown as Prisma.InputJsonValue,
          dueAt: stewardshipDueAt('VALIDATION_FAILURE', now),
        });
      }
      return store.createBulkImport(tx, {
        id: importId,
        tenantId: user.tenantId,
        entityType: args.entityType,
        format: args.format,
        mode,
        status,
        rowCount: parsed.rows.length + parsed.errors.filter((error) => error.row > 0).length,
        appliedCount: write ? planned.length : 0,
        stagedCount: write ? plan.staged.length : 0,
        errorCount: errors.length,
        errors: errors.slice(0, REPORTED_ERRORS) as unknown as Prisma.InputJsonValue,
        durationMs: Math.round(performance.now() - started),
        createdById: user.userId,
      });
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}

async function stageRows(
  tx: Prisma.TransactionClient,
  entityType: EntityType,
  staged: StagedRow[],
  tenantId: string,
  requestedById: string,
  importId: string,
  requestedAt: Date,
): Promise<void> {
  const requester = { tenantId, userId: requestedById };
  const requests = staged.map((row) => ({
    id: randomUUID(),
    change: {
      entityType,
      entityId: row.id,
      baseVersion: row.before.version,
      ownerId: null,
      proposed: row.record,
      changes: row.changes,
      reasons: row.reasons,
      context: { comment: `Bulk import ${importId}` },
    },
  }));
  await createChangeRequests(
    tx,
    requests.map(({ id, change }) => ({ ...changeRequestRow(requester, change), id, requestedAt })),
  );
  await createStewardshipTasks(
    tx,
    requests.map(({ id, change }) => acknowledgementTask(tenantId, change, { id, requestedAt })),
  );
}

async function writeRows(
  tx: Prisma.TransactionClient,
  entityType: EntityType,
  planned: PlannedRow[],
  tenantId: string,
  authorId: string,
  importId: string,
  now: Date,
): Promise<void> {
  const rows = (entityType === 'LOCATION' ? parentsFirst(planned) : planned).map((row) => ({
    ...row,
    version: (row.before?.version ?? 0) + 1,
    versionTag: row.before ? nextTag(row.before.versionTag, bumpOf(entityType, row.changes)!) : FIRST_TAG,
  }));
  const bulk = (row: (typeof rows)[number]) => ({
    id: row.id,
    tenantId,
    record: row.record,
    version: row.version,
    versionTag: row.versionTag,
  });
  const inserts = rows.filter((row) => !row.before);
  if (entityType === 'LOCATION') {
    // One statement per row keeps parents ahead of children; location files are small.
    for (const row of inserts) await store.insertRecords(tx, entityType, [bulk(row)], now);
  } else await store.insertRecords(tx, entityType, inserts.map(bulk), now);
  await store.updateRecords(tx, entityType, rows.filter((row) => row.before).map(bulk), now);
  await store.createVersions(
    tx,
    rows.map((row) => ({
      id: randomUUID(),
      tenantId,
      entityType,
      entityId: row.id,
      version: row.version,
      tag: row.versionTag,
      snapshot: row.record,
      changes: row.changes,
      authorId,
      comment: `Bulk import ${importId}`,
      createdAt: now,
    })),
  );
  await clearColdSnapshots(
    tx,
    rows
      .filter((row) => row.before)
      .map((row) => ({ tenantId, entityType, entityId: row.id, version: row.version })),
  );
  await appendToOutbox(
    tx,
    rows.map((row) =>
      createEvent<MasterRecordPublishedData>(
        {
          source: SOURCE,
          type: DOMAIN_EVENT_TYPES.masterRecordPublished,
          tenantId,
          partitionKey: row.id,
          subject: `${entityType}/${row.id}`,
          data: {
            tenantId,
            entityType,
            entityId: row.id,
            version: row.version,
            tag: row.versionTag,
            changes: row.changes,
            record: row.record,
            changeRequestId: null,
            publishedAt: now.toISOString(),
          },
        },
        // The records were just parsed by their schema: plain JSON, no need for the deep walk per event.
        { dataIsJson: true },
      ),
    ),
  );
  if (entityType === 'SUPPLIER') {
    for (const row of rows) {
      await applySupplierRulesToSites(tx, {
        tenantId,
        entityType,
        entityId: row.id,
        before: null,
        record: row.record,
        authorId,
        comment: `Bulk import ${importId}`,
      });
    }
  }
}

export function listImports(prisma: PrismaClient, identity: Identity, first: number) {
  return store.listBulkImports(prisma, requireUser(identity).tenantId, Math.min(Math.max(first, 1), 100));
}

export function findImport(prisma: PrismaClient, identity: Identity, id: string) {
  return store.findBulkImport(prisma, requireUser(identity).tenantId, id);
}
