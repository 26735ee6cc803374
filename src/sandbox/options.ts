import { MAX_RECORDS_PER_SOURCE, MAX_SOURCES } from '../upstream/wire/nelm-limits.ts';
import type { FaultConfig } from './control/faults.ts';

/** How much data the seed makes: `small` for tests and demos, `org` fills the org limits. */
export type ScalePreset = 'small' | 'org';

export interface Scale {
  sources: number;
  recordsPerSource: number;
}

export const SCALE_PRESETS: Record<ScalePreset, Scale> = {
  small: { sources: 6, recordsPerSource: 60 },
  org: { sources: MAX_SOURCES, recordsPerSource: MAX_RECORDS_PER_SOURCE },
};

export interface SandboxOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default '127.0.0.1' */
  host?: string;
  /** Seed of the deterministic org data. @default 1 */
  seed?: number;
  /** A preset or explicit sizes (up to 50 sources × 20,000 records). @default 'small' */
  scale?: ScalePreset | Scale;
  /** Requests per `client_id` per window, shared by all tokens of a client; 0 turns the limit off. @default 100 */
  rateLimit?: number;
  /**
   * Custom limits per route, as a tenant can have per API: `{ 'GET /non-employee-records': 20 }`
   * (method and path template below the version). Such a route counts apart from the rest. @default {}
   */
  routeRateLimits?: Record<string, number>;
  /** The rate-limit window. @default 10000 */
  rateLimitWindowMs?: number;
  /** Lifetime of issued access tokens, a tenant's `expires_in`. @default 749 */
  tokenTtlSeconds?: number;
  /** Faults active from the start (same shape as `PUT /__sandbox/faults`). @default {} */
  faults?: Partial<FaultConfig>;
  /** Log one line per request to stdout (paths only, never tokens). @default false */
  log?: boolean;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  seed: number;
  scale: Scale;
  rateLimit: number;
  routeRateLimits: Record<string, number>;
  rateLimitWindowMs: number;
  tokenTtlSeconds: number;
  faults: Partial<FaultConfig>;
  log: boolean;
}

function integer(value: number, name: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`Sandbox option ${name} must be an integer in ${min}..${max}, got ${value}.`);
  }
  return value;
}

/** Parses `small`, `org` or `<sources>x<records>` (e.g. `50x20000`). */
export function parseScale(text: string): Scale {
  if (text === 'small' || text === 'org') return SCALE_PRESETS[text];
  const match = /^(\d+)x(\d+)$/.exec(text);
  if (!match) throw new RangeError(`Scale must be small, org or <sources>x<records>, got '${text}'.`);
  return { sources: Number(match[1]), recordsPerSource: Number(match[2]) };
}

export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
  const scale =
    typeof options.scale === 'string' ? parseScale(options.scale) : (options.scale ?? SCALE_PRESETS.small);
  return {
    port: integer(options.port ?? 0, 'port', 0, 65535),
    host: options.host ?? '127.0.0.1',
    seed: integer(options.seed ?? 1, 'seed', 0, 2 ** 31 - 1),
    scale: {
      sources: integer(scale.sources, 'scale.sources', 0, MAX_SOURCES),
      recordsPerSource: integer(scale.recordsPerSource, 'scale.recordsPerSource', 0, MAX_RECORDS_PER_SOURCE),
    },
    rateLimit: integer(options.rateLimit ?? 100, 'rateLimit', 0, 1_000_000),
    routeRateLimits: Object.fromEntries(
      Object.entries(options.routeRateLimits ?? {}).map(([route, limit]) => [
        route,
        integer(limit, `routeRateLimits['${route}']`, 0, 1_000_000),
      ]),
    ),
    rateLimitWindowMs: integer(options.rateLimitWindowMs ?? 10_000, 'rateLimitWindowMs', 1, 3_600_000),
    tokenTtlSeconds: integer(options.tokenTtlSeconds ?? 749, 'tokenTtlSeconds', 1, 31_536_000),
    faults: options.faults ?? {},
    log: options.log ?? false,
  };
}
