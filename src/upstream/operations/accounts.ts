/** Accounts: always under v3, whatever version the NELM paths use. */
import type { UpstreamApi } from '../api.ts';
import { encodePath, type UpstreamHttp } from '../http-client.ts';
import type { Account, AccountsAsyncResult, Entitlement } from '../wire/accounts.ts';
import { type BoundOperations, listQuery, toAsyncResult, toPage } from './context.ts';

type AccountOperations = Pick<
  UpstreamApi,
  | 'listAccounts'
  | 'getAccount'
  | 'createAccount'
  | 'updateAccount'
  | 'putAccount'
  | 'deleteAccount'
  | 'getAccountEntitlements'
  | 'submitReloadAccount'
  | 'enableAccount'
  | 'disableAccount'
  | 'unlockAccount'
>;

const version = 'v3';

export const createAccountOperations = (): BoundOperations<AccountOperations> => {
  const task = async (http: UpstreamHttp, path: string, json: unknown): Promise<AccountsAsyncResult> =>
    (await http.json<AccountsAsyncResult>({ method: 'POST', version, path, json })).data;

  return {
    async listAccounts(params) {
      const answer = await this.http.json<Account[]>({
        method: 'GET',
        version,
        path: '/accounts',
        query: { ...listQuery(params), detailLevel: params.detailLevel },
      });
      return toPage(answer, params.count);
    },
    async getAccount(id) {
      return (await this.http.json<Account>({ method: 'GET', version, path: encodePath`/accounts/${id}` }))
        .data;
    },
    async createAccount(body) {
      return (
        await this.http.json<AccountsAsyncResult>({ method: 'POST', version, path: '/accounts', json: body })
      ).data;
    },
    async updateAccount(id, patch) {
      const path = encodePath`/accounts/${id}`;
      return toAsyncResult(
        (await this.http.json<unknown>({ method: 'PATCH', version, path, jsonPatch: patch })).data,
      );
    },
    async putAccount(id, body) {
      const path = encodePath`/accounts/${id}`;
      return (await this.http.json<AccountsAsyncResult>({ method: 'PUT', version, path, json: body })).data;
    },
    async deleteAccount(id) {
      const path = encodePath`/accounts/${id}`;
      return (await this.http.json<AccountsAsyncResult>({ method: 'DELETE', version, path })).data;
    },
    async getAccountEntitlements(id, params) {
      const answer = await this.http.json<Entitlement[]>({
        method: 'GET',
        version,
        path: encodePath`/accounts/${id}/entitlements`,
        query: { limit: params.limit, offset: params.offset, count: params.count ? true : undefined },
      });
      return toPage(answer, params.count);
    },
    submitReloadAccount(id) {
      return task(this.http, encodePath`/accounts/${id}/reload`, undefined);
    },
    enableAccount(id, body) {
      return task(this.http, encodePath`/accounts/${id}/enable`, body);
    },
    disableAccount(id, body) {
      return task(this.http, encodePath`/accounts/${id}/disable`, body);
    },
    unlockAccount(id, body) {
      return task(this.http, encodePath`/accounts/${id}/unlock`, body);
    },
  };
};
