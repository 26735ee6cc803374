/**
 * The sandbox as `npm start` runs it beside the gateway: started from the sandbox settings,
 * its admin as the gateway's service account, and the lines that tell a person how to use it.
 * main.ts imports this module only in sandbox mode, so a tenant deployment loads no sandbox code.
 */
import type { SandboxConfig } from '../config.ts';
import { formatDemoClients } from './demo-clients-banner.ts';
import { createSandbox } from './sandbox.ts';

export interface EmbeddedSandbox {
  url: string;
  serviceAccount: { clientId: string; clientSecret: string };
  /** The startup banner's sandbox lines (demo client secrets, never tokens). */
  banner(): string[];
  close(): Promise<void>;
}

export async function startEmbeddedSandbox(settings: SandboxConfig): Promise<EmbeddedSandbox> {
  const sandbox = await createSandbox({ port: 0, ...settings });
  const { url } = sandbox;
  return {
    url,
    serviceAccount: { clientId: sandbox.admin.clientId, clientSecret: sandbox.admin.clientSecret },
    banner: () => [
      `sandbox: ${url} (token URL ${url}/oauth/token, control plane ${url}/__sandbox/)`,
      '         requests without a bearer act as the admin; to act as someone else, get a token:',
      `         curl -d grant_type=client_credentials -d client_id=… -d client_secret=… ${url}/oauth/token`,
      ...formatDemoClients(sandbox.clients, '         '),
    ],
    close: () => sandbox.close(),
  };
}
