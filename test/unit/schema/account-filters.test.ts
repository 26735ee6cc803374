import { describe, expect, it } from 'vitest';
import { toAccountFilter } from '../../../src/schema/accounts/account-filters.ts';
import { toAccountPatch } from '../../../src/schema/accounts/account-patch.ts';
import { ValidationError } from '../../../src/schema/errors/error-classes.ts';
import { compileFilter, f } from '../../../src/upstream/filters.ts';
import { ACCOUNT_FILTERS } from '../../../src/upstream/wire/collections.ts';

const compiled = (
  args: Parameters<typeof toAccountFilter>[0],
  scope?: Parameters<typeof toAccountFilter>[1],
) => {
  const filter = toAccountFilter(args, scope);
  return filter === undefined ? undefined : compileFilter(filter);
};

describe('account filter arguments', () => {
  it('compile to the spec’s fields and operators, every condition ANDed', () => {
    expect(
      compiled({
        nativeIdentity: { in: ['a', 'b', 'a'] },
        name: { sw: 'jo' },
        identityName: { eq: 'Ada' },
        hasEntitlements: false,
        identityCorrelated: true,
        origin: ['AGGREGATED'],
        created: { ge: new Date('2024-01-01T00:00:00Z'), lt: new Date('2025-01-01T00:00:00Z') },
      }),
    ).toBe(
      'name sw "jo" and nativeIdentity in ("a","b") and identity.name eq "Ada" and hasEntitlements eq false and ' +
        'identity.correlated eq true and origin eq "AGGREGATED" and created ge 2024-01-01T00:00:00Z and ' +
        'created lt 2025-01-01T00:00:00Z',
    );
  });

  it('uses only the fields and operators the accounts list allows (ACCOUNT_FILTERS)', () => {
    const text = { eq: 'x', in: ['a', 'b'], sw: 'y' };
    const instant = new Date('2024-01-01T00:00:00Z');
    const range = { eq: instant, gt: instant, ge: instant, lt: instant, le: instant };
    const filter = toAccountFilter({
      id: text,
      identityId: text,
      name: text,
      nativeIdentity: text,
      sourceId: text,
      identityName: text,
      hasEntitlements: true,
      uncorrelated: false,
      manuallyCorrelated: true,
      identityCorrelated: false,
      origin: ['AGGREGATED', 'PROVISIONED'],
      created: range,
      modified: range,
    });
    const operands = filter?.op === 'and' ? filter.operands : [];
    const used = operands.map((operand) => ('field' in operand ? [operand.field, operand.op] : [operand.op]));
    expect(used).toHaveLength(6 * 3 + 4 + 1 + 2 * 5);
    for (const [field, op] of used) expect(ACCOUNT_FILTERS[field]?.ops ?? []).toContain(op);
  });

  it('keeps user text as a quoted value, never filter syntax', () => {
    expect(compiled({ name: { eq: 'x" or id sw "' } })).toBe('name eq "x\\" or id sw \\""');
  });

  it("adds a source's scope, and is undefined with nothing to say", () => {
    expect(compiled({ origin: ['AGGREGATED', 'PROVISIONED'] }, [f.eq('sourceId', 's1')])).toBe(
      'sourceId eq "s1" and origin in ("AGGREGATED","PROVISIONED")',
    );
    expect(compiled({})).toBeUndefined();
  });

  it('refuses an empty or oversized `in` and an empty origin list', () => {
    expect(() => toAccountFilter({ id: { in: [] } })).toThrow(/id\.in/);
    expect(() => toAccountFilter({ id: { in: Array.from({ length: 251 }, (_, i) => `${i}`) } })).toThrow(
      /250/,
    );
    expect(() => toAccountFilter({ origin: [] })).toThrow(/origin/);
  });
});

describe('the JSON Patch of an account update', () => {
  it('puts the typed fields first, then the operations given', () => {
    expect(
      toAccountPatch({
        identityId: '0000000000000000000000000000abc2',
        manuallyCorrelated: false,
        attributes: { title: 'Contractor', 'a/b': 'x', gone: null },
        patch: [{ op: 'move', path: '/attributes/y', from: '/attributes/x' }],
      }),
    ).toEqual([
      { op: 'replace', path: '/identityId', value: '0000000000000000000000000000abc2' },
      { op: 'replace', path: '/manuallyCorrelated', value: false },
      { op: 'add', path: '/attributes/title', value: 'Contractor' },
      { op: 'add', path: '/attributes/a~1b', value: 'x' },
      { op: 'remove', path: '/attributes/gone' },
      { op: 'move', path: '/attributes/y', from: '/attributes/x' },
    ]);
  });

  it('uncorrelates on an explicit null identity', () => {
    expect(toAccountPatch({ identityId: null })).toEqual([{ op: 'remove', path: '/identityId' }]);
  });

  it('names the bad operation in a ValidationError', () => {
    const failure = (input: Parameters<typeof toAccountPatch>[0]) => {
      try {
        toAccountPatch(input);
      } catch (error) {
        return error instanceof ValidationError ? error.path : error;
      }
      return null;
    };
    expect(failure({ patch: [{ op: 'add', path: 'nope', value: 1 }] })).toEqual([
      'input',
      'patch',
      '0',
      'path',
    ]);
    expect(failure({ patch: [{ op: 'replace', path: '/x' }] })).toEqual(['input', 'patch', '0', 'value']);
    expect(failure({ patch: [{ op: 'copy', path: '/x' }] })).toEqual(['input', 'patch', '0', 'from']);
    expect(failure({ attributes: ['x'] })).toEqual(['input', 'attributes']);
  });
});
