import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });

/** Every relative import of every file under src/, type-only ones included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(join(SRC, file), 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((match) =>
      relative(SRC, resolve(SRC, dirname(file), match[1] ?? match[2] ?? match[3])),
    );
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The folder edge of one import: the two sibling folders under the importer's and target's common parent. */
function folderEdge(from: string, to: string): [string, string] | null {
  const a = from.split(sep);
  const b = to.split(sep);
  let common = 0;
  while (common < a.length - 1 && common < b.length - 1 && a[common] === b[common]) common += 1;
  // A file beside the common parent (builder.ts, ids.ts) is shared machinery, not a folder.
  if (common >= a.length - 1 || common >= b.length - 1) return null;
  const parent = a.slice(0, common);
  return [[...parent, a[common]].join('/'), [...parent, b[common]].join('/')];
}

/** The cycles of a directed graph, one path per strongly connected component larger than one node. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

describe('imports under src/', () => {
  const files = importGraph();

  it('finds the imports it checks', () => {
    expect(files.get('gateway.ts')).toContain('schema/index.ts');
    expect(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b']]);
  });

  it('has no cycle between files', () => {
    expect(findCycles(files)).toEqual([]);
  });

  // The sandbox's own folders (auth, nelm, http...) count as folders too.
  it('has no cycle between folders', () => {
    const folders = new Map<string, string[]>();
    for (const [from, targets] of files) {
      for (const to of targets) {
        const edge = folderEdge(from, to);
        if (!edge || edge[0] === edge[1]) continue;
        folders.set(edge[0], [...(folders.get(edge[0]) ?? []), edge[1]]);
      }
    }
    expect(folders.get('plugins')).toContain('schema');
    expect(folders.get('sandbox/nelm')).toContain('sandbox/http');
    expect(findCycles(folders)).toEqual([]);
  });

  it('keeps the gateway off the sandbox: only main.ts reaches it, by a dynamic import', () => {
    const intoSandbox = [...files]
      .filter(([from]) => !from.startsWith(`sandbox${sep}`))
      .flatMap(([from, targets]) =>
        targets.filter((to) => to.startsWith(`sandbox${sep}`)).map((to) => `${from} -> ${to}`),
      );
    expect(intoSandbox).toEqual([`main.ts -> ${join('sandbox', 'embedded.ts')}`]);
    const main = readFileSync(join(SRC, 'main.ts'), 'utf8');
    expect(main).toMatch(/await import\('\.\/sandbox\/embedded\.ts'\)/);
    expect(main).not.toMatch(/^\s*import\b[^(]*from\s*['"]\.\/sandbox\//m);
  });
});
