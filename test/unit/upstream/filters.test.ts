import { describe, expect, it } from 'vitest';
import { compileFilter, compileSorters, FilterCompileError, f } from '../../../src/upstream/filters.ts';

describe('compileFilter', () => {
  it('writes comparisons in ISC syntax', () => {
    expect(compileFilter(f.eq('sourceId', 'x'))).toBe('sourceId eq "x"');
    expect(compileFilter(f.sw('name', 'Jo'))).toBe('name sw "Jo"');
    expect(compileFilter(f.eq('disabled', true))).toBe('disabled eq true');
    expect(compileFilter(f.gt('count', 3))).toBe('count gt 3');
    expect(compileFilter(f.isnull('identityId'))).toBe('identityId isnull');
  });

  it('writes dates unquoted in ISO-8601, without zero milliseconds', () => {
    expect(compileFilter(f.ge('created', new Date('2024-01-01T00:00:00Z')))).toBe(
      'created ge 2024-01-01T00:00:00Z',
    );
    expect(compileFilter(f.lt('modified', new Date('2024-01-01T00:00:00.250Z')))).toBe(
      'modified lt 2024-01-01T00:00:00.250Z',
    );
  });

  it('writes in lists', () => {
    expect(compileFilter(f.in('nativeIdentity', ['a', 'b']))).toBe('nativeIdentity in ("a","b")');
  });

  it('joins with and/or, with parentheses only where precedence needs them', () => {
    expect(compileFilter(f.and(f.eq('sourceId', 's'), f.in('nativeIdentity', ['a'])))).toBe(
      'sourceId eq "s" and nativeIdentity in ("a")',
    );
    expect(compileFilter(f.and(f.eq('a', 1), f.or(f.eq('b', 2), f.eq('c', 3))))).toBe(
      'a eq 1 and (b eq 2 or c eq 3)',
    );
    expect(compileFilter(f.or(f.and(f.eq('a', 1), f.eq('b', 2)), f.eq('c', 3)))).toBe(
      '(a eq 1 and b eq 2) or c eq 3',
    );
    expect(compileFilter(f.and(f.and(f.eq('a', 1), f.eq('b', 2)), f.eq('c', 3)))).toBe(
      'a eq 1 and b eq 2 and c eq 3',
    );
    expect(compileFilter(f.not(f.or(f.eq('a', 1), f.eq('b', 2))))).toBe('not (a eq 1 or b eq 2)');
    expect(compileFilter(f.and(f.eq('a', 1)))).toBe('a eq 1');
  });

  it('escapes quotes and backslashes so a value cannot leave its quotes', () => {
    expect(compileFilter(f.eq('name', 'say "hi"'))).toBe('name eq "say \\"hi\\""');
    expect(compileFilter(f.eq('name', 'C:\\dir\\'))).toBe('name eq "C:\\\\dir\\\\"');
    // A value ending in a backslash must not escape the closing quote.
    expect(compileFilter(f.eq('name', '\\'))).toBe('name eq "\\\\"');
  });

  it.each([
    'x") or sourceId eq "other',
    '" or x eq "',
    ') or x eq "',
    '\\" or 1 eq 1 or "',
    'a"b\\"c\\\\"d',
    '\n"\u0000',
  ])('keeps the hostile value %j inside one string literal', (value) => {
    const compiled = compileFilter(f.in('name', [value, 'ok']));
    expect(compiled.startsWith('name in (')).toBe(true);
    // Scan the literal as ISC would: the first unescaped quote after the opening one ends it.
    const body = compiled.slice('name in ('.length);
    expect(body[0]).toBe('"');
    let i = 1;
    let decoded = '';
    while (i < body.length && body[i] !== '"') {
      if (body[i] === '\\') i++;
      decoded += body[i];
      i++;
    }
    expect(decoded).toBe(value);
    expect(body.slice(i)).toBe('","ok")');
  });

  it('rejects field names that could carry syntax', () => {
    for (const field of ['', 'a b', 'x) or (y', '1abc', 'name"', 'a-b', 'a,b']) {
      expect(() => compileFilter(f.eq(field, 'v'))).toThrow(FilterCompileError);
    }
    expect(compileFilter(f.eq('attributes.mail_2', 'v'))).toBe('attributes.mail_2 eq "v"');
  });

  it('rejects values and shapes it cannot write', () => {
    expect(() => compileFilter(f.eq('a', Number.NaN))).toThrow(FilterCompileError);
    expect(() => compileFilter(f.eq('a', new Date('nope')))).toThrow(FilterCompileError);
    expect(() => compileFilter(f.in('a', []))).toThrow(/Empty "in"/);
    expect(() => compileFilter(f.and())).toThrow(FilterCompileError);
    expect(() => compileFilter(f.eq('a', { toString: () => '"' } as never))).toThrow(FilterCompileError);
  });
});

describe('compileSorters', () => {
  it('writes a leading minus for descending', () => {
    expect(
      compileSorters([
        { field: 'created', direction: 'DESC' },
        { field: 'name', direction: 'ASC' },
      ]),
    ).toBe('-created,name');
    expect(compileSorters([])).toBe('');
  });

  it('rejects bad fields and directions', () => {
    expect(() => compileSorters([{ field: 'name,-id', direction: 'ASC' }])).toThrow(FilterCompileError);
    expect(() => compileSorters([{ field: 'name', direction: 'UP' as never }])).toThrow(FilterCompileError);
  });
});
