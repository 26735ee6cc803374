import { createServer } from 'node:http';
import { ConfigError, loadConfig } from './config.ts';
import { createGateway, type GatewayDeps } from './gateway.ts';
import { listen } from './listen.ts';
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

  let sandbox: { url: string; banner(): string[]; close(): Promise<void> } | null = null;
  let baseUrl = config.upstream.baseUrl;
  let sandboxDeps: Pick<GatewayDeps, 'sandboxClients' | 'examples'> = {};
  let serviceAccount: { clientId: string; clientSecret: string } | null = config.serviceAccount;
  if (config.upstream.mode === 'sandbox') {
    // Loaded only here: against a tenant, no sandbox module is ever imported.
    const { startEmbeddedSandbox } = await import('./sandbox/embedded.ts');
    const embedded = await startEmbeddedSandbox(config.sandbox);
    sandbox = embedded;
    baseUrl = embedded.url;
    serviceAccount = embedded.serviceAccount;
    sandboxDeps = embedded.gatewayDeps;
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
  let url: string;
  try {
    ({ url } = await listen(server, config.port, config.host));
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
  console.log(`gateway: ${url}/graphql${config.graphiql ? ' (GraphiQL in a browser)' : ''}`);
  console.log(`         ${config.describe()}`);
  for (const line of sandbox?.banner() ?? []) console.log(line);

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
