import { createPrng } from './prng.ts';

export type DemoRole = 'admin' | 'source-owner' | 'approver' | 'account-manager' | 'user' | 'api-client';

/**
 * A personal access token acts as its user (`identity_id`, `user_name` in its claims); an API
 * client has no user, so calls that need one (`me`, approve, reject, record PUT/PATCH) fail.
 */
export type ClientKind = 'personal-access-token' | 'api-client';

/** Every scope: what a PAT and an unrestricted API client carry. */
export const ALL_SCOPES = 'sp:scopes:all';

/** A person of the seeded org, with the rights their token carries. */
export interface Identity {
  id: string;
  name: string;
  alias: string;
  email: string;
  role: Exclude<DemoRole, 'api-client'>;
  rights: readonly string[];
}

interface DemoClientBase {
  clientId: string;
  clientSecret: string;
  name: string;
  /** Rights the tokens carry as `authorities` (an API client's are its own; a PAT's are its user's). */
  rights: readonly string[];
  /** OAuth scopes the tokens carry. */
  scopes: readonly string[];
}

/** A personal access token: its tokens act as its user. */
export interface PersonalAccessTokenClient extends DemoClientBase {
  kind: 'personal-access-token';
  identityId: string;
  role: Exclude<DemoRole, 'api-client'>;
}

/** An API client: tokens with no user context. */
export interface ApiClient extends DemoClientBase {
  kind: 'api-client';
  role: 'api-client';
}

/** An OAuth client: what a user configures the SDK or the gateway with. */
export type DemoClient = PersonalAccessTokenClient | ApiClient;

export const ADMIN_RIGHTS: readonly string[] = [
  'idn:nesr:read',
  'idn:nesr:create',
  'idn:nesr:update',
  'idn:nesr:delete',
  'idn:accounts:read',
  'idn:accounts:manage',
  'idn:accounts-state:manage',
  'idn:accounts-provisioning:manage',
];

const PEOPLE: ReadonlyArray<{ name: string; role: Exclude<DemoRole, 'api-client'> }> = [
  { name: 'Ada Lovelace', role: 'admin' },
  { name: 'Omar Haddad', role: 'source-owner' },
  { name: 'Sofia Marquez', role: 'source-owner' },
  { name: 'Priya Natarajan', role: 'approver' },
  { name: 'Lukas Becker', role: 'approver' },
  { name: 'Mei Chen', role: 'approver' },
  { name: 'Jonas Lindqvist', role: 'account-manager' },
  { name: 'Amara Okafor', role: 'account-manager' },
  { name: 'Tom Baker', role: 'user' },
];

/** API clients (no user): one with every scope, one limited to reading. */
const API_CLIENTS: ReadonlyArray<{ name: string; scopes: readonly string[] }> = [
  { name: 'Integration service', scopes: [ALL_SCOPES] },
  { name: 'Reporting service', scopes: ['idn:nelm:read', 'idn:accounts:read'] },
];

export interface IdentityRegistry {
  identities: readonly Identity[];
  clients: readonly DemoClient[];
  byId(id: string): Identity | undefined;
  client(clientId: string): DemoClient | undefined;
  /** The identities with a role, in seed order. */
  withRole(role: DemoRole): Identity[];
}

/** The seeded people and their demo clients, deterministic from the seed. */
export function createIdentityRegistry(seed: number): IdentityRegistry {
  const prng = createPrng(seed ^ 0x1d3e7);
  const identities: Identity[] = PEOPLE.map(({ name, role }) => {
    const [first, last] = name.toLowerCase().split(' ');
    return {
      id: prng.hex(16),
      name,
      alias: `${first}.${last}`,
      email: `${first}.${last}@example.com`,
      role,
      rights: role === 'admin' ? ADMIN_RIGHTS : [],
    };
  });
  const clients: DemoClient[] = identities.map(
    (identity): PersonalAccessTokenClient => ({
      clientId: prng.hex(16),
      clientSecret: prng.hex(32),
      kind: 'personal-access-token',
      identityId: identity.id,
      name: identity.name,
      role: identity.role,
      rights: identity.rights,
      scopes: [ALL_SCOPES],
    }),
  );
  for (const { name, scopes } of API_CLIENTS) {
    clients.push({
      clientId: prng.hex(16),
      clientSecret: prng.hex(32),
      kind: 'api-client',
      name,
      role: 'api-client',
      rights: ADMIN_RIGHTS,
      scopes,
    });
  }
  const byId = new Map(identities.map((identity) => [identity.id, identity]));
  const byClient = new Map(clients.map((client) => [client.clientId, client]));
  return {
    identities,
    clients,
    byId: (id) => byId.get(id),
    client: (clientId) => byClient.get(clientId),
    withRole: (role) => identities.filter((identity) => identity.role === role),
  };
}
