import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { documentId } from '../src/plugins/use-trusted-documents.ts';
import { EXAMPLE_OPERATIONS } from '../src/schema/example-operations.ts';

/** GraphiQL's example operations as a trusted-documents manifest (document id -> document). */
export function printExampleDocuments(): string {
  const manifest = Object.fromEntries(EXAMPLE_OPERATIONS.map((document) => [documentId(document), document]));
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = fileURLToPath(new URL('../example-documents.json', import.meta.url));
  writeFileSync(target, printExampleDocuments());
  process.stdout.write(`wrote ${target}\n`);
}
