import type { TokenClaims } from '../../upstream/token-claims.ts';
import { builder } from '../builder.ts';
import { costsNothing } from '../cost/field-cost.ts';

const TokenKindEnum = builder.enumType('TokenKind', {
  description: 'Whether an identity acts through the token.',
  values: {
    USER: { description: 'A personal access token or a user login: `me` is its identity.' },
    API_CLIENT: {
      description: 'An API client without a user: `me`, approvals and record updates need a user.',
    },
    UNKNOWN: { description: 'Not a JWT (or no token): the upstream alone knows who it is.' },
  } as const,
});

const ViewerRef = builder.objectRef<TokenClaims>('Viewer').implement({
  description:
    "Who the calls of this request act as, read from the token's claims. The JWT payload is decoded without verifying its signature (the upstream verifies the token on every call), so these fields cost no upstream call and prove nothing on their own.",
  fields: (t) => ({
    kind: t.field({
      description: 'Whether a user or an API client acts through the token.',
      type: TokenKindEnum,
      resolve: (claims) => claims.kind,
    }),
    identityId: t.exposeString('identityId', {
      nullable: true,
      description: 'The `identity_id` claim: the identity `me` stands for; null for an API client.',
    }),
    name: t.exposeString('userName', { nullable: true, description: 'The `user_name` claim.' }),
    clientId: t.exposeString('clientId', {
      nullable: true,
      description: 'The `client_id` claim: the client whose rate limit the calls use.',
    }),
    authorities: t.exposeStringList('authorities', { description: 'The `authorities` claim (rights).' }),
    scopes: t.exposeStringList('scopes', { description: 'The `scope` claim.' }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The `exp` claim.',
      resolve: (claims) => claims.expiresAt,
    }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    type: ViewerRef,
    description: "The caller, from the token's claims (decoded, not verified): no upstream call.",
    extensions: costsNothing("answers from the token's claims"),
    resolve: (_root, _args, ctx) => ctx.caller.claims(),
  }),
}));
