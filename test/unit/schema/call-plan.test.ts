import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createCallCache } from '../../../src/loaders/call-cache.ts';
import { startPlannedCalls } from '../../../src/loaders/call-plan.ts';
import { createLoaders } from '../../../src/loaders/index.ts';
import { estimateCost } from '../../../src/schema/cost/estimate.ts';
import { schema } from '../../../src/schema/index.ts';
import { createRecordingApi } from '../loaders/recording-api.ts';

const SOURCE = '2c9180867d2e8a4a017d2f0a12340001';
const planOf = (query: string, variables: Record<string, unknown> = {}) =>
  estimateCost(schema, parse(query), undefined, variables).plan;

describe('the plan of a query', () => {
  it('starts the sources list with the records page when their accounts or sources are selected', () => {
    expect(planOf('{ nonEmployeeRecords(first: 250) { edges { node { account { disabled } } } } }')).toEqual([
      { kind: 'all-sources' },
    ]);
    expect(planOf('{ nonEmployeeRecords(first: 5) { edges { node { source { name } } } } }')).toEqual([
      { kind: 'all-sources' },
    ]);
    expect(planOf('{ accounts(first: 5) { edges { node { nonEmployeeSource { name } } } } }')).toEqual([
      { kind: 'all-sources' },
    ]);
  });

  it('plans nothing the selection cannot use', () => {
    expect(planOf('{ nonEmployeeRecords(first: 5) { edges { node { accountName } } } }')).toEqual([]);
    // A root list of sources primes the sources its records name: the full list may never be needed.
    expect(
      planOf(
        '{ nonEmployeeSources(first: 50) { edges { node { records(first: 5) { edges { node { account { locked } } } } } } } }',
      ),
    ).toEqual([]);
    // A request embeds its source's id and name.
    expect(planOf('{ nonEmployeeRequests(first: 5) { edges { node { source { id name } } } } }')).toEqual([]);
  });

  it('starts the schema attributes of a source given by id, raw or global', () => {
    const global = Buffer.from(`NonEmployeeSource:${SOURCE}`).toString('base64');
    for (const id of [SOURCE, global]) {
      expect(
        planOf('query ($id: ID!) { nonEmployeeSource(id: $id) { name schemaAttributes { label } } }', { id }),
      ).toEqual([{ kind: 'all-sources' }, { kind: 'schema-attributes', sourceId: SOURCE }]);
    }
    expect(planOf('{ nonEmployeeSource(id: "not an id") { schemaAttributes { label } } }')).toEqual([
      { kind: 'all-sources' },
    ]);
  });

  it('plans nothing for a mutation: its reads wait for the write', () => {
    expect(planOf(`mutation { deleteNonEmployeeRecord(input: { id: "${SOURCE}" }) { __typename } }`)).toEqual(
      [],
    );
  });
});

describe('planned calls', () => {
  it('are the calls the fields take later: made once, a failure handed to the first field only', async () => {
    const cache = createCallCache();
    let made = 0;
    cache.prime('sources', { limit: 250 }, async () => {
      made += 1;
      throw new Error('forbidden');
    });
    await expect(cache.once('sources', { limit: 250 }, async () => 'again')).rejects.toThrow('forbidden');
    expect(made).toBe(1);
    // After the failure reached a field, a later field may try again.
    await expect(cache.once('sources', { limit: 250 }, async () => 'again')).resolves.toBe('again');
  });

  it('go through the loaders: the primed sources list and schema attributes are not called twice', async () => {
    const { api, calls } = createRecordingApi({
      listNonEmployeeSources: async () => ({
        items: [{ id: SOURCE, name: 'S', sourceId: 'isc' }],
        totalCount: null,
      }),
      getNonEmployeeSourceSchemaAttributes: async () => [],
    });
    const loaders = createLoaders(api);
    startPlannedCalls(loaders, [{ kind: 'all-sources' }, { kind: 'schema-attributes', sourceId: SOURCE }]);
    expect((await loaders.source.load(SOURCE))?.name).toBe('S');
    expect(await loaders.schemaAttributes.load(SOURCE)).toEqual([]);
    expect(calls.map((call) => call.method)).toEqual([
      'listNonEmployeeSources',
      'getNonEmployeeSourceSchemaAttributes',
    ]);
  });
});
