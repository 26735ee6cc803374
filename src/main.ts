import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from './config.ts';
import { createGateway } from './gateway.ts';
import { formatDemoClients } from './sandbox/demo-clients-banner.ts';
import { parseScale } from './sandbox/options.ts';
import { createSandbox, type Sandbox } from './sandbox/sandbox.ts';

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
  if (config.upstream.mode === 'sandbox') {
    sandbox = await createSandbox({
      port: 0,
      seed: config.sandbox.seed,
      scale: parseScale(config.sandbox.scale),
      rateLimit: config.sandbox.rateLimit,
    });
    baseUrl = sandbox.url;
    serviceAccount = { clientId: sandbox.admin.clientId, clientSecret: sandbox.admin.clientSecret };
  }

  const gateway = createGateway(config, { baseUrl: baseUrl ?? undefined, serviceAccount });
  const server = createServer(gateway);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
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
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    // Stop accepting, let requests in flight finish, then release the upstream and the sandbox.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    await gateway.dispose();
    await sandbox?.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      const timer = setTimeout(() => process.exit(1), 10_000).unref();
      stop(signal).then(
        () => clearTimeout(timer),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
