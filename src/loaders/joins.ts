import DataLoader from 'dataloader';
import { UpstreamForbiddenError } from '../upstream/errors.ts';
import type { AccountDetailLevel } from '../upstream/wire/accounts.ts';
import type { NonEmployeeApprovalItemDetail } from '../upstream/wire/nelm.ts';
import { createAccountRecordFinder } from './account-records.ts';
import { type AccountLoaders, isSlimAccount } from './accounts.ts';
import {
  type AccountEntity,
  type AccountKey,
  type AnySourceEntity,
  type ApprovalEntity,
  isSourceLite,
  type RecordEntity,
  type RequestEntity,
  type SourceEntity,
} from './entities.ts';
import type { NelmItemLoaders } from './nelm-items.ts';
import type { SourceLiteField } from './partial-objects.ts';
import { ALL_SOURCES_PARAMS, type SourceLoaders } from './sources.ts';

/**
 * Reads that cross kinds (record -> source -> ISC source -> account, and back) or complete a
 * partial object: a resolver makes one call per field.
 */
export interface JoinLoaders {
  /** The record's account: on its source's ISC source, under its account name; null when there is none. */
  accountOfRecord(record: RecordEntity, detailLevel: AccountDetailLevel): Promise<AccountEntity | null>;
  /** The non-employee record behind an account, found by binary search over its source's records. */
  recordOfAccount(account: AccountEntity): Promise<RecordEntity | null>;
  /** The non-employee source whose ISC source holds the account (from the one sources list). */
  sourceOfAccount(account: AccountEntity): Promise<SourceEntity | null>;
  /** The full source behind a possibly-lite one; a vanished source keeps what the lite one knew. */
  fullSource(source: AnySourceEntity): Promise<SourceEntity>;
  /** A lite field from the embedded source, or from the full source when the embedding lacked it. */
  sourceField(source: AnySourceEntity, field: SourceLiteField): Promise<string | null>;
  /** The account with its FULL fields: itself when it was read FULL, else one get (shared per id). */
  fullAccountOf(account: AccountEntity): Promise<AccountEntity>;
  /** The approval's request, carrying the requester the approval item knows about. */
  requestOfApproval(approval: ApprovalEntity): Promise<RequestEntity | null>;
}

type Deps = Pick<SourceLoaders, 'source' | 'listSources'> &
  Pick<NelmItemLoaders, 'listRecords' | 'request' | 'approvalDetail'> &
  Pick<AccountLoaders, 'account' | 'fullAccount' | 'accountByNativeIdentity'>;

export function createJoinLoaders(loaders: Deps): JoinLoaders {
  const allSources = async (): Promise<SourceEntity[]> =>
    (await loaders.listSources(ALL_SOURCES_PARAMS)).items;
  const recordByAccount = new DataLoader<AccountKey, RecordEntity | null, string>(
    createAccountRecordFinder({
      listAllSources: allSources,
      listRecords: (params) => loaders.listRecords(params),
    }),
    // No cache of its own: the records pages it reads are memoised, and forgotten after record writes.
    { cache: false },
  );
  const fullSource = async (source: AnySourceEntity): Promise<SourceEntity> => {
    if (!isSourceLite(source) || !source.id) return source;
    return (await loaders.source.load(source.id)) ?? source;
  };
  return {
    fullSource,
    async sourceField(source, field) {
      const value = source[field];
      if (value !== undefined) return value ?? null;
      return (await fullSource(source))[field] ?? null;
    },
    async fullAccountOf(account) {
      if (!isSlimAccount(account) || !account.id) return account;
      const full = await loaders.fullAccount.load(account.id);
      if (!full) return account;
      loaders.account.clear(account.id).prime(account.id, full);
      return full;
    },
    async requestOfApproval(approval) {
      const lite = approval.nonEmployeeRequest;
      if (!lite?.id) return null;
      const request = await loaders.request.load(lite.id).catch(async (error: unknown) => {
        // An approver may not read the request itself, only through the detail of their own item.
        if (!(error instanceof UpstreamForbiddenError) || !approval.id) throw error;
        const detail = (await loaders.approvalDetail.load(
          approval.id,
        )) as NonEmployeeApprovalItemDetail | null;
        return (detail?.nonEmployeeRequest ?? null) as RequestEntity | null;
      });
      if (!request) return null;
      return lite.requester && !request.requester ? { ...request, requester: lite.requester } : request;
    },
    async accountOfRecord(record, detailLevel) {
      if (!record.sourceId || !record.accountName) return null;
      const source = await loaders.source.load(record.sourceId);
      if (!source?.sourceId) return null;
      return loaders.accountByNativeIdentity.load({
        sourceId: source.sourceId,
        nativeIdentity: record.accountName,
        detailLevel,
      });
    },
    async recordOfAccount(account) {
      if (!account.sourceId) return null;
      return recordByAccount.load({ sourceId: account.sourceId, nativeIdentity: account.nativeIdentity });
    },
    async sourceOfAccount(account) {
      if (!account.sourceId) return null;
      return (await allSources()).find((source) => source.sourceId === account.sourceId) ?? null;
    },
  };
}
