import type { RecordEntity } from '../../loaders/entities.ts';
import type { Sorter } from '../../upstream/api.ts';
import { f } from '../../upstream/filters.ts';
import { MAX_LIST_LIMIT } from '../../upstream/wire/collections.ts';
import { MAX_RECORDS_PER_SOURCE } from '../../upstream/wire/nelm-limits.ts';
import { accountDetailFor } from '../accounts/account-detail.ts';
import { builder } from '../builder.ts';
import { withCost } from '../cost/field-cost.ts';
import { createBadUserInputError } from '../errors/bad-user-input.ts';
import { NonEmployeeRecordRef, NonEmployeeSourceRef } from '../refs.ts';
import { expiredRecordsCost } from './source-costs.ts';

/** A source holds at most this many records: by default every ended record comes back. */
const DEFAULT_EXPIRED = MAX_RECORDS_PER_SOURCE;
const BY_END_DATE: readonly Sorter[] = [{ field: 'endDate', direction: 'ASC' }];

const endsBefore = (record: RecordEntity, instant: number) =>
  record.endDate != null && Date.parse(record.endDate) < instant;

interface ExpiredRecords {
  nodes: RecordEntity[];
  truncated: boolean;
  limit: number;
}

const ExpiredNonEmployeeRecordsRef = builder
  .objectRef<ExpiredRecords>('ExpiredNonEmployeeRecords')
  .implement({
    description:
      'Every ended record up to `limit`, earliest end first; `truncated` says that more ended records matched.',
    fields: (t) => ({
      nodes: t.field({
        description: 'The ended records (`endDate` in the past), earliest end first.',
        type: [NonEmployeeRecordRef],
        resolve: (list) => list.nodes,
      }),
      truncated: t.exposeBoolean('truncated', {
        description: 'True when more records matched than `limit`: ask again with a larger `first`.',
      }),
      limit: t.exposeInt('limit', { description: 'The bound the list was read to (`first`).' }),
    }),
  });

builder.objectField(NonEmployeeSourceRef, 'expiredRecords', (t) =>
  t.field({
    type: ExpiredNonEmployeeRecordsRef,
    // A scan that outruns the call budget fails here alone: the source's other fields keep their data.
    nullable: true,
    extensions: withCost(expiredRecordsCost),
    description:
      'Records whose end date has passed, earliest first, optionally only those whose account is still enabled ' +
      '(or already disabled). Reads the records sorted by `endDate` and stops at the first that has not ended: ' +
      `⌊E/${MAX_LIST_LIMIT}⌋ + 1 record pages for E ended records, plus one accounts call per page when ` +
      `\`accountEnabled\` is given (one per ${MAX_LIST_LIMIT} records); records without an account are ` +
      'then left out. The estimate assumes the ended records match `accountEnabled` densely; a sparser ' +
      'source reads further, and past `GRAPHQL_MAX_UPSTREAM_CALLS` this field is null with ' +
      '`UPSTREAM_CALL_BUDGET_EXCEEDED` while the rest of the answer keeps its data.',
    args: {
      accountEnabled: t.arg.boolean({
        description:
          'true: only records whose account is enabled; false: only those whose account is disabled.',
      }),
      asOf: t.arg({
        type: 'DateTime',
        description: 'The instant end dates are compared with; now by default.',
      }),
      first: t.arg.int({
        description: `At most this many records (1 to ${MAX_RECORDS_PER_SOURCE}, default ${DEFAULT_EXPIRED}: every ended record of a source); past it \`truncated\` is true.`,
      }),
    },
    resolve: async (source, args, ctx, info) => {
      const first = args.first ?? DEFAULT_EXPIRED;
      if (!Number.isInteger(first) || first < 1 || first > MAX_RECORDS_PER_SOURCE) {
        throw createBadUserInputError(
          `Argument "first" must be between 1 and ${MAX_RECORDS_PER_SOURCE} (got ${first}).`,
          { argumentName: 'first' },
        );
      }
      if (!source.id) return { nodes: [], truncated: false, limit: first };
      const instant = (args.asOf ?? new Date()).getTime();
      const filters = f.eq('sourceId', source.id);
      // The same detail level as the records' own `account` field asks, so that field reuses these reads.
      const detailLevel = accountDetailFor(info, ['account']);
      const kept: RecordEntity[] = [];
      for (let offset = 0; ; offset += MAX_LIST_LIMIT) {
        const page = await ctx.loaders.listRecords({
          limit: MAX_LIST_LIMIT,
          offset,
          filters,
          sorters: BY_END_DATE,
        });
        const ended = page.items.filter((record) => endsBefore(record, instant));
        if (args.accountEnabled == null) {
          kept.push(...ended);
        } else if (ended.length > 0) {
          const accounts = await Promise.all(
            ended.map((record) => ctx.loaders.accountOfRecord(record, detailLevel)),
          );
          const wantDisabled = !args.accountEnabled;
          kept.push(...ended.filter((_, index) => accounts[index]?.disabled === wantDisabled));
        }
        // One past the bound is enough to know the list was cut.
        const done =
          kept.length > first || ended.length < page.items.length || page.items.length < MAX_LIST_LIMIT;
        if (done) return { nodes: kept.slice(0, first), truncated: kept.length > first, limit: first };
      }
    },
  }),
);
