import { demoClientNames } from './demo-client-names.ts';
import type { DemoClient } from './seed/identities.ts';

/** Ids of the seeded org that GraphiQL's example tabs run with, found at startup. */
export interface ExampleIds {
  /** The demo client the inbox and approve tabs act as (`x-sandbox-as`). */
  approver: string;
  /** A pending approval item of that approver, at their turn in the chain. */
  approvalId: string | null;
  /** The source the detail and expired-contractors tabs show. */
  sourceId: string | null;
}

const APPROVER = 'approver-1';

async function tokenOf(url: string, client: DemoClient): Promise<string> {
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function firstId(url: string, path: string, client: DemoClient): Promise<string | null> {
  const response = await fetch(`${url}${path}`, {
    headers: { authorization: `Bearer ${await tokenOf(url, client)}` },
  });
  if (!response.ok) return null;
  const [first] = (await response.json()) as { id: string }[];
  return first?.id ?? null;
}

/** Asks the sandbox, as its demo clients, for the ids the example tabs need. */
export async function findExampleIds(sandbox: {
  url: string;
  clients: readonly DemoClient[];
}): Promise<ExampleIds> {
  const names = demoClientNames(sandbox.clients);
  const admin = names.get('admin');
  const approver = names.get(APPROVER);
  const pending = encodeURIComponent('approvalStatus eq "PENDING"');
  const [sourceId, approvalId] = await Promise.all([
    admin ? firstId(sandbox.url, '/v3/non-employee-sources?limit=1&sorters=name', admin) : null,
    approver
      ? firstId(
          sandbox.url,
          `/v3/non-employee-approvals?requested-for=me&limit=1&filters=${pending}`,
          approver,
        )
      : null,
  ]);
  return { approver: APPROVER, approvalId, sourceId };
}
