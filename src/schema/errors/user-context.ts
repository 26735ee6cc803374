import { createGraphQLError } from 'graphql-yoga';
import { ResultCode } from '../../upstream/errors.ts';
import type { GatewayContext } from '../context.ts';
import { UserContextRequiredError } from './error-classes.ts';

const NO_USER = 'This token belongs to an API client and has no user';

const isMe = (requestedFor: string | null | undefined) => requestedFor?.trim().toLowerCase() === 'me';

/** Only a JWT without `identity_id` is known to lack a user; anything else is left to the upstream. */
async function lacksUser(ctx: GatewayContext): Promise<boolean> {
  return (await ctx.caller.claims()).kind === 'API_CLIENT';
}

/**
 * A read for `requestedFor: "me"` with a token that has no user would fail upstream: a GraphQL
 * error with `extensions.code: USER_CONTEXT_REQUIRED` instead, before any call.
 */
export async function requireUserForMe(
  ctx: GatewayContext,
  requestedFor: string | null | undefined,
  field: string,
): Promise<void> {
  if (!isMe(requestedFor) || !(await lacksUser(ctx))) return;
  throw createGraphQLError(
    `${NO_USER}, so \`${field}\` cannot read for "me". Use a personal access token (it acts as its user), or pass \`requestedFor\` with an identity id.`,
    { extensions: { code: ResultCode.UserContextRequired } },
  );
}

/** A write that only a user may make (approve, reject, record updates): a typed result before any call. */
export async function requireUserForWrite(ctx: GatewayContext, what: string): Promise<void> {
  if (!(await lacksUser(ctx))) return;
  throw new UserContextRequiredError(
    `${NO_USER}, and ${what} acts as a user. Use a personal access token (it acts as its user).`,
  );
}
