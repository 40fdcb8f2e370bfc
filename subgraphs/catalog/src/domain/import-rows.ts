import { parseCsv } from './csv';
import { type EntityType, RECORD_FIELDS } from './records';

/** One problem with an import: its 1-based data row (0: the file itself), field, rule code and what to do. */
export interface RowError {
  row: number;
  field: string | null;
  code: string;
  message: string;
}

/** Columns that name another record by its code instead of its id, and the field they fill. */
export const REFERENCE_COLUMNS: Record<EntityType, Record<string, string>> = {
  SKU: { familyCode: 'familyId', supplierCode: 'supplierId' },
  SUPPLIER: {},
  LOCATION: { parentCode: 'parentId' },
};

const NUMERIC_FIELDS = new Set([
  'weightGrams',
  'lengthMm',
  'widthMm',
  'heightMm',
  'unitCostCents',
  'priceCents',
  'minOrderQty',
  'packSize',
  'leadTimeHours',
  'leadTimeStdDevHours',
  'reliability',
]);

/** `CT:24;PL:960` → [{ uom: 'CT', factor: 24 }, { uom: 'PL', factor: 960 }]. */
function parseConversions(value: string): unknown {
  return value
    .split(';')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const [uom, factor] = part.split(':');
      return { uom: uom?.trim(), factor: factor === undefined ? undefined : Number(factor) };
    });
}

/** A CSV cell as the record's field wants it; an empty cell leaves the field as it is (or its default). */
function cellValue(field: string, cell: string): unknown {
  const text = cell.trim();
  if (text === '') return undefined;
  if (NUMERIC_FIELDS.has(field)) return Number.isNaN(Number(text)) ? text : Number(text);
  if (field === 'uomConversions') return parseConversions(text);
  return text;
}

export interface ParsedRows {
  /** The rows that could be read, each with its 1-based data row number (blank lines keep their number). */
  rows: Array<{ row: number; values: Record<string, unknown> }>;
  /** Rows that could not be read, and problems with the file as a whole (row 0). */
  errors: RowError[];
}

const fileError = (code: string, message: string, field: string | null = null): ParsedRows => ({
  rows: [],
  errors: [{ row: 0, field, code, message }],
});

/**
 * The rows of a CSV (a header naming the record's fields or reference columns) or a JSON array of objects,
 * as edit inputs. Problems with the file as a whole come back as one error on row 0.
 */
export function parseImportRows(entityType: EntityType, format: 'CSV' | 'JSON', content: string): ParsedRows {
  const columns = new Set([...RECORD_FIELDS[entityType], ...Object.keys(REFERENCE_COLUMNS[entityType])]);
  if (format === 'JSON') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (error) {
      return fileError('INVALID_JSON', `The content is not JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(parsed))
      return fileError('INVALID_JSON', 'The content must be a JSON array of records.');
    return { rows: parsed.map((values, index) => ({ row: index + 1, values })), errors: [] };
  }
  let table: string[][];
  try {
    table = parseCsv(content);
  } catch (error) {
    return fileError('INVALID_CSV', (error as Error).message);
  }
  const [header, ...records] = table;
  if (!header) return fileError('INVALID_CSV', 'The CSV is empty; give a header row and one row per record.');
  const names = header.map((name) => name.trim());
  const unknown = names.find((name) => !columns.has(name));
  if (unknown !== undefined) {
    return fileError(
      'UNKNOWN_COLUMN',
      `Column "${unknown}" is not a field of ${entityType}; use: ${[...columns].join(', ')}.`,
      unknown,
    );
  }
  const parsed: ParsedRows = { rows: [], errors: [] };
  records.forEach((cells, index) => {
    const row = index + 1;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (cells.length > names.length) {
      parsed.errors.push({
        row,
        field: null,
        code: 'TOO_MANY_CELLS',
        message: `Row ${row} has ${cells.length} cells for ${names.length} columns; quote values that contain commas.`,
      });
      return;
    }
    const values = Object.fromEntries(
      names.map((name, column) => [name, cellValue(name, cells[column] ?? '')]),
    );
    parsed.rows.push({ row, values });
  });
  return parsed;
}
