import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';

let t: TestGateway;
let quiet: TestGateway;
let admin: string;

const SPEC = { accept: 'application/graphql-response+json' };
const deep = `{ nonEmployeeApprovals { edges { node { request { approvals { request { approvals { request { source { name } } } } } } } } } }`;
const aliases = `{ ${Array.from({ length: 4 }, (_, i) => `a${i}: nonEmployeeSource(id: "x") { name }`).join(' ')} }`;
const tokens = `{ ${Array.from({ length: 120 }, () => '__typename').join(' ')} }`;
const directives = `{ __typename @skip(if: false) @skip(if: false) @skip(if: false) @skip(if: false) }`;

beforeAll(async () => {
  const env = {
    GRAPHQL_MAX_DEPTH: '8',
    GRAPHQL_MAX_ALIASES: '3',
    GRAPHQL_MAX_TOKENS: '100',
    GRAPHQL_MAX_DIRECTIVES: '3',
  };
  t = await startGateway({ env });
  quiet = await startGateway({ env: { GRAPHQL_INTROSPECTION: 'false' } });
  admin = await t.sandbox.tokenFor('admin');
});
afterAll(async () => {
  await t.close();
  await quiet.close();
});

describe('refusals before execution', () => {
  const cases = [
    ['depth', deep, 'QUERY_TOO_DEEP', /depth limit of 8/],
    ['aliases', aliases, 'TOO_MANY_ALIASES', /Aliases limit of 3/],
    ['tokens', tokens, 'TOO_MANY_TOKENS', /Token limit of 100/],
    ['directives', directives, 'TOO_MANY_DIRECTIVES', /Directives limit of 3/],
  ] as const;
  for (const [what, query, code, message] of cases) {
    it(`refuses too many ${what} with ${code}: 400 for graphql-response+json, 200 for application/json`, async () => {
      await t.sandbox.resetStats();
      const spec = await t.gql(query, {}, { token: admin, headers: SPEC });
      expect(spec.status).toBe(400);
      expect(spec.errors?.[0].extensions).toEqual({ code });
      expect(spec.errors?.[0].message).toMatch(message);
      expect(spec.errors?.[0].message).not.toMatch(/Syntax Error/);
      const legacy = await t.gql(query, {}, { token: admin, headers: { accept: 'application/json' } });
      expect(legacy.status).toBe(200);
      expect(legacy.errors?.[0].extensions?.code).toBe(code);
      expect((await t.sandbox.stats()).total).toBe(0);
    });
  }

  it('gives syntax and validation errors Yoga’s codes and a 400', async () => {
    const syntax = await t.gql('{ nonEmployeeSources(', {}, { headers: SPEC });
    expect(syntax.status).toBe(400);
    expect(syntax.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const invalid = await t.gql('{ nonEmployeeSourcez { totalCount } }', {}, { headers: SPEC });
    expect(invalid.status).toBe(400);
    expect(invalid.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(invalid.errors?.[0].message).toMatch(/Did you mean .*"nonEmployeeSources"/);
  });
});

describe('GRAPHQL_INTROSPECTION=false', () => {
  it('refuses __schema and __type with INTROSPECTION_DISABLED and hides field suggestions', async () => {
    const schema = await quiet.gql('{ __schema { types { name } } }', {}, { headers: SPEC });
    expect(schema.status).toBe(400);
    expect(schema.errors?.[0].extensions?.code).toBe('INTROSPECTION_DISABLED');
    const type = await quiet.gql('{ __type(name: "Query") { name } }', {}, { headers: SPEC });
    expect(type.errors?.[0].extensions?.code).toBe('INTROSPECTION_DISABLED');
    const typo = await quiet.gql('{ nonEmployeeSourcez { totalCount } }', {}, { headers: SPEC });
    expect(typo.errors?.[0].message).not.toMatch(/nonEmployeeSources/);
    expect((await quiet.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('answers introspection by default', async () => {
    const schema = await t.gql('{ __schema { queryType { name } } }');
    expect(schema.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});
