// The mapping editor's checks: a source payload to dry-run must be JSON (one record or a list), and each
// new mapping row needs a source value and, for a unit, a positive factor.

import { lineAndColumn } from './record-json';

export type ParsedPayload = { ok: true; payload: unknown; records: number } | { ok: false; message: string };

/** The pasted payload as JSON (an object or an array of them), or a message saying where it breaks. */
export function parsePayloadJson(text: string): ParsedPayload {
  if (text.trim() === '')
    return { ok: false, message: 'Paste a source payload: one JSON record or a list of them.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const match = error instanceof Error ? /position (\d+)/.exec(error.message) : null;
    const where = match?.[1]
      ? (({ line, column }) => ` at line ${line}, column ${column}`)(lineAndColumn(text, Number(match[1])))
      : '';
    return {
      ok: false,
      message: `The payload is not valid JSON${where}. Check quotes, commas and brackets there.`,
    };
  }
  const isRecord = (entry: unknown) => entry !== null && typeof entry === 'object' && !Array.isArray(entry);
  if (Array.isArray(value)) {
    const bad = value.findIndex((entry) => !isRecord(entry));
    if (bad >= 0) return { ok: false, message: `Record ${bad + 1} of the list is not a JSON object.` };
    return { ok: true, payload: value, records: value.length };
  }
  if (!isRecord(value))
    return { ok: false, message: 'The payload must be a JSON object or a list of objects.' };
  return { ok: true, payload: value, records: 1 };
}

export type MappingKindName = 'SKU' | 'UOM' | 'PARTY';

/** One mapping row as typed in the editor. */
export interface MappingDraft {
  kind: MappingKindName;
  sourceValue: string;
  targetValue: string;
  factor: string;
}

export interface MappingInput {
  sourceSystem: string;
  kind: MappingKindName;
  sourceValue: string;
  targetValue: string | null;
  factor: number | null;
}

/** Problems of one row by field (sourceValue, factor); empty when it can be saved. */
export function mappingRowProblems(row: MappingDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (row.sourceValue.trim() === '') problems.sourceValue = 'Type the value the source system sends.';
  if (row.kind === 'UOM' && row.targetValue.trim() !== '') {
    const factor = Number(row.factor.trim());
    if (row.factor.trim() === '' || !Number.isFinite(factor) || factor <= 0) {
      problems.factor = 'A unit mapping needs a factor above 0: canonical units per source unit.';
    }
  }
  return problems;
}

/** The rows as the API takes them; an empty target retires the mapping. */
export function mappingInputs(sourceSystem: string, rows: readonly MappingDraft[]): MappingInput[] {
  return rows.map((row) => {
    const target = row.targetValue.trim();
    return {
      sourceSystem: sourceSystem.trim(),
      kind: row.kind,
      sourceValue: row.sourceValue.trim(),
      targetValue: target === '' ? null : target,
      factor: row.kind === 'UOM' && target !== '' ? Number(row.factor.trim()) : null,
    };
  });
}
