import { ExpiringCache } from '@meridian/auth';
import {
  type MappingError,
  type MappingTable,
  mappingsInForce,
  type SourceMappingRule,
} from '@meridian/canonical';
import type { PrismaClient } from '@meridian/db';
import type { RecordIssue } from '../record-results';

/** Reads a tenant's mapping rules for one source system. */
export type SourceMappingLookup = (tenantId: string, sourceSystem: string) => Promise<SourceMappingRule[]>;

/**
 * Reads catalog."SourceMapping" (read only: the catalog owns it, like the SKU and location codes the rules
 * check). Every row, future ones included: which rule is in force is decided when a record is mapped.
 */
export function sourceMappingLookup(prisma: PrismaClient): SourceMappingLookup {
  return async (tenantId, sourceSystem) => {
    const rows = await prisma.$queryRawUnsafe<
      {
        kind: SourceMappingRule['kind'];
        sourceValue: string;
        targetValue: string | null;
        factor: string | null;
        effectiveFrom: Date;
      }[]
    >(
      `SELECT "kind"::text AS "kind", "sourceValue", "targetValue", "factor"::text AS "factor", "effectiveFrom"
         FROM "catalog"."SourceMapping"
        WHERE "tenantId" = $1::uuid AND "sourceSystem" = $2`,
      tenantId,
      sourceSystem,
    );
    return rows.map((row) => ({ ...row, factor: row.factor === null ? null : Number(row.factor) }));
  };
}

export interface SourceMappingsOptions {
  /** How long a tenant's rules are reused before they are read again (the catalog may change them). */
  ttlMs?: number;
  now?: () => number;
}

/**
 * The mapping rules in force for a tenant's source system, cached for a few seconds: a feed maps every record
 * of every request, and the rules change rarely. A saved mapping takes effect within `ttlMs`.
 */
export class SourceMappings {
  private readonly rules: ExpiringCache<string, SourceMappingRule[]>;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly lookup: SourceMappingLookup,
    options: SourceMappingsOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 5_000;
    this.now = options.now ?? Date.now;
    this.rules = new ExpiringCache(10_000, this.now);
  }

  async inForce(tenantId: string, sourceSystem: string): Promise<MappingTable> {
    const key = `${tenantId} ${sourceSystem}`;
    let rules = this.rules.get(key);
    if (!rules) {
      rules = await this.lookup(tenantId, sourceSystem);
      this.rules.set(key, rules, this.now() + this.ttlMs);
    }
    return mappingsInForce(rules, new Date(this.now()));
  }
}

/** Why a record's mapping failed, as the ingest answers (and quarantines) a refused record. */
export function mappingIssues(errors: readonly MappingError[]): RecordIssue[] {
  return errors.map((error) => ({
    field: error.field || 'record',
    code: error.code,
    message: error.message,
  }));
}
