import type { IncomingHttpHeaders } from 'node:http';
import type { ApiVersion } from '../../upstream/wire/common.ts';

export type { ApiVersion };

/** Who is calling, from the verified bearer token. */
export interface Caller {
  /** The user behind a personal access token (`me` resolves to this); absent for an API client. */
  identityId: string | undefined;
  /** The OAuth client: the rate limit counts per client, whichever of its tokens calls. */
  clientId: string;
  /** Rights granted to the token, e.g. `idn:nesr:read`, `idn:nesr:create`, `idn:accounts:manage`. */
  rights: ReadonlySet<string>;
  /** OAuth scopes of the token, checked against the ones the spec lists per operation. */
  scopes: ReadonlySet<string>;
  /** The JWT id. */
  tokenId: string;
}

/** A parsed request as route handlers see it. The body is read fully (size-bounded) before routing. */
export interface SandboxRequest {
  method: string;
  /** The version segment the path was called under. */
  version: ApiVersion;
  /** Path below the version prefix, e.g. `/non-employee-sources/abc`. */
  path: string;
  /** Values of the `:name` segments of the matched route template. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  caller: Caller;
}

/**
 * What a handler answers. `body` is serialised as JSON unless it is a string or Buffer
 * (then sent as is, with the content type from `headers`).
 */
export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type RouteHandler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDefinition {
  method: HttpMethod;
  /** Path template below the version prefix, with `:name` segments: `/non-employee-sources/:sourceId`. */
  template: string;
  /** The version prefixes this route answers under. */
  versions: readonly ApiVersion[];
  handler: RouteHandler;
}

/** A group of routes the sandbox server mounts (NELM, accounts), with its own state. */
export interface SandboxModule {
  routes: RouteDefinition[];
  /** Back to the seeded state (`POST /__sandbox/reset`). */
  reset(): void;
}
