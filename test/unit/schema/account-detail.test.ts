import { buildSchema, type GraphQLResolveInfo, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { accountDetailFor } from '../../../src/schema/accounts/account-detail.ts';
import { selectedFieldNames } from '../../../src/schema/selection.ts';

const schema = buildSchema(`
  type Query { account: Account, accounts: AccountConnection }
  type AccountConnection { edges: [AccountEdge], totalCount: Int }
  type AccountEdge { node: Account, cursor: String }
  type Account { id: ID, disabled: Boolean, locked: Boolean, attributes: String, record: Record, identity: Ref }
  type Record { accountName: String }
  type Ref { id: ID }
`);

/** Runs a query and returns what the root field's resolver saw. */
async function seen(query: string, path: string[] = []) {
  let detail: string | undefined;
  let names: string[] = [];
  const capture = (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
    detail = accountDetailFor(info, path);
    names = [...selectedFieldNames(info, path)].sort();
    return null;
  };
  const result = await graphql({ schema, source: query, rootValue: { account: capture, accounts: capture } });
  expect(result.errors).toBeUndefined();
  return { detail, names };
}

describe('the detail level a selection needs', () => {
  it('is SLIM when only slim fields (and links) are selected', async () => {
    expect(await seen('{ account { id disabled locked record { accountName } } }')).toEqual({
      detail: 'SLIM',
      names: ['disabled', 'id', 'locked', 'record'],
    });
  });

  it('is FULL when attributes or the identity reference are selected, through fragments too', async () => {
    expect((await seen('{ account { disabled attributes } }')).detail).toBe('FULL');
    expect(
      (
        await seen(
          '{ account { ...A } } fragment A on Account { disabled ... on Account { identity { id } } }',
        )
      ).detail,
    ).toBe('FULL');
  });

  it('reads the nodes of a connection at a path', async () => {
    expect(
      await seen('{ accounts { totalCount edges { cursor node { locked } } } }', ['edges', 'node']),
    ).toEqual({
      detail: 'SLIM',
      names: ['locked'],
    });
    expect((await seen('{ accounts { edges { node { attributes } } } }', ['edges', 'node'])).detail).toBe(
      'FULL',
    );
    expect((await seen('{ accounts { totalCount } }', ['edges', 'node'])).detail).toBe('SLIM');
  });
});
