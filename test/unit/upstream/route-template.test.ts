import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeTemplateOf, UPSTREAM_ROUTE_TEMPLATES } from '../../../src/upstream/route-template.ts';

const OPERATIONS = join(import.meta.dirname, '../../../src/upstream/operations');

/** Every path the operations build: literal strings and `encodePath` templates, `${x}` as `{x}`. */
const pathsInOperations = (): string[] => {
  const found = new Set<string>();
  for (const file of readdirSync(OPERATIONS)) {
    const source = readFileSync(join(OPERATIONS, file), 'utf8');
    for (const [, path] of source.matchAll(/encodePath`([^`]+)`/g))
      found.add(path.replace(/\$\{(\w+)\}/g, '{$1}'));
    for (const [, path] of source.matchAll(/'(\/[a-z-]+(?:\/[a-z-]+)*)'/g)) found.add(path);
  }
  return [...found];
};

describe('routeTemplateOf', () => {
  it('knows every path the operations build', () => {
    const paths = pathsInOperations();
    expect(paths.length).toBeGreaterThan(25);
    for (const path of paths) expect(UPSTREAM_ROUTE_TEMPLATES).toContain(path);
  });

  it('turns ids into their parameter and prefers literal segments', () => {
    expect(routeTemplateOf('/non-employee-records/2c91808b6ef1d43e016efba0ce470904')).toBe(
      '/non-employee-records/{id}',
    );
    expect(routeTemplateOf('/non-employee-records/bulk-delete')).toBe('/non-employee-records/bulk-delete');
    expect(routeTemplateOf('/non-employee-requests/summary/me')).toBe(
      '/non-employee-requests/summary/{requestedFor}',
    );
    expect(routeTemplateOf('/non-employee-sources/abc/schema-attributes/def')).toBe(
      '/non-employee-sources/{sourceId}/schema-attributes/{attributeId}',
    );
  });

  it('calls anything else other, never the path itself', () => {
    expect(routeTemplateOf('/secret/abc123')).toBe('other');
    expect(routeTemplateOf('/accounts/a/b/c/d')).toBe('other');
  });
});
