/**
 * RFC 4180 CSV: comma-separated fields, double-quoted when they hold commas, quotes or line breaks (a quote
 * inside is doubled), CRLF or LF between records. A trailing line break ends the last record, it does not
 * start an empty one.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not part of the first header
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  for (; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') endField();
    else if (char === '\n') endRecord();
    else if (char === '\r' && text[index + 1] === '\n') {
      endRecord();
      index++;
    } else field += char;
  }
  if (quoted) throw new Error('The CSV ends inside a quoted field; close its quote.');
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

/** Quotes a value for a CSV field when it needs it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
