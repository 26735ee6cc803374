import { createServer } from 'node:http';
import { listen } from '../listen.ts';
import { createAccountsModule } from './accounts/index.ts';
import { createTokenService } from './auth/token-service.ts';
import { createFaultInjector } from './control/faults.ts';
import { createRateLimiter } from './control/rate-limiter.ts';
import { createStats } from './control/stats.ts';
import { createRouter } from './http/router.ts';
import { createNelmModule } from './nelm/nelm-module.ts';
import { type ResolvedOptions, resolveOptions, type SandboxOptions } from './options.ts';
import { createRequestListener } from './request-listener.ts';
import {
  type ApiClient,
  createIdentityRegistry,
  type DemoClient,
  type DemoRole,
  type PersonalAccessTokenClient,
} from './seed/identities.ts';

export interface Sandbox {
  /** The tenant base URL, e.g. `http://127.0.0.1:4010`; clients append `/v3` themselves. */
  url: string;
  port: number;
  host: string;
  options: ResolvedOptions;
  /** Every demo client: a personal access token per seeded identity, then the API clients. */
  clients: readonly DemoClient[];
  /** The org admin's personal access token (all `idn:nesr:*` and accounts rights). */
  admin: PersonalAccessTokenClient;
  /** The `index`-th demo client with a role. */
  client(role: 'api-client', index?: number): ApiClient;
  client(role: Exclude<DemoRole, 'api-client'>, index?: number): PersonalAccessTokenClient;
  client(role: DemoRole, index?: number): DemoClient;
  /** Same as `POST /__sandbox/reset`. */
  reset(): void;
  close(): Promise<void>;
}

export async function createSandbox(options?: SandboxOptions): Promise<Sandbox> {
  const resolved = resolveOptions(options);
  const now = () => new Date();
  const identities = createIdentityRegistry(resolved.seed);
  const nelm = createNelmModule({
    identities,
    seed: resolved.seed,
    scale: resolved.scale,
    now,
    jobStepMs: resolved.bulkUploadStepMs,
  });
  const accounts = createAccountsModule({ directory: nelm.directory, now, seed: resolved.seed });
  const router = createRouter([...nelm.routes, ...accounts.routes]);
  const stats = createStats();
  const faults = createFaultInjector(resolved.faults);
  const rateLimiter = createRateLimiter({
    limit: resolved.rateLimit,
    windowMs: resolved.rateLimitWindowMs,
    routeLimits: resolved.routeRateLimits,
  });
  const tokens = createTokenService({ ttlSeconds: resolved.tokenTtlSeconds });

  const reset = () => {
    nelm.reset();
    accounts.reset();
    stats.reset();
    faults.reset();
    rateLimiter.reset();
  };

  const listener = createRequestListener({
    router,
    stats,
    faults,
    rateLimiter,
    tokens,
    identities,
    control: { stats, faults, clients: identities.clients, reset },
    log: resolved.log ? (line) => console.log(`[sandbox] ${line}`) : () => {},
  });
  const server = createServer({ keepAliveTimeout: 5_000 }, listener);
  server.on('connection', () => stats.connection());
  const { port, url } = await listen(server, resolved.port, resolved.host);
  const admin = identities.clients.find((c) => c.role === 'admin') as PersonalAccessTokenClient;
  const client = (role: DemoRole, index = 0) => {
    const found = identities.clients.filter((c) => c.role === role)[index];
    if (!found) throw new RangeError(`No demo client #${index} with role ${role}.`);
    return found;
  };

  return {
    url,
    port,
    host: resolved.host,
    options: resolved,
    clients: identities.clients,
    admin,
    client: client as Sandbox['client'],
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Hung and keep-alive connections would hold close() open forever.
        server.closeAllConnections();
      }),
  };
}
