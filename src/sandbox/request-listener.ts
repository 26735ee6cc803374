import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleTokenRequest } from './auth/oauth-endpoint.ts';
import { checkOperationSecurity } from './auth/operation-security.ts';
import type { TokenService } from './auth/token-service.ts';
import { type ControlPlaneDeps, handleControlRequest } from './control/control-plane.ts';
import type { FaultAction, FaultInjector } from './control/faults.ts';
import type { RateLimiter } from './control/rate-limiter.ts';
import type { Stats } from './control/stats.ts';
import { internalFault, tooManyRequests } from './http/error-body.ts';
import { readBody } from './http/read-body.ts';
import { send, sendError } from './http/respond.ts';
import { type Router, splitVersion } from './http/router.ts';
import { badRequest, isSandboxError, SandboxError } from './http/sandbox-error.ts';
import type { IdentityRegistry } from './seed/identities.ts';

export interface ListenerDeps {
  router: Router;
  stats: Stats;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  tokens: TokenService;
  identities: IdentityRegistry;
  control: ControlPlaneDeps;
  log: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function injectedError(action: Extract<FaultAction, { kind: 'status' }>): SandboxError {
  if (action.status === 429) return tooManyRequests(action.retryAfterSeconds);
  if (action.status === 401)
    return new SandboxError(401, '401 Unauthorized', 'JWT validation failed: JWT is expired');
  if (action.status === 500) return internalFault();
  const text = action.status >= 500 ? 'The service is unavailable.' : 'The request was refused.';
  return new SandboxError(action.status, `${action.status}.0 Injected fault`, text);
}

/** The request listener: control plane, OAuth, then versioned API calls through faults, auth, rate limit and routes. */
export function createRequestListener(deps: ListenerDeps) {
  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const split = splitVersion(url.pathname);
    const match = split ? deps.router.match(method, split.version, split.path) : { kind: 'none' as const };
    deps.stats.request(match.kind === 'none' ? undefined : match.key, req.headers.traceparent);
    res.on('finish', () => deps.stats.outcome(res.statusCode));

    const body = await readBody(req);
    const action = deps.faults.next();
    const delay = deps.faults.delayMs();
    if (delay > 0) await sleep(delay);
    if (action.kind === 'hang') {
      deps.stats.outcome('hung');
      return;
    }
    if (action.kind === 'drop') {
      deps.stats.outcome('dropped');
      req.socket.destroy();
      return;
    }
    if (action.kind === 'status') throw injectedError(action);

    const caller = await deps.tokens.authenticate(req.headers.authorization);
    const route = match.kind === 'found' ? `${match.route.method} ${match.route.template}` : undefined;
    const allowed = deps.rateLimiter.take(caller.clientId, route);
    if (!allowed.ok) throw tooManyRequests(allowed.retryAfterSeconds);

    if (match.kind === 'bad-path') throw badRequest('The request path is not valid URL encoding.');
    if (match.kind === 'method-not-allowed') {
      throw new SandboxError(405, '405 Method Not Allowed', `Request method '${method}' is not supported.`);
    }
    if (match.kind === 'none' || !split) {
      throw new SandboxError(
        404,
        '404 Not found',
        'The server did not find a current representation for the target resource.',
      );
    }
    checkOperationSecurity(caller, match.route.method, match.route.template);
    const handled = Promise.resolve().then(() =>
      match.route.handler({
        method,
        version: split.version,
        path: split.path,
        params: match.params,
        query: url.searchParams,
        headers: req.headers,
        body,
        caller,
      }),
    );
    if (action.kind === 'drop-after') {
      // Handled (a write applied, or refused), then the answer is lost: a tenant behind a bad network.
      await handled.catch(() => undefined);
      deps.stats.outcome('dropped-after');
      req.socket.destroy();
      return;
    }
    send(res, await handled);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    if (url.pathname.startsWith('/__sandbox/')) {
      const body = await readBody(req);
      send(
        res,
        handleControlRequest(
          { method: req.method ?? 'GET', path: url.pathname, headers: req.headers, body },
          deps.control,
        ),
      );
      return;
    }
    if (url.pathname === '/oauth/token') {
      deps.stats.tokenRequest();
      const body = await readBody(req);
      const request = { method: req.method ?? 'GET', query: url.searchParams, headers: req.headers, body };
      send(res, await handleTokenRequest(request, deps));
      return;
    }
    await handleApi(req, res, url);
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    res.on('finish', () => {
      // Only the path: query strings can carry client secrets.
      const path = (req.url ?? '/').split('?')[0];
      deps.log(`${req.method} ${path} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`);
    });
    handle(req, res).catch((error: unknown) => {
      if (isSandboxError(error)) {
        if (error.status === 413) res.setHeader('connection', 'close');
        sendError(res, error);
        return;
      }
      // A 500 here is a sandbox bug, never a client's mistake: always say so.
      console.error(
        `[sandbox] unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      sendError(res, internalFault());
    });
  };
}
