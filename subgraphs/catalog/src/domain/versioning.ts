import { type EntityType, type JsonValue, type MasterRecord, RECORD_FIELDS } from './records';

/** One field a version changed. */
export interface FieldChange {
  field: string;
  before: JsonValue;
  after: JsonValue;
}

export type Bump = 'major' | 'minor' | 'patch';

/**
 * The semantic-version rule of master records: what a change can break decides its bump.
 * - major: identity and units — what other systems key on or count in (code, GTIN, base unit and conversions,
 *   a location's type and place in the hierarchy). Consumers may have to remap.
 * - minor: commercial and planning fields — money, order quantities, dimensions, supplier lead times and
 *   reliability, quarantine, region and data residency. Planning results change; identities do not.
 * - patch: descriptive fields — names and the data owner.
 * A version's bump is the highest of its changed fields'.
 */
export const MAJOR_FIELDS: Record<EntityType, readonly string[]> = {
  SKU: ['code', 'gtin', 'baseUom', 'uomConversions'],
  SUPPLIER: ['code'],
  LOCATION: ['code', 'type', 'parentId'],
};
export const PATCH_FIELDS: readonly string[] = ['name', 'dataOwnerId'];

export const FIRST_TAG = '1.0.0';

/** A field's bump under the rule above. */
export function bumpOfField(entityType: EntityType, field: string): Bump {
  if (MAJOR_FIELDS[entityType].includes(field)) return 'major';
  return PATCH_FIELDS.includes(field) ? 'patch' : 'minor';
}

/** The bump a set of changes calls for, or null when nothing changed. */
export function bumpOf(entityType: EntityType, changes: readonly FieldChange[]): Bump | null {
  const bumps = new Set(changes.map((change) => bumpOfField(entityType, change.field)));
  if (bumps.has('major')) return 'major';
  if (bumps.has('minor')) return 'minor';
  return bumps.has('patch') ? 'patch' : null;
}

export function nextTag(tag: string, bump: Bump): string {
  const [major = 1, minor = 0, patch = 0] = tag.split('.').map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

const same = (a: JsonValue | undefined, b: JsonValue | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Field-level before/after of every field that differs (a new record: every field, from null). */
export function diffRecords(
  entityType: EntityType,
  before: MasterRecord | null,
  after: MasterRecord,
): FieldChange[] {
  return RECORD_FIELDS[entityType]
    .filter((field) => !same(before?.[field], after[field]))
    .map((field) => ({ field, before: before?.[field] ?? null, after: after[field] ?? null }));
}

/** The record after a version's changes. */
export function applyChanges(record: MasterRecord, changes: readonly FieldChange[]): MasterRecord {
  const next = { ...record };
  for (const change of changes) next[change.field] = change.after;
  return next;
}

/** The record before a version's changes: how an old version's state is rebuilt from a newer one. */
export function revertChanges(record: MasterRecord, changes: readonly FieldChange[]): MasterRecord {
  const previous = { ...record };
  for (const change of changes) previous[change.field] = change.before;
  return previous;
}

export interface StoredVersion {
  version: number;
  snapshot: MasterRecord | null;
  changes: FieldChange[];
}

/**
 * Every version's record, rebuilt where its snapshot was cleared: walking from the newest version down, each
 * record is its own snapshot when it has one, else the next newer record with that version's changes undone.
 * `newestFirst` must be consecutive versions down from the newest, whose snapshot is always kept.
 */
export function rebuildRecords(newestFirst: readonly StoredVersion[]): Map<number, MasterRecord> {
  const records = new Map<number, MasterRecord>();
  let newer: { record: MasterRecord; changes: FieldChange[] } | null = null;
  for (const stored of newestFirst) {
    const record: MasterRecord | null =
      stored.snapshot ?? (newer ? revertChanges(newer.record, newer.changes) : null);
    if (!record) throw new Error(`Version ${stored.version} cannot be rebuilt: no newer snapshot.`);
    records.set(stored.version, record);
    newer = { record, changes: stored.changes };
  }
  return records;
}

/** How many of the newest versions keep their whole record (the hot copies). */
export const HOT_VERSIONS = 7;
