/** What a tenant allows a client by default, as ISC's rate-limit and token pages state it. */

/** Requests per `client_id` per window, shared by all tokens of the client. */
export const ISC_RATE_LIMIT = 100;
export const ISC_RATE_LIMIT_WINDOW_MS = 10_000;
/** A tenant token's `expires_in`. */
export const ISC_TOKEN_TTL_SECONDS = 749;
