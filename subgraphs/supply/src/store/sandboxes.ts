import type { Prisma, PrismaClient } from '@meridian/db';

/**
 * Sandboxes: throw-away PostgreSQL schemas `sandbox_<id>` holding copies of the supply tables that
 * ingested transactions write, with one tenant's rows, so a replay can run the live applier against them.
 * The schema's comment records when it was made; old ones are dropped when a new one is made.
 */

/** The tables applyIngestedTransactions writes; a sandbox holds a copy of each. */
const COPIED_TABLES = [
  'InventoryPosition',
  'InventoryMovement',
  'DailyDemand',
  'Promotion',
  'MarketingSignal',
] as const;
const SANDBOX = /^sandbox_[a-z0-9]{1,40}$/;
const CREATED_AT = /^meridian sandbox created (\S+)$/;

function checked(schema: string): string {
  if (!SANDBOX.test(schema)) throw new Error(`"${schema}" is not a sandbox schema name.`);
  return schema;
}

/** Creates the sandbox schema with the tables' shape (indexes and constraints too) and the tenant's rows. */
export async function createSandbox(
  tx: Prisma.TransactionClient,
  schema: string,
  tenantId: string,
  now: Date,
) {
  const name = checked(schema);
  await tx.$executeRawUnsafe(`CREATE SCHEMA "${name}"`);
  await tx.$executeRawUnsafe(
    `COMMENT ON SCHEMA "${name}" IS 'meridian sandbox created ${now.toISOString()}'`,
  );
  for (const table of COPIED_TABLES) {
    await tx.$executeRawUnsafe(`CREATE TABLE "${name}"."${table}" (LIKE "supply"."${table}" INCLUDING ALL)`);
    await tx.$executeRawUnsafe(
      `INSERT INTO "${name}"."${table}" SELECT * FROM "supply"."${table}" WHERE "tenantId" = $1::uuid`,
      tenantId,
    );
  }
}

/** Drops every sandbox made before `cutoff`; returns their names. */
export async function dropSandboxesCreatedBefore(db: PrismaClient, cutoff: Date): Promise<string[]> {
  const schemas = await db.$queryRawUnsafe<Array<{ name: string; note: string | null }>>(
    `SELECT nspname AS "name", obj_description(oid, 'pg_namespace') AS "note"
       FROM pg_namespace WHERE nspname LIKE 'sandbox\\_%'`,
  );
  const dropped: string[] = [];
  for (const { name, note } of schemas) {
    const createdAt = CREATED_AT.exec(note ?? '')?.[1];
    if (!SANDBOX.test(name) || !createdAt || new Date(createdAt) >= cutoff) continue;
    await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    dropped.push(name);
  }
  return dropped;
}
