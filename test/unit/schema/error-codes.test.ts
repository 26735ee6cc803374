import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/schema/errors/error-code-catalogue.ts';
import { ErrorCode, ResultCode } from '../../../src/upstream/errors.ts';
import { ROOT } from '../../helpers/gateway-process.ts';

const known = new Set(Object.keys(ERROR_CODES));

/** Every `.ts` file of the gateway (the sandbox speaks ISC's errors, not these). */
function gatewaySources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'sandbox' ? [] : gatewaySources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the ErrorCode catalogue', () => {
  it('holds every code the upstream errors and typed results use', () => {
    for (const code of [...Object.values(ErrorCode), ...Object.values(ResultCode)])
      expect(known).toContain(code);
  });

  it('holds every code literal written in the gateway', () => {
    const literal = /(?:code: |_CODE = |code = '?)'([A-Z][A-Z_]+)'/g;
    const found = gatewaySources().flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(literal)].map((match) => match[1]),
    );
    expect(found.length).toBeGreaterThan(5);
    expect(found.filter((code) => code !== 'INVALID_CONFIG' && !known.has(code))).toEqual([]);
  });

  it("is the README's Error codes table, no more and no less", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Error codes'), readme.indexOf('## Running in production'));
    const listed = new Set(
      table
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([A-Z_]+)`/g)].map((match) => match[1])),
    );
    expect([...known].filter((code) => !listed.has(code))).toEqual([]);
    expect([...listed].filter((code) => !known.has(code))).toEqual([]);
  });
});
