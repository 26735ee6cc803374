import { schema } from '../src/schema/index.ts';
import { schemaElements, undescribedElements } from '../src/schema/description-coverage.ts';
const all = schemaElements(schema); const missing = undescribedElements(schema);
const byKind = new Map<string, [number, number]>();
for (const e of all) { const k = byKind.get(e.kind) ?? [0, 0]; k[1]++; if (e.description?.trim()) k[0]++; byKind.set(e.kind, k); }
console.log(`${all.length - missing.length}/${all.length}`, [...byKind].map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', '));
if (process.argv[2]) for (const m of missing) console.log(m.kind, m.coordinate);
