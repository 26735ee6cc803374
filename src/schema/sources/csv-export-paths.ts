/** The gateway's CSV export routes: one source's records, and its schema as an upload template. */
export type CsvExportKind = 'records' | 'schema-template';

export const CSV_EXPORT_PREFIX = '/exports/non-employee-sources/';

const FILES: Record<CsvExportKind, string> = {
  records: 'records.csv',
  'schema-template': 'schema-template.csv',
};

/** `/exports/non-employee-sources/{id}/records.csv` (or `schema-template.csv`). */
export function csvExportPath(sourceId: string, kind: CsvExportKind): string {
  return `${CSV_EXPORT_PREFIX}${encodeURIComponent(sourceId)}/${FILES[kind]}`;
}

/** The source id and kind of an export path, or null when the path is not one. */
export function parseCsvExportPath(pathname: string): { sourceId: string; kind: CsvExportKind } | null {
  if (!pathname.startsWith(CSV_EXPORT_PREFIX)) return null;
  const [encodedId, file, ...rest] = pathname.slice(CSV_EXPORT_PREFIX.length).split('/');
  if (!encodedId || rest.length > 0) return null;
  const kind = (Object.keys(FILES) as CsvExportKind[]).find((key) => FILES[key] === file);
  if (!kind) return null;
  try {
    return { sourceId: decodeURIComponent(encodedId), kind };
  } catch {
    return null;
  }
}
