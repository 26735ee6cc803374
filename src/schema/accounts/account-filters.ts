import type { ArgBuilder } from '@pothos/core';
import { type FilterExpression, f } from '../../upstream/filters.ts';
import type { AccountOrigin } from '../../upstream/wire/accounts.ts';
import { ACCOUNT_SORTERS, MAX_LIST_LIMIT } from '../../upstream/wire/collections.ts';
import { type BuilderTypes, builder } from '../builder.ts';
import { createBadUserInputError } from '../errors/bad-user-input.ts';
import { createOrderByInput } from '../pagination/order-by.ts';

/** At most this many values in one `in`: an accounts page holds no more. */
const MAX_IN_VALUES = MAX_LIST_LIMIT;

export const AccountOriginEnum = builder.enumType('AccountOrigin', {
  description: 'How the account came to be: read from its source, or created by ISC.',
  values: {
    AGGREGATED: { value: 'AGGREGATED', description: 'Read from its source by an aggregation.' },
    PROVISIONED: { value: 'PROVISIONED', description: 'Created on its source by ISC.' },
  } as const satisfies Record<NonNullable<AccountOrigin>, unknown>,
});

const AccountTextFilter = builder.inputType('AccountTextFilter', {
  description: 'Conditions on a text field of accounts; the conditions given must all hold.',
  fields: (t) => ({
    eq: t.string({ description: 'Equal to.' }),
    in: t.stringList({ description: `Equal to one of these (1 to ${MAX_IN_VALUES}).` }),
    sw: t.string({ description: 'Starts with.' }),
  }),
});

const AccountChoiceFilter = builder.inputType('AccountChoiceFilter', {
  description: 'Equal to a value, or to one of several; the conditions given must all hold.',
  fields: (t) => ({
    eq: t.string({ description: 'Equal to.' }),
    in: t.stringList({ description: `Equal to one of these (1 to ${MAX_IN_VALUES}).` }),
  }),
});

const AccountRecommendationFilter = builder.inputType('AccountRecommendationFilter', {
  description: 'Conditions on `recommendation.method`; the conditions given must all hold.',
  fields: (t) => ({
    eq: t.string({ description: 'Equal to.' }),
    in: t.stringList({ description: `Equal to one of these (1 to ${MAX_IN_VALUES}).` }),
    isNull: t.boolean({
      description: 'true: accounts without a recommendation method (`isnull`); false is refused.',
    }),
  }),
});

const AccountDateTimeFilter = builder.inputType('AccountDateTimeFilter', {
  description: 'A range of instants; the bounds given must all hold.',
  fields: (t) => ({
    eq: t.field({ description: 'At exactly this instant.', type: 'DateTime' }),
    gt: t.field({ type: 'DateTime', description: 'After.' }),
    ge: t.field({ type: 'DateTime', description: 'At or after.' }),
    lt: t.field({ type: 'DateTime', description: 'Before.' }),
    le: t.field({ type: 'DateTime', description: 'At or before.' }),
  }),
});

/** The fields `GET /v3/accounts` sorts by. */
export const AccountOrder = createOrderByInput('AccountOrder', ACCOUNT_SORTERS, 'accounts');

interface TextFilter {
  eq?: string | null;
  in?: readonly string[] | null;
  sw?: string | null;
}

interface RecommendationFilter extends TextFilter {
  isNull?: boolean | null;
}

interface DateTimeFilter {
  eq?: Date | null;
  gt?: Date | null;
  ge?: Date | null;
  lt?: Date | null;
  le?: Date | null;
}

/** The filter arguments, as GraphQL hands them over. */
export interface AccountFilterArgs {
  id?: TextFilter | null;
  identityId?: TextFilter | null;
  name?: TextFilter | null;
  nativeIdentity?: TextFilter | null;
  sourceId?: TextFilter | null;
  identityName?: TextFilter | null;
  identityState?: TextFilter | null;
  sourceDisplayableName?: TextFilter | null;
  sourceConnectionType?: TextFilter | null;
  recommendationMethod?: RecommendationFilter | null;
  hasEntitlements?: boolean | null;
  uncorrelated?: boolean | null;
  manuallyCorrelated?: boolean | null;
  identityCorrelated?: boolean | null;
  entitlements?: boolean | null;
  sourceAuthoritative?: boolean | null;
  origin?: readonly NonNullable<AccountOrigin>[] | null;
  created?: DateTimeFilter | null;
  modified?: DateTimeFilter | null;
}

