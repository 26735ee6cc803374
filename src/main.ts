import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from './config.ts';
import { createGateway, type GatewayDeps } from './gateway.ts';
import { demoClientNames } from './sandbox/demo-client-names.ts';
import { formatDemoClients } from './sandbox/demo-clients-banner.ts';
import { findExampleIds } from './sandbox/example-ids.ts';
import { parseScale } from './sandbox/options.ts';
import { createSandbox, type Sandbox } from './sandbox/sandbox.ts';
import { createDrain } from './server-drain.ts';

/**
 * `npm start`: validate the configuration, start the sandbox in-process when no tenant is
 * configured (its admin client becomes the service account), serve the gateway on PORT.
 */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) console.error(`config: ${problem}`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }

  let sandbox: Sandbox | null = null;
  let baseUrl = config.upstream.baseUrl;
  let serviceAccount: { clientId: string; clientSecret: string } | null = config.serviceAccount;
  let sandboxDeps: Pick<GatewayDeps, 'sandboxClients' | 'examples'> = {};
  if (config.upstream.mode === 'sandbox') {
    sandbox = await createSandbox({
      port: config.sandbox.port,
      seed: config.sandbox.seed,
      scale: parseScale(config.sandbox.scale),
      rateLimit: config.sandbox.rateLimit,
    });
    baseUrl = sandbox.url;
    serviceAccount = { clientId: sandbox.admin.clientId, clientSecret: sandbox.admin.clientSecret };
    const clients = Object.fromEntries(demoClientNames(sandbox.clients));
    sandboxDeps = {
      sandboxClients: { tokenBaseUrl: sandbox.url, clients },
      examples: await findExampleIds(sandbox),
    };
  }

  let stopping = false;
  const gateway = createGateway(config, {
    baseUrl: baseUrl ?? undefined,
    serviceAccount,
    isShuttingDown: () => stopping,
    ...sandboxDeps,
  });
  const server = createServer(gateway);
  const drain = createDrain(server);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    const where = `${config.host}:${config.port}`;
    if (code === 'EADDRINUSE')
      console.error(`gateway: ${where} is already in use; set PORT (or --port) to a free port`);
    else if (code === 'EACCES')
      console.error(`gateway: not allowed to listen on ${where}; use a port above 1023`);
    else console.error(`gateway: cannot listen on ${where}: ${(error as Error).message}`);
    // Nothing is served: leave now rather than keep the sandbox and the upstream pool alive.
    process.exit(1);
  }
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`gateway: http://${host}:${port}/graphql${config.graphiql ? ' (GraphiQL in a browser)' : ''}`);
  console.log(`         ${config.describe()}`);
  if (sandbox) {
    console.log(
      `sandbox: ${sandbox.url} (token URL ${sandbox.url}/oauth/token, control plane ${sandbox.url}/__sandbox/)`,
    );
    console.log('         requests without a bearer act as the admin; to act as someone else, get a token:');
    console.log(
      `         curl -d grant_type=client_credentials -d client_id=… -d client_secret=… ${sandbox.url}/oauth/token`,
    );
    for (const line of formatDemoClients(sandbox.clients, '         ')) console.log(line);
    console.log(`         or send x-sandbox-as: ${[...demoClientNames(sandbox.clients).keys()].join(' | ')}`);
  }

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(
      `${signal}: shutting down (waiting up to ${config.shutdownTimeoutMs} ms for requests in flight)`,
    );
    // /ready answers 503 from here; requests in flight finish, then the upstream and the sandbox go.
    const drained = await drain.drain(config.shutdownTimeoutMs);
    await gateway.dispose();
    await sandbox?.close();
    if (!drained) {
      console.error(`${signal}: requests still in flight after ${config.shutdownTimeoutMs} ms were cut`);
      process.exitCode = 1;
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // A second guard, should closing the upstream or the sandbox itself hang.
      setTimeout(() => process.exit(1), config.shutdownTimeoutMs + 5000).unref();
      stop(signal).catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
