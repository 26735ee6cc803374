/**
 * What a write can change, by the resource kind of its path (the first segment: schema
 * attributes, bulk uploads and exports live under their source). Reads of a kind are cached
 * under that kind's generation; a write renews the generations of every kind it can change.
 */
const SOURCES = 'non-employee-sources';
const RECORDS = 'non-employee-records';
const REQUESTS = 'non-employee-requests';
const APPROVALS = 'non-employee-approvals';
const ACCOUNTS = 'accounts';
const IDENTITY_ACCOUNTS = 'identities-accounts';
/** Paths outside the known kinds share one generation, which every write renews. */
const OTHER = 'other';

export const READ_KINDS: readonly string[] = [
  SOURCES,
  RECORDS,
  REQUESTS,
  APPROVALS,
  ACCOUNTS,
  IDENTITY_ACCOUNTS,
  OTHER,
];

const TOUCHES: Record<string, readonly string[]> = {
  // A source's writes reach its schema, records, requests and their approvals; a deleted one takes all.
  [SOURCES]: READ_KINDS,
  // A record is its source's count and its account's owner.
  [RECORDS]: [RECORDS, SOURCES, ACCOUNTS, OTHER],
  // A request carries its approval items; a request summary lives under requests.
  [REQUESTS]: [REQUESTS, APPROVALS, OTHER],
  // The last approval creates the record (and its account) and completes the request.
  [APPROVALS]: [APPROVALS, REQUESTS, RECORDS, SOURCES, ACCOUNTS, OTHER],
  [ACCOUNTS]: [ACCOUNTS, IDENTITY_ACCOUNTS, OTHER],
  [IDENTITY_ACCOUNTS]: [ACCOUNTS, IDENTITY_ACCOUNTS, OTHER],
};

export const kindOf = (path: string): string => {
  const first = path.split('/')[1] ?? '';
  return first in TOUCHES ? first : OTHER;
};

export const kindsTouchedBy = (kind: string): readonly string[] => TOUCHES[kind] ?? READ_KINDS;
