// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { expect } from 'vitest';
import type { Account } from '../../../src/upstream/wire/accounts.ts';
import type { NonEmployeeSource } from '../../../src/upstream/wire/nelm.ts';
import type { TestGateway } from '../../helpers/gateway.ts';

/** What the accounts tests do with their gateway, as one caller (the sandbox admin, usually). */
export type AccountTestKit = ReturnType<typeof createAccountTestKit>;

export function createAccountTestKit(t: TestGateway, token: string) {
  /** A REST read straight from the sandbox; anything but a 200 fails the test. */
  async function rest<T>(path: string): Promise<T> {
    const response = await t.sandbox.api(path, { token });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  /** Every item of a list (`path` has its query string already), page by page. */
  async function readAll<T>(path: string): Promise<T[]> {
    const all: T[] = [];
    for (let offset = 0; ; offset += 250) {
      const page = await rest<T[]>(`${path}&limit=250&offset=${offset}`);
      all.push(...page);
      if (page.length < 250) return all;
    }
  }

  /** Every account of an ISC source, by native identity. */
  async function accountsOn(iscSourceId: string): Promise<Map<string, Account>> {
    const list = await readAll<Account>(
      `/v3/accounts?filters=${encodeURIComponent(`sourceId eq "${iscSourceId}"`)}`,
    );
    return new Map(list.map((account) => [account.nativeIdentity, account]));
  }

  /** The first non-employee source and the first 250 accounts of its ISC source. */
  async function firstSourceAccounts(): Promise<{ source: NonEmployeeSource; accounts: Account[] }> {
    const [source] = await rest<NonEmployeeSource[]>('/v3/non-employee-sources?limit=1');
    const filters = encodeURIComponent(`sourceId eq "${source.sourceId}"`);
    return { source, accounts: await rest<Account[]>(`/v3/accounts?limit=250&filters=${filters}`) };
  }

  /** Runs a query that must not error; its data and the API calls that reached the sandbox. */
  const measure = (query: string, variables: Record<string, unknown> = {}) =>
    t.measure(query, variables, { token });

  /** Runs a mutation that must not error (typed failures are data); the value of its one root field. */
  async function mutate(query: string, variables: Record<string, unknown>, as = token) {
    const result = await t.gql(query, variables, { token: as });
    expect(result.errors).toBeUndefined();
    return Object.values(result.data as Record<string, any>)[0];
  }

  return { rest, readAll, accountsOn, firstSourceAccounts, measure, mutate };
}

/** Hands out accounts that pass a test, never one twice, so that no two tests touch the same account. */
export function createAccountPool(accounts: readonly Account[]) {
  const pool = [...accounts];
  return (test: (account: Account) => boolean = () => true): Account => {
    const index = pool.findIndex(test);
    expect(index).toBeGreaterThanOrEqual(0);
    return pool.splice(index, 1)[0];
  };
}
