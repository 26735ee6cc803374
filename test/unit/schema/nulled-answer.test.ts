import { execute, type GraphQLResolveInfo, parse } from 'graphql';
import { createSchema } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { nullsTheAnswer } from '../../../src/schema/nulled-answer-plugin.ts';

// Every `probe` field records whether a failure there would null the whole answer.
const seen: Record<string, boolean> = {};
const probe = (_: unknown, __: unknown, ___: unknown, info: GraphQLResolveInfo) => {
  seen[info.path.key === 'probe' ? String(info.path.prev?.key) : String(info.path.key)] =
    nullsTheAnswer(info);
  return 1;
};
const schema = createSchema({
  typeDefs: /* GraphQL */ `
    type Query { strict: Box! loose: Box items: [Box!]! holes: [Box]! thing: Thing! }
    type Box { probe: Int! soft: Int inner: Box! }
    type Other { probe: Int! }
    union Thing = Box | Other
  `,
  resolvers: {
    Query: {
      strict: () => ({}),
      loose: () => ({}),
      items: () => [{}],
      holes: () => [{}],
      thing: () => ({ __typename: 'Box' }),
    },
    Box: { probe, soft: probe, inner: () => ({}) },
    Thing: { __resolveType: (value: { __typename: string }) => value.__typename },
  },
});

const run = (document: string) => execute({ schema, document: parse(document) });

describe('nullsTheAnswer', () => {
  it('is true only where every field and list item up to data is non-null', async () => {
    await run(`{
      strict { probe }
      deep: strict { inner { inner { probe } } }
      loose { probe }
      items { probe }
      holes { probe }
      soft: strict { soft }
    }`);
    expect(seen).toMatchObject({ strict: true, inner: true, loose: false, 0: false, soft: false });
    // items[0].probe: a non-null item of a non-null list; holes[0].probe: the item may be null.
    await run('{ items { probe } }');
    expect(seen[0]).toBe(true);
  });

  it('follows aliases and fragments, on a union member too', async () => {
    await run(`{
      a: thing { ... on Box { b: inner { ...P } } }
    }
    fragment P on Box { probe }`);
    expect(seen.b).toBe(true);
  });
});
