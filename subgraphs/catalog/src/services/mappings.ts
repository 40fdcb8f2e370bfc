import { type Identity, requireRole, requireUser } from '@meridian/auth';
import {
  canonicalTransactionV1,
  canonicalTransactionV2,
  describeIssues,
  type MappingKind,
  mappingsInForce,
  mapSourceRecord,
  type SourceMappingRule,
  UOM_CODES,
} from '@meridian/canonical';
import type { Prisma, PrismaClient, SourceMapping } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { z } from 'zod';
import {
  classifyMappingChange,
  type MappingValue,
  mappingKey,
  mappingSetBump,
} from '../domain/mapping-versions';
import { FIRST_TAG, nextTag } from '../domain/versioning';
import * as store from '../store/mappings';

const mappingInput = z
  .object({
    sourceSystem: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9._-]{0,63}$/,
        'use a lower-case system name of up to 64 characters such as sap-erp',
      ),
    kind: z.enum(['SKU', 'UOM', 'PARTY']),
    sourceValue: z.string().trim().min(1, 'give the source value').max(128),
    targetValue: z.string().trim().min(1).max(128).nullish(),
    factor: z.number().positive('a factor must be more than 0').max(1_000_000).nullish(),
    effectiveFrom: z.date().nullish(),
  })
  .superRefine((mapping, ctx) => {
    const target = mapping.targetValue ?? null;
    if (mapping.kind === 'UOM' && target !== null) {
      if (!UOM_CODES.includes(target)) {
        ctx.addIssue({
          code: 'custom',
          path: ['targetValue'],
          message: `use a Rec 20 unit code (${UOM_CODES.join(', ')})`,
        });
      }
      if (mapping.factor == null) {
        ctx.addIssue({
          code: 'custom',
          path: ['factor'],
          message: 'a unit mapping needs its factor (canonical units per source unit)',
        });
      }
    }
    if (mapping.kind !== 'UOM' && mapping.factor != null) {
      ctx.addIssue({ code: 'custom', path: ['factor'], message: 'only unit mappings carry a factor' });
    }
  });
const saveInput = z.object({
  mappings: z.array(mappingInput).min(1, 'give at least one mapping').max(1_000),
  comment: z.string().trim().min(3, 'say why the mappings change (3+ characters)').max(2000),
});

const ruleOf = (row: SourceMapping): SourceMappingRule => ({
  kind: row.kind,
  sourceValue: row.sourceValue,
  targetValue: row.targetValue,
  factor: row.factor?.toNumber() ?? null,
  effectiveFrom: row.effectiveFrom,
});

const mappingValueOf = (rule: SourceMappingRule): MappingValue => ({
  kind: rule.kind,
  sourceValue: rule.sourceValue,
  targetValue: rule.targetValue,
  factor: rule.factor ?? null,
});

/**
 * Adds mappings of one source system (a new effective-dated row each; rows are never edited) and tags a new
 * mapping-set version whose bump says what the change does to records already mapped.
 */
