/**
 * Remove and the identities-accounts toggles: beta, generally available from v2025. With
 * `SAIL_API_VERSION=v2025` they go to v2025; with v3 and v2024 (which lack them) to beta.
 */
import type { UpstreamApi } from '../api.ts';
import { encodePath, type UpstreamApiVersion, type UpstreamHttp } from '../http-client.ts';
import type { BulkIdentitiesAccountsResponse, TaskResultDto } from '../wire/accounts.ts';
import { type BoundOperations, type OperationContext, toAsyncResult } from './context.ts';

type BetaAccountOperations = Pick<
  UpstreamApi,
  | 'deleteAccountAsync'
  | 'enableAccountForIdentity'
  | 'disableAccountForIdentity'
  | 'enableAccountsForIdentities'
  | 'disableAccountsForIdentities'
>;

/** The version these operations use for a chosen `SAIL_API_VERSION`. */
export const laterAccountVersion = (nelmVersion: UpstreamApiVersion): UpstreamApiVersion =>
  nelmVersion === 'v2025' ? 'v2025' : 'beta';

export const createIdentitiesAccountOperations = ({
  nelmVersion,
}: OperationContext): BoundOperations<BetaAccountOperations> => {
  const version = laterAccountVersion(nelmVersion);
  const bulk = async (
    http: UpstreamHttp,
    path: string,
    identityIds: string[],
  ): Promise<BulkIdentitiesAccountsResponse[]> => {
    // 207 Multi-Status: one entry per identity, each with its own status code.
    const { data } = await http.json<BulkIdentitiesAccountsResponse[]>({
      method: 'POST',
      version,
      path,
      json: { identityIds },
    });
    return Array.isArray(data) ? data : [];
  };

  return {
    async deleteAccountAsync(id) {
      const path = encodePath`/accounts/${id}/remove`;
      return (await this.http.json<TaskResultDto>({ method: 'POST', version, path })).data;
    },
    async enableAccountForIdentity(identityId) {
      const path = encodePath`/identities-accounts/${identityId}/enable`;
      return toAsyncResult((await this.http.json<unknown>({ method: 'POST', version, path })).data);
    },
    async disableAccountForIdentity(identityId) {
      const path = encodePath`/identities-accounts/${identityId}/disable`;
      return toAsyncResult((await this.http.json<unknown>({ method: 'POST', version, path })).data);
    },
    enableAccountsForIdentities(identityIds) {
      return bulk(this.http, '/identities-accounts/enable', identityIds);
    },
    disableAccountsForIdentities(identityIds) {
      return bulk(this.http, '/identities-accounts/disable', identityIds);
    },
  };
};
