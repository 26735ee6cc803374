import { createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useDocumentCache } from '../../../src/plugins/use-document-cache.ts';
import { schema } from '../../../src/schema/index.ts';

/** A Yoga with only the cache, counting the documents that reach the parser. */
function counted(options: Parameters<typeof useDocumentCache>[0] = {}) {
  let parses = 0;
  const countParses: Plugin = {
    onParse: ({ parseFn, setParseFn }) => {
      setParseFn((...args) => {
        parses += 1;
        return parseFn(...args);
      });
    },
  };
  const yoga = createYoga({
    schema,
    logging: false,
    parserAndValidationCache: false,
    plugins: [useDocumentCache(options), countParses],
  });
  const send = async (query: string) => {
    const response = await yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: unknown; errors?: unknown[] };
  };
  return { send, parses: () => parses };
}

describe('useDocumentCache', () => {
  it('parses a valid document once', async () => {
    const { send, parses } = counted();
    expect((await send('{ __typename }')).data).toEqual({ __typename: 'Query' });
    expect((await send('{ __typename }')).data).toEqual({ __typename: 'Query' });
    expect(parses()).toBe(1);
  });

  it('never keeps a document that failed to parse or to validate', async () => {
    const { send, parses } = counted();
    for (const query of ['{ nope', '{ notAField }']) {
      expect((await send(query)).errors).toBeDefined();
      expect((await send(query)).errors).toBeDefined();
    }
    expect(parses()).toBe(4);
  });

  it('keeps no document larger than its byte budget', async () => {
    const { send, parses } = counted({ maxBytes: 100 });
    const query = `{ __typename } # ${'x'.repeat(200)}`;
    await send(query);
    await send(query);
    expect(parses()).toBe(2);
  });
});
