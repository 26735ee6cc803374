/**
 * The sandbox as `npm start` runs it beside the gateway: started from the sandbox settings,
 * its admin as the gateway's service account, and the lines that tell a person how to use it.
 * main.ts imports this module only in sandbox mode, so a tenant deployment loads no sandbox code.
 */
import type { SandboxConfig } from '../config.ts';
import type { GatewayDeps } from '../gateway.ts';
import { demoClientNames } from './demo-client-names.ts';
import { formatDemoClients } from './demo-clients-banner.ts';
import { findExampleIds } from './example-ids.ts';
import { createSandbox } from './sandbox.ts';

export interface EmbeddedSandbox {
  url: string;
  serviceAccount: { clientId: string; clientSecret: string };
  /** What the gateway needs of the sandbox: its demo clients (`x-sandbox-as`) and example ids. */
  gatewayDeps: Pick<GatewayDeps, 'sandboxClients' | 'examples'>;
  /** The startup banner's sandbox lines (demo client secrets, never tokens). */
  banner(): string[];
  close(): Promise<void>;
}

export async function startEmbeddedSandbox(settings: SandboxConfig): Promise<EmbeddedSandbox> {
  const sandbox = await createSandbox(settings);
  const { url } = sandbox;
  const names = demoClientNames(sandbox.clients);
  return {
    url,
    serviceAccount: { clientId: sandbox.admin.clientId, clientSecret: sandbox.admin.clientSecret },
    gatewayDeps: {
      sandboxClients: { tokenBaseUrl: url, clients: Object.fromEntries(names) },
      examples: await findExampleIds(sandbox),
    },
    banner: () => [
      `sandbox: ${url} (token URL ${url}/oauth/token, control plane ${url}/__sandbox/)`,
      '         requests without a bearer act as the admin; to act as someone else, get a token:',
      `         curl -d grant_type=client_credentials -d client_id=… -d client_secret=… ${url}/oauth/token`,
      ...formatDemoClients(sandbox.clients, '         '),
      `         or send x-sandbox-as: ${[...names.keys()].join(' | ')}`,
    ],
    close: () => sandbox.close(),
  };
}
