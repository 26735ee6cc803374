/** ISC's limits on non-employee data, as the spec's `maxItems` and the product state them. */

export const MAX_SOURCES = 50;
export const MAX_RECORDS_PER_SOURCE = 20_000;
export const MAX_APPROVERS = 3;
export const MAX_ACCOUNT_MANAGERS = 10;
export const MAX_CUSTOM_ATTRIBUTES = 10;
/** Approver and requester comments. */
export const MAX_COMMENT_LENGTH = 4000;
