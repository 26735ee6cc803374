import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../../src/schema/cost/estimate.ts';
import { accountLookups } from '../../../src/schema/cost/field-cost.ts';
import { schema } from '../../../src/schema/index.ts';

const ADMIN = new Set(['idn:nesr:read']);
const estimate = (
  query: string,
  variables: Record<string, unknown> = {},
  rights: ReadonlySet<string> | null = ADMIN,
) => estimateCost(schema, parse(query), undefined, variables, rights);

describe('the estimator', () => {
  it('merges what batches: one sources list for any number of source reads', () => {
    const one = estimate(
      '{ nonEmployeeRecords(first: 250, sourceId: "s") { edges { node { source { name } } } } }',
    );
    expect(one.estimatedCalls).toBe(2);
  });

  it('counts identical lists under aliases once, and different ones apart', () => {
    expect(
      estimate(
        '{ a: nonEmployeeSources(first: 5) { totalCount } b: nonEmployeeSources(first: 5) { totalCount } }',
      ).estimatedCalls,
    ).toBe(1);
    expect(
      estimate(
        '{ a: nonEmployeeSources(first: 5) { totalCount } b: nonEmployeeSources(first: 6) { totalCount } }',
      ).estimatedCalls,
    ).toBe(2);
  });

  it('resolves fragments, @include/@skip and variables', () => {
    const query = `query ($n: Int!, $skip: Boolean!) { nonEmployeeSources(first: $n) { ...F } }
      fragment F on NonEmployeeSourceConnection { edges { node { records(first: 5) @skip(if: $skip) { totalCount } } } }`;
    expect(estimate(query, { n: 7, skip: false }).estimatedCalls).toBe(8);
    expect(estimate(query, { n: 7, skip: true }).estimatedCalls).toBe(1);
  });

  it('accounts of N records are ⌈N/250⌉ per source, bounded by the sources', () => {
    expect(accountLookups(600, 1)).toBe(3);
    expect(accountLookups(250, 50)).toBe(50);
    expect(accountLookups(10, 50)).toBe(10);
    const many = estimate('{ nonEmployeeRecords(first: 250) { edges { node { account { disabled } } } } }');
    expect(many.estimatedCalls).toBe(52);
    expect(many.bounds.join(' ')).toMatch(/worst spread/);
  });

  it("a source's records and requests read their typed attributes by the source's own schema call", () => {
    const attributes = 'attributes { value { raw } }';
    const fields = `schemaAttributes { label }
      records(first: 25) { edges { node { ${attributes} } } }
      requests(first: 25) { edges { node { ${attributes} } } }`;
    // The sources list, the schema, a records page, a requests page.
    expect(estimate(`{ nonEmployeeSource(id: "s") { ${fields} } }`).estimatedCalls).toBe(4);
    // The list, then per source its schema, a records page and a requests page.
    expect(estimate(`{ nonEmployeeSources(first: 5) { edges { node { ${fields} } } } }`).estimatedCalls).toBe(
      16,
    );
    // Records listed from the root are not the source's own: their schema call counts apart.
    expect(
      estimate(`{ nonEmployeeSource(id: "s") { schemaAttributes { label } }
        nonEmployeeRecords(first: 25, sourceId: "s") { edges { node { ${attributes} } } } }`).estimatedCalls,
    ).toBe(4);
  });

  it('a request per distinct approval is a worst case, and says so', () => {
    const inbox = estimate(
      '{ nonEmployeeApprovals(first: 10) { edges { node { request { firstName } } } } }',
    );
    expect(inbox.estimatedCalls).toBe(11);
    expect(inbox.bounds.join(' ')).toMatch(/distinct request/);
  });

  it('a caller who may not read requests may read each through its approval item as well', () => {
    const query = '{ nonEmployeeApprovals(first: 10) { edges { node { request { firstName } } } } }';
    for (const rights of [new Set<string>(), null]) {
      const approver = estimate(query, {}, rights);
      expect(approver.estimatedCalls).toBe(21);
      expect(approver.bounds.join(' ')).toMatch(/approval's detail/);
    }
    // The item's own fields need no read, whoever asks.
    expect(
      estimate('{ nonEmployeeApprovals(first: 10) { edges { node { request { accountName } } } } }', {}, null)
        .estimatedCalls,
    ).toBe(1);
  });

  // Global ids carry ISC ids (32 hex digits): one that does not is refused, not looked up.
  const nodeId = (type: string, n: number | string) =>
    Buffer.from(`${type}:${typeof n === 'number' ? n.toString(16).padStart(32, '0') : n}`).toString('base64');

  it('nodes count by the type each global id names', () => {
    const ids = [
      nodeId('NonEmployeeSource', 1),
      nodeId('NonEmployeeSource', 2),
      nodeId('NonEmployeeRecord', 1),
      nodeId('NonEmployeeRecord', 1),
    ];
    expect(estimate('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }).estimatedCalls).toBe(2);
  });

  it('node and nodes count no call for an id the lookup refuses as malformed', () => {
    const malformed = [
      '',
      'abc',
      'not base64!',
      nodeId('User', 1),
      ...Array.from({ length: 150 }, (_, i) => nodeId('NonEmployeeRecord', `not-isc-${i}`)),
    ];
    const nodes = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    expect(estimate(nodes, { ids: malformed }).estimatedCalls).toBe(0);
    expect(estimate(nodes, { ids: [...malformed, nodeId('NonEmployeeRecord', 1)] }).estimatedCalls).toBe(1);
    for (const id of malformed.slice(0, 5)) {
      expect(estimate('query ($id: ID!) { node(id: $id) { id } }', { id }).estimatedCalls).toBe(0);
    }
  });
});
