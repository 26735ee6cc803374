/**
 * Remove and the identities-accounts toggles: beta, generally available from v2025. With
 * `SAIL_API_VERSION=v2025` they go to v2025; with v3 and v2024 (which lack them) to beta.
 */
import type { UpstreamApi } from '../api.ts';
import { encodePath, type UpstreamApiVersion } from '../http-client.ts';
import type { BulkIdentitiesAccountsResponse, TaskResultDto } from '../wire/accounts.ts';
import { type OperationContext, toAsyncResult } from './context.ts';

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
  http,
  nelmVersion,
}: OperationContext): BetaAccountOperations => {
  const version = laterAccountVersion(nelmVersion);
  const bulk = async (path: string, identityIds: string[]): Promise<BulkIdentitiesAccountsResponse[]> => {
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
      return (await http.json<TaskResultDto>({ method: 'POST', version, path })).data;
    },
    async enableAccountForIdentity(identityId) {
      const path = encodePath`/identities-accounts/${identityId}/enable`;
      return toAsyncResult((await http.json<unknown>({ method: 'POST', version, path })).data);
    },
    async disableAccountForIdentity(identityId) {
      const path = encodePath`/identities-accounts/${identityId}/disable`;
      return toAsyncResult((await http.json<unknown>({ method: 'POST', version, path })).data);
    },
    enableAccountsForIdentities(identityIds) {
      return bulk('/identities-accounts/enable', identityIds);
    },
    disableAccountsForIdentities(identityIds) {
      return bulk('/identities-accounts/disable', identityIds);
    },
  };
};
