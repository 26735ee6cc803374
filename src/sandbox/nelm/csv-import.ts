import { CsvError, parse } from 'csv-parse/sync';
import { MAX_RECORDS_PER_SOURCE } from '../../upstream/wire/nelm-limits.ts';
import { badContent, isSandboxError, limitViolation } from '../http/sandbox-error.ts';
import type { IdentityRegistry } from '../seed/identities.ts';
import type { SourceRow, UploadError } from '../store/nelm-rows.ts';
import { CSV_SYSTEM_COLUMNS } from '../store/system-attributes.ts';
import { checkData } from './attribute-data.ts';
import { parseRecordInput, type RecordInput } from './record-input.ts';

export interface ParsedCsv {
  columns: string[];
  /** Data rows with their 1-based line numbers, values by column. */
  rows: Array<{ line: number; values: string[] }>;
}

/** Reads the file as CSV; an unreadable file or a wrong header is a 400 before any job exists. */
export function parseUploadCsv(text: string, source: SourceRow): ParsedCsv {
  let table: string[][];
  try {
    table = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    const message = error instanceof CsvError ? error.message : String(error);
    throw badContent(`The file is not a readable CSV: ${message}`);
  }
  if (table.length === 0) throw badContent('The CSV is empty: it needs a header row and records.');
  const [header, ...data] = table;
  const custom = new Set(source.attributes.filter((a) => !a.system).map((a) => a.technicalName));
  const system = new Set<string>(CSV_SYSTEM_COLUMNS);
  const unknown = header.filter((column) => !system.has(column) && !custom.has(column));
  if (unknown.length) throw badContent(`Unknown CSV columns: ${unknown.join(', ')}.`);
  if (new Set(header).size !== header.length) throw badContent('The CSV header names a column twice.');
  const missing = CSV_SYSTEM_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length) throw badContent(`The CSV header lacks required columns: ${missing.join(', ')}.`);
  if (data.length === 0) throw badContent('The CSV has a header but no records.');
  if (data.length > MAX_RECORDS_PER_SOURCE) {
    throw limitViolation(
      `A bulk upload can hold at most ${MAX_RECORDS_PER_SOURCE} records; got ${data.length}.`,
    );
  }
  return { columns: header, rows: data.map((values, i) => ({ line: i + 2, values })) };
}

/** Validates every row; the job fails as a whole (nothing imported) when any row is wrong. */
export function validateRows(
  csv: ParsedCsv,
  source: SourceRow,
  identities: IdentityRegistry,
): { inputs: RecordInput[]; errors: UploadError[] } {
  const inputs: RecordInput[] = [];
  const errors: UploadError[] = [];
  const seen = new Map<string, number>();
  const customColumns = csv.columns.filter((c) => !(CSV_SYSTEM_COLUMNS as readonly string[]).includes(c));
  for (const { line, values } of csv.rows) {
    if (values.length !== csv.columns.length) {
      errors.push({ line, message: `Expected ${csv.columns.length} values, found ${values.length}.` });
      continue;
    }
    const byColumn = Object.fromEntries(csv.columns.map((column, i) => [column, values[i]]));
    const data = Object.fromEntries(
      customColumns.filter((c) => byColumn[c] !== '').map((c) => [c, byColumn[c]]),
    );
    try {
      const parsed = parseRecordInput({ ...byColumn, sourceId: source.id });
      const input = { ...parsed, data: checkData(data, source, identities) };
      const earlier = seen.get(input.accountName);
      if (earlier !== undefined) {
        errors.push({ line, message: `Account name '${input.accountName}' is also on line ${earlier}.` });
        continue;
      }
      seen.set(input.accountName, line);
      inputs.push(input);
    } catch (error) {
      if (!isSandboxError(error)) throw error;
      errors.push({ line, message: error.message });
    }
  }
  return { inputs, errors };
}