/** The arguments every accounts list takes: what the spec lets `filters` say. */
export function accountFilterArgs(arg: ArgBuilder<BuilderTypes>, options: { sourceId: boolean }) {
  return {
    id: arg({ type: AccountTextFilter, description: 'The ISC id of the account.' }),
    identityId: arg({ type: AccountTextFilter, description: 'The identity the account belongs to.' }),
    name: arg({ description: "The account's name on its source.", type: AccountTextFilter }),
    nativeIdentity: arg({
      description: "The account's id on its source (a non-employee's: the record's account name).",
      type: AccountTextFilter,
    }),
    ...(options.sourceId
      ? { sourceId: arg({ type: AccountTextFilter, description: 'The ISC source the account is on.' }) }
      : {}),
    identityName: arg({ type: AccountTextFilter, description: "The name of the account's identity." }),
    identityState: arg({ type: AccountChoiceFilter, description: "The state of the account's identity." }),
    sourceDisplayableName: arg({ type: AccountChoiceFilter, description: "The source's displayable name." }),
    sourceConnectionType: arg({ type: AccountChoiceFilter, description: "The source's connection type." }),
    recommendationMethod: arg({
      description: "How ISC recommended the account's kind (`recommendation.method`).",
      type: AccountRecommendationFilter,
    }),
    hasEntitlements: arg.boolean({ description: 'Whether the account holds any entitlement.' }),
    entitlements: arg.boolean({ description: 'Whether the account has entitlements (`entitlements eq`).' }),
    sourceAuthoritative: arg.boolean({ description: 'Whether the source is authoritative.' }),
    uncorrelated: arg.boolean({ description: 'Accounts with no identity.' }),
    manuallyCorrelated: arg.boolean({
      description: 'Whether an admin tied the account to its identity by hand.',
    }),
    identityCorrelated: arg.boolean({ description: "Whether the account's identity is correlated." }),
    origin: arg({ type: [AccountOriginEnum], description: 'One of these origins.' }),
    created: arg({ description: 'When the account was first aggregated.', type: AccountDateTimeFilter }),
    modified: arg({ description: 'When ISC last changed the account.', type: AccountDateTimeFilter }),
  };
}

/** Each argument and the field of `GET /v3/accounts` it filters; a unit test holds them to ACCOUNT_FILTERS. */
const TEXT_FIELDS = [
  ['id', 'id'],
  ['identityId', 'identityId'],
  ['name', 'name'],
  ['nativeIdentity', 'nativeIdentity'],
  ['sourceId', 'sourceId'],
  ['identityName', 'identity.name'],
  ['identityState', 'identity.identityState'],
  ['sourceDisplayableName', 'source.displayableName'],
  ['sourceConnectionType', 'source.connectionType'],
  ['recommendationMethod', 'recommendation.method'],
] as const;

const BOOLEAN_FIELDS = [
  ['hasEntitlements', 'hasEntitlements'],
  ['uncorrelated', 'uncorrelated'],
  ['manuallyCorrelated', 'manuallyCorrelated'],
  ['identityCorrelated', 'identity.correlated'],
  ['entitlements', 'entitlements'],
  ['sourceAuthoritative', 'source.authoritative'],
] as const;

function textConditions(argument: string, field: string, filter: TextFilter): FilterExpression[] {
  const conditions: FilterExpression[] = [];
  if (filter.eq != null) conditions.push(f.eq(field, filter.eq));
  if (filter.in != null) {
    if (filter.in.length === 0 || filter.in.length > MAX_IN_VALUES) {
      throw createBadUserInputError(
        `Argument "${argument}.in" takes 1 to ${MAX_IN_VALUES} values (got ${filter.in.length}).`,
        { argumentName: argument },
      );
    }
    conditions.push(f.in(field, [...new Set(filter.in)]));
  }
  if (filter.sw != null) conditions.push(f.sw(field, filter.sw));
  const { isNull } = filter as RecommendationFilter;
  if (isNull === false) {
    throw createBadUserInputError(
      `Argument "${argument}.isNull" takes only true (the API has no "not null").`,
      {
        argumentName: argument,
      },
    );
  }
  if (isNull === true) conditions.push({ op: 'isnull', field });
  return conditions;
}

function dateConditions(field: string, filter: DateTimeFilter): FilterExpression[] {
  return (['eq', 'gt', 'ge', 'lt', 'le'] as const).flatMap((op) => {
    const value = filter[op];
    return value == null ? [] : [f[op](field, value)];
  });
}

/**
 * The filter expression the arguments say, ANDed with `scope` (a source's accounts), or
 * undefined when nothing constrains the list. Values are quoted by the filter compiler.
 */
export function toAccountFilter(
  args: AccountFilterArgs,
  scope: FilterExpression[] = [],
): FilterExpression | undefined {
  const conditions = [...scope];
  for (const [argument, field] of TEXT_FIELDS) {
    const filter = args[argument];
    if (filter) conditions.push(...textConditions(argument, field, filter));
  }
  for (const [argument, field] of BOOLEAN_FIELDS) {
    const value = args[argument];
    if (value != null) conditions.push(f.eq(field, value));
  }
  if (args.origin != null) {
    if (args.origin.length === 0) {
      throw createBadUserInputError('Argument "origin" needs at least one value.', {
        argumentName: 'origin',
      });
    }
    const origins = [...new Set(args.origin)];
    conditions.push(origins.length === 1 ? f.eq('origin', origins[0]) : f.in('origin', origins));
  }
  if (args.created) conditions.push(...dateConditions('created', args.created));
  if (args.modified) conditions.push(...dateConditions('modified', args.modified));
  if (conditions.length === 0) return undefined;
  return conditions.length === 1 ? conditions[0] : f.and(...conditions);
}
