import { createPrng } from './prng.ts';

export type DemoRole = 'admin' | 'source-owner' | 'approver' | 'account-manager' | 'user';

/** A person of the seeded org, with the rights their token carries. */
export interface Identity {
  id: string;
  name: string;
  alias: string;
  email: string;
  role: DemoRole;
  rights: readonly string[];
}

/** An OAuth client bound to one identity: what a user configures the SDK or the gateway with. */
export interface DemoClient {
  clientId: string;
  clientSecret: string;
  identityId: string;
  name: string;
  role: DemoRole;
}

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

const PEOPLE: ReadonlyArray<{ name: string; role: DemoRole }> = [
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
  const clients: DemoClient[] = identities.map((identity) => ({
    clientId: prng.hex(16),
    clientSecret: prng.hex(32),
    identityId: identity.id,
    name: identity.name,
    role: identity.role,
  }));
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
