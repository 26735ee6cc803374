/**
 * Scrubbing of credentials from any text that may end up in an error, a log line or a
 * GraphQL response (after octokit's RequestError, which redacts the authorization header).
 */

const BEARER = /\b(bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
// Three base64url segments starting with `eyJ` are a JWT whatever surrounds them.
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const SECRET_PARAM = /\b(client_secret|access_token|refresh_token)=[^&\s"']+/gi;

export const REDACTED = '[REDACTED]';

/** Replaces bearer values, JWTs, secret form fields and every given literal secret. */
export const redactSecrets = (text: string, secrets: readonly (string | null | undefined)[] = []): string => {
  let out = text;
  for (const secret of secrets) {
    // Very short strings would redact ordinary words; real tokens and secrets are long.
    if (secret && secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(BEARER, (_match, word: string) => `${word} ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(SECRET_PARAM, (_match, name: string) => `${name}=${REDACTED}`);
};
