/**
 * The bounds of every input the graph takes, in one place: the longest string per field name,
 * the largest list, and the shape of an ISC id. The spec gives `maxLength` 4000 for approval
 * comments and `maxItems` for approvers (3), account managers (10) and schema attributes (18);
 * everything else is a bound the gateway states, so no value reaches a URL or a body unbounded.
 */
import { MAX_COMMENT_LENGTH } from '../upstream/wire/nelm-limits.ts';

/** Names, account names, emails, ids, filter values, cursors: anything without its own bound. */
export const DEFAULT_MAX_STRING_LENGTH = 255;

/** Longer texts: the spec's 4,000 for comments, and the same stated for descriptions and help texts. */
export const MAX_STRING_LENGTH: Readonly<Record<string, number>> = {
  comment: MAX_COMMENT_LENGTH,
  description: 4000,
  helpText: 4000,
  placeholder: 4000,
  // A custom attribute's value: the check against its schema (255) reports it beside the input's other problems.
  value: 4000,
};

/** Any list argument or input field, unless named below. */
export const DEFAULT_MAX_LIST_SIZE = 250;

/** Lists the gateway splits into several calls itself. */
export const MAX_LIST_SIZE: Readonly<Record<string, number>> = {
  ids: 1000,
  identityIds: 1000,
};

/** Inside a JSON value (custom attribute `data`, account `attributes`, a patch `value`): each string and list. */
export const MAX_JSON_STRING_LENGTH = 4000;
export const MAX_JSON_LIST_SIZE = DEFAULT_MAX_LIST_SIZE;
/** Objects and lists nested deeper than this in a JSON value are refused. */
export const MAX_JSON_DEPTH = 8;

/** ISC ids: 32 hex digits (`2c9180835d2e5168015d32f890ca1581`) or a UUID (the sandbox's sources and records). */
export const ISC_ID = /^(?:[\da-f]{32}|[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12})$/i;

export const isIscId = (value: string): boolean => ISC_ID.test(value);

export const maxStringLength = (field: string): number =>
  MAX_STRING_LENGTH[field] ?? DEFAULT_MAX_STRING_LENGTH;

export const maxListSize = (field: string): number => MAX_LIST_SIZE[field] ?? DEFAULT_MAX_LIST_SIZE;
