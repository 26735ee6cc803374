import type { DemoClient } from './seed/identities.ts';

/**
 * The names `x-sandbox-as` takes: the role, numbered in seed order when the role has several
 * (`admin`, `source-owner-1`, `approver-2`, `user`, `api-client-1`).
 */
export function demoClientNames(clients: readonly DemoClient[]): Map<string, DemoClient> {
  const counts = new Map<string, number>();
  for (const client of clients) counts.set(client.role, (counts.get(client.role) ?? 0) + 1);
  const seen = new Map<string, number>();
  const names = new Map<string, DemoClient>();
  for (const client of clients) {
    const n = (seen.get(client.role) ?? 0) + 1;
    seen.set(client.role, n);
    names.set((counts.get(client.role) ?? 0) > 1 ? `${client.role}-${n}` : client.role, client);
  }
  return names;
}
