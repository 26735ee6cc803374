/** ISC's limits on non-employee data, as the spec's `maxItems` and the product state them. */

export const MAX_SOURCES = 50;
export const MAX_RECORDS_PER_SOURCE = 20_000;
export const MAX_APPROVERS = 3;
export const MAX_ACCOUNT_MANAGERS = 10;
export const MAX_CUSTOM_ATTRIBUTES = 10;
/** Approver and requester comments. */
export const MAX_COMMENT_LENGTH = 4000;
/**
 * A custom attribute value in `data`. The spec states no maxLength for it; the sandbox and the
 * gateway hold it to 255 characters, the bound of the record's other text fields.
 */
export const MAX_ATTRIBUTE_VALUE_LENGTH = 255;
