import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// The CommonJS entry, the one Pothos itself loads: one graphql instance under vitest's resolver too.
import { lexicographicSortSchema, printSchema } from 'graphql/index.js';
import { schema } from '../src/schema/index.ts';

/** `npm run schema`: the sorted SDL, checked in as schema.graphql. */
export function printSortedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));
  writeFileSync(target, printSortedSchema());
  process.stdout.write(`wrote ${target}\n`);
}
