import { describe, expect, it } from 'vitest';
import { createFilterPredicate } from '../../../src/sandbox/collections/filter-eval.ts';
import { parseFilter } from '../../../src/sandbox/collections/filter-parser.ts';
import { isSandboxError } from '../../../src/sandbox/http/sandbox-error.ts';

function parseError(text: string): string {
  try {
    parseFilter(text);
  } catch (error) {
    if (isSandboxError(error) && error.status === 400) return error.message;
    throw error;
  }
  throw new Error(`'${text}' parsed`);
}

describe('ISC filter parser', () => {
  it('parses a comparison with a double-quoted string', () => {
    expect(parseFilter('sourceId eq "2c91"')).toEqual({
      kind: 'compare',
      field: 'sourceId',
      op: 'eq',
      value: { type: 'string', value: '2c91' },
    });
  });

  it('unescapes quotes and backslashes inside strings', () => {
    expect(parseFilter('name eq "say \\"hi\\" \\\\ bye"')).toMatchObject({
      value: { type: 'string', value: 'say "hi" \\ bye' },
    });
    expect(parseFilter('name eq "\\u00e9t\\u00e9"')).toMatchObject({ value: { value: 'été' } });
  });

  it('reads numbers, booleans, null and unquoted ISO dates', () => {
    expect(parseFilter('n ge 12.5')).toMatchObject({ value: { type: 'number', value: 12.5 } });
    expect(parseFilter('hasEntitlements eq true')).toMatchObject({ value: { type: 'boolean', value: true } });
    expect(parseFilter('x eq null')).toMatchObject({ value: { type: 'null' } });
    expect(parseFilter('created gt 2024-01-02T03:04:05Z')).toMatchObject({
      value: { type: 'date', epochMs: Date.UTC(2024, 0, 2, 3, 4, 5) },
    });
  });

  it('parses in lists, isnull and pr', () => {
    expect(parseFilter('id in ("a", "b","c")')).toEqual({
      kind: 'in',
      field: 'id',
      values: ['a', 'b', 'c'].map((value) => ({ type: 'string', value })),
    });
    expect(parseFilter('recommendation.method isnull')).toEqual({
      kind: 'isnull',
      field: 'recommendation.method',
    });
    expect(parseFilter('pr accountId')).toEqual({ kind: 'pr', field: 'accountId' });
  });

  it('binds and tighter than or, and honours parentheses and not', () => {
    const tree = parseFilter('a eq "1" or b eq "2" and c eq "3"');
    expect(tree).toMatchObject({
      kind: 'or',
      operands: [{ field: 'a' }, { kind: 'and', operands: [{ field: 'b' }, { field: 'c' }] }],
    });
    const grouped = parseFilter('(a eq "1" or b eq "2") and not c eq "3"');
    expect(grouped).toMatchObject({
      kind: 'and',
      operands: [{ kind: 'or' }, { kind: 'not', operand: { field: 'c' } }],
    });
  });

  it('refuses malformed filters with a 400 saying where', () => {
    expect(parseError('')).toMatch(/empty/);
    expect(parseError('name eq "open')).toMatch(/unterminated string/);
    expect(parseError('name eq bare')).toMatch(/quote strings/);
    expect(parseError('name like "x"')).toMatch(/unknown operator 'like'/);
    expect(parseError('name eq "x" and')).toMatch(/expected a field name/);
    expect(parseError('(name eq "x"')).toMatch(/expected '\)'/);
    expect(parseError('name eq "x" "y"')).toMatch(/unexpected/);
    expect(parseError('id in ("a" "b")')).toMatch(/expected ',' or '\)'/);
    expect(parseError('name eq "bad \\q escape"')).toMatch(/invalid escape/);
    expect(parseError('name eq "x" ; drop')).toMatch(/unexpected character/);
    expect(parseError('created gt 2024-13-45T00:00:00Z')).toMatch(/invalid date/);
  });
});

describe('filter predicates', () => {
  const people = [
    { name: 'Ada Lovelace', age: 36, admin: true, created: '2024-01-01T00:00:00Z', manager: null },
    { name: 'alan turing', age: 41, admin: false, created: '2024-06-01T00:00:00Z', manager: 'ada' },
    { name: 'Grace Hopper', age: 85, admin: false, created: '2025-01-01T00:00:00Z', manager: 'ada' },
  ];
  const get = (item: (typeof people)[number], field: string) => (item as Record<string, unknown>)[field];
  const names = (filter: string) =>
    people.filter(createFilterPredicate(parseFilter(filter), get)).map((p) => p.name);

  it('compares strings ignoring case with eq, in, sw and co, as a tenant does', () => {
    expect(names('name eq "Ada Lovelace"')).toEqual(['Ada Lovelace']);
    expect(names('name eq "ada lovelace"')).toEqual(['Ada Lovelace']);
    expect(names('name eq "ada"')).toEqual([]);
    expect(names('name in ("GRACE HOPPER", "nobody")')).toEqual(['Grace Hopper']);
    expect(names('name ne "ALAN TURING"')).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(names('name sw "a"')).toEqual(['Ada Lovelace', 'alan turing']);
    expect(names('name co "HOP"')).toEqual(['Grace Hopper']);
    expect(names('name ne "alan turing"')).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  it('refuses upper-case operators and keywords with a 400', () => {
    for (const filter of [
      'name EQ "x"',
      'name Eq "x"',
      'name IN ("x")',
      'name eq "x" AND age gt 1',
      'NOT admin eq true',
    ]) {
      expect(() => parseFilter(filter), filter).toThrow(/must be lower case/);
      try {
        parseFilter(filter);
      } catch (error) {
        expect((error as { status: number }).status).toBe(400);
      }
    }
  });

  it('compares numbers, booleans and dates', () => {
    expect(names('age gt 40')).toEqual(['alan turing', 'Grace Hopper']);
    expect(names('age le 36')).toEqual(['Ada Lovelace']);
    expect(names('admin eq true')).toEqual(['Ada Lovelace']);
    expect(names('created ge 2024-06-01T00:00:00Z and created lt 2025-01-01')).toEqual(['alan turing']);
  });

  it('handles in, isnull, pr, not and or', () => {
    expect(names('name in ("Grace Hopper", "nobody")')).toEqual(['Grace Hopper']);
    expect(names('manager isnull')).toEqual(['Ada Lovelace']);
    expect(names('pr manager')).toEqual(['alan turing', 'Grace Hopper']);
    expect(names('not admin eq true')).toEqual(['alan turing', 'Grace Hopper']);
    expect(names('age lt 40 or age gt 80')).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });
});