export async function saveSourceMappings(prisma: PrismaClient, identity: Identity, raw: unknown) {
  const user = requireRole(identity, 'analyst');
  const { mappings, comment } = saveInput.parse(raw);
  const sourceSystem = mappings[0]!.sourceSystem;
  const other = mappings.findIndex((mapping) => mapping.sourceSystem !== sourceSystem);
  if (other >= 0) {
    throw new MeridianError(ErrorCode.BAD_USER_INPUT, 'Save the mappings of one source system at a time.', {
      field: `mappings.${other}.sourceSystem`,
    });
  }
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    for (const kind of ['SKU', 'PARTY'] as const) {
      const targets = mappings.flatMap((mapping) =>
        mapping.kind === kind && mapping.targetValue ? [mapping.targetValue] : [],
      );
      const known = await store.existingCodes(tx, user.tenantId, kind, targets);
      const unknown = mappings.findIndex(
        (mapping) => mapping.kind === kind && mapping.targetValue && !known.has(mapping.targetValue),
      );
      if (unknown >= 0) {
        throw new MeridianError(
          ErrorCode.BAD_USER_INPUT,
          `mappings.${unknown}.targetValue: ${mappings[unknown]!.targetValue} is not a ${kind === 'SKU' ? 'SKU' : 'supplier or location'} code of your tenant.`,
          { field: `mappings.${unknown}.targetValue` },
        );
      }
    }
    const inForceBefore = new Map(
      [
        ...Object.values(
          mappingsInForce((await store.listMappings(tx, user.tenantId, sourceSystem)).map(ruleOf), now),
        ),
      ]
        .flatMap((byValue) => [...byValue.values()])
        .map((rule) => [mappingKey(rule), mappingValueOf(rule)]),
    );
    const rows: Prisma.SourceMappingCreateManyInput[] = mappings.map((mapping) => ({
      tenantId: user.tenantId,
      sourceSystem,
      kind: mapping.kind,
      sourceValue: mapping.sourceValue,
      targetValue: mapping.targetValue ?? null,
      factor: mapping.factor ?? null,
      effectiveFrom: mapping.effectiveFrom ?? now,
      createdById: user.userId,
    }));
    await store.createMappings(tx, rows);
    const changes = mappings.map((mapping) => {
      const value = {
        kind: mapping.kind,
        sourceValue: mapping.sourceValue,
        targetValue: mapping.targetValue ?? null,
        factor: mapping.factor ?? null,
      };
      return {
        ...value,
        effectiveFrom: (mapping.effectiveFrom ?? now).toISOString(),
        change: classifyMappingChange(inForceBefore, value),
      };
    });
    const previous = await store.latestMappingSet(tx, user.tenantId, sourceSystem);
    const content = Object.values(
      mappingsInForce((await store.listMappings(tx, user.tenantId, sourceSystem)).map(ruleOf), now),
    )
      .flatMap((byValue) => [...byValue.values()])
      .map((rule) => ({
        ...mappingValueOf(rule),
        effectiveFrom: new Date(rule.effectiveFrom).toISOString(),
      }));
    return store.createMappingSet(tx, {
      tenantId: user.tenantId,
      sourceSystem,
      version: (previous?.version ?? 0) + 1,
      tag: previous
        ? nextTag(previous.tag, mappingSetBump(changes.map((change) => change.change)))
        : FIRST_TAG,
      content: content as Prisma.InputJsonValue,
      changes: changes as Prisma.InputJsonValue,
      authorId: user.userId,
      comment,
    });
  });
}

/** The mappings in force at `at` for a source system (retired ones left out). */
export async function mappingsAt(
  prisma: PrismaClient,
  identity: Identity,
  sourceSystem: string,
  kind: MappingKind | null | undefined,
  at: Date | null | undefined,
) {
  const { tenantId } = requireUser(identity);
  const rows = await store.listMappings(prisma, tenantId, sourceSystem, kind);
  const inForce = mappingsInForce(rows.map(ruleOf), at ?? new Date());
  return rows.filter(
    (row) =>
      row.targetValue !== null && inForce[row.kind].get(row.sourceValue)?.effectiveFrom === row.effectiveFrom,
  );
}

export function mappingSets(prisma: PrismaClient, identity: Identity, sourceSystem: string) {
  return store.listMappingSets(prisma, requireUser(identity).tenantId, sourceSystem);
}

/** A mapped canonical transaction checked against its schema version (1.x or 2.x). */
function schemaErrors(record: Record<string, unknown>) {
  if (!('event_type' in record)) return [];
  const schema = String(record.version ?? '').startsWith('1.')
    ? canonicalTransactionV1
    : canonicalTransactionV2;
  const result = schema.safeParse(record);
  return result.success
    ? []
    : describeIssues(result.error).map((issue) => ({
        field: issue.field,
        code: 'SCHEMA',
        message: issue.message,
      }));
}

/**
 * Maps a source payload (one record or an array) with the source system's mappings in force now, without
 * sending it: the canonical records that mapped and every error, per record index.
 */
export async function dryRunMapping(
  prisma: PrismaClient,
  identity: Identity,
  sourceSystem: string,
  payload: unknown,
) {
  const { tenantId } = requireUser(identity);
  const records = Array.isArray(payload) ? payload : [payload];
  if (records.length > 1_000) {
    throw new MeridianError(ErrorCode.BAD_USER_INPUT, 'payload: dry-run at most 1,000 records at a time.', {
      field: 'payload',
    });
  }
  const table = mappingsInForce((await store.listMappings(prisma, tenantId, sourceSystem)).map(ruleOf));
  const canonical: unknown[] = [];
  const errors: Array<{ row: number; field: string; code: string; message: string }> = [];
  records.forEach((record, row) => {
    const mapped = mapSourceRecord(record, table);
    const found = mapped.ok ? schemaErrors(mapped.record) : mapped.errors;
    errors.push(...found.map((error) => ({ row, ...error })));
    if (mapped.ok) canonical.push(mapped.record);
  });
  return { canonical, errors };
}
