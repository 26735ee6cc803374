import type { DemoClient } from './seed/identities.ts';

/** The lines that tell a person which demo clients to get tokens with (sandbox secrets, not tokens). */
export function formatDemoClients(clients: readonly DemoClient[], indent = '  '): string[] {
  return [
    `${indent}demo clients:`,
    ...clients.flatMap((client) => [
      `${indent}  ${client.role.padEnd(16)} ${client.name.padEnd(18)} ${client.kind === 'api-client' ? `API client, scopes ${client.scopes.join(' ')}` : `identity ${client.identityId}`}`,
      `${indent}    client_id ${client.clientId}  client_secret ${client.clientSecret}`,
    ]),
  ];
}
