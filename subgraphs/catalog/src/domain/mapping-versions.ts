import type { MappingKind } from '@meridian/canonical';
import type { Bump } from './versioning';

export interface MappingValue {
  kind: MappingKind;
  sourceValue: string;
  targetValue: string | null;
  factor: number | null;
}

export type MappingChangeKind = 'ADDED' | 'CHANGED' | 'RETIRED' | 'RESTATED';

/**
 * The semantic version of a mapping-set change, by what it does to records already mapped:
 * changing or retiring an existing mapping (a source value now maps elsewhere, or not at all) is major; adding
 * a mapping for a new source value is minor; restating a mapping as it is (e.g. a new effective date) is patch.
 */
export function classifyMappingChange(
  inForce: ReadonlyMap<string, MappingValue>,
  added: MappingValue,
): MappingChangeKind {
  const current = inForce.get(mappingKey(added));
  if (!current || current.targetValue === null) return added.targetValue === null ? 'RESTATED' : 'ADDED';
  if (added.targetValue === null) return 'RETIRED';
  return current.targetValue === added.targetValue && (current.factor ?? null) === (added.factor ?? null)
    ? 'RESTATED'
    : 'CHANGED';
}

const bumpOfChange: Record<MappingChangeKind, Bump> = {
  CHANGED: 'major',
  RETIRED: 'major',
  ADDED: 'minor',
  RESTATED: 'patch',
};

export function mappingSetBump(changes: readonly MappingChangeKind[]): Bump {
  const bumps = new Set(changes.map((change) => bumpOfChange[change]));
  return bumps.has('major') ? 'major' : bumps.has('minor') ? 'minor' : 'patch';
}

export function mappingKey(value: Pick<MappingValue, 'kind' | 'sourceValue'>): string {
  return `${value.kind}:${value.sourceValue}`;
}
