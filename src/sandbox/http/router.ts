import { API_VERSIONS } from '../../upstream/wire/common.ts';
import type { ApiVersion, HttpMethod, RouteDefinition } from './types.ts';

const VERSIONED_PATH = new RegExp(`^/(${API_VERSIONS.join('|')})(/.*)?$`);

interface CompiledRoute {
  route: RouteDefinition;
  /** Literal segments as strings, `:name` segments as `{ param }`. */
  segments: ReadonlyArray<string | { param: string }>;
}

export type RouteMatch =
  | { kind: 'found'; route: RouteDefinition; params: Record<string, string>; key: string }
  | { kind: 'method-not-allowed'; key: string }
  | { kind: 'bad-path'; key: string }
  | { kind: 'none' };

/** Splits `/v3/non-employee-sources/x` into its version and the path below it. */
export function splitVersion(pathname: string): { version: ApiVersion; path: string } | undefined {
  const match = VERSIONED_PATH.exec(pathname);
  if (!match) return undefined;
  return { version: match[1] as ApiVersion, path: match[2] ?? '/' };
}

function compile(route: RouteDefinition): CompiledRoute {
  const segments = route.template
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? { param: segment.slice(1) } : segment));
  return { route, segments };
}

function matchSegments(
  compiled: CompiledRoute,
  parts: readonly string[],
): Record<string, string> | undefined {
  if (compiled.segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const segment = compiled.segments[i];
    if (typeof segment === 'string') {
      if (segment !== parts[i]) return undefined;
    } else {
      params[segment.param] = parts[i];
    }
  }
  return params;
}

/**
 * Matches method + path against route templates. Literal routes win over parametrised ones
 * (`/non-employee-records/bulk-delete` before `/non-employee-records/:id`).
 */
export function createRouter(routes: readonly RouteDefinition[]) {
  const literalness = (c: CompiledRoute) => c.segments.filter((s) => typeof s === 'string').length;
  const compiled = routes.map(compile).sort((a, b) => literalness(b) - literalness(a));

  return {
    match(method: string, version: ApiVersion, path: string): RouteMatch {
      const parts = path.split('/').filter(Boolean);
      let methodMismatchKey: string | undefined;
      for (const candidate of compiled) {
        if (!candidate.route.versions.includes(version)) continue;
        const raw = matchSegments(candidate, parts);
        if (!raw) continue;
        const key = `${candidate.route.method} /${version}${candidate.route.template}`;
        if (candidate.route.method !== (method as HttpMethod)) {
          methodMismatchKey ??= `${method} /${version}${candidate.route.template}`;
          continue;
        }
        const params: Record<string, string> = {};
        try {
          for (const [name, value] of Object.entries(raw)) params[name] = decodeURIComponent(value);
        } catch {
          return { kind: 'bad-path', key };
        }
        return { kind: 'found', route: candidate.route, params, key };
      }
      return methodMismatchKey ? { kind: 'method-not-allowed', key: methodMismatchKey } : { kind: 'none' };
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
