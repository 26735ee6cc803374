import { defaultOf, SETTINGS } from '../config-settings.ts';
import { parseScale, SCALE_PRESETS, type Scale, type ScalePreset } from '../upstream/wire/sandbox-scale.ts';
import { ISC_RATE_LIMIT_WINDOW_MS, ISC_TOKEN_TTL_SECONDS } from '../upstream/wire/tenant-limits.ts';
import type { FaultConfig } from './control/faults.ts';

export { parseScale, SCALE_PRESETS, type Scale, type ScalePreset };

export interface SandboxOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default as the gateway's `HOST` */
  host?: string;
  /** Seed of the deterministic org data. @default as `SANDBOX_SEED` */
  seed?: number;
  /** A preset or explicit sizes (up to 50 sources × 20,000 records). @default as `SANDBOX_SCALE` */
  scale?: ScalePreset | Scale | string;
  /** Requests per `client_id` per window, shared by all tokens of a client; 0 turns the limit off. @default as `SANDBOX_RATE_LIMIT` */
  rateLimit?: number;
  /**
   * Custom limits per route, as a tenant can have per API: `{ 'GET /non-employee-records': 20 }`
   * (method and path template below the version). Such a route counts apart from the rest. @default {}
   */
  routeRateLimits?: Record<string, number>;
  /** The rate-limit window. @default `ISC_RATE_LIMIT_WINDOW_MS` */
  rateLimitWindowMs?: number;
  /** Lifetime of issued access tokens, a tenant's `expires_in`. @default `ISC_TOKEN_TTL_SECONDS` */
  tokenTtlSeconds?: number;
  /** Faults active from the start (same shape as `PUT /__sandbox/faults`). @default {} */
  faults?: Partial<FaultConfig>;
  /** Log one line per request to stdout (paths only, never tokens). @default false */
  log?: boolean;
  /** How long a bulk upload job stays PENDING, then IN_PROGRESS, before it ends. @default 5 */
  bulkUploadStepMs?: number;
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
  bulkUploadStepMs: number;
}

function integer(value: number, name: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`Sandbox option ${name} must be an integer in ${min}..${max}, got ${value}.`);
  }
  return value;
}

export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
  return {
    port: integer(options.port ?? 0, 'port', 0, 65535),
    host: options.host ?? defaultOf(SETTINGS.host),
    seed: integer(options.seed ?? defaultOf(SETTINGS.sandbox.seed), 'seed', 0, 2 ** 31 - 1),
    scale: parseScale(options.scale ?? defaultOf(SETTINGS.sandbox.scale)),
    rateLimit: integer(options.rateLimit ?? defaultOf(SETTINGS.sandbox.rateLimit), 'rateLimit', 0, 1_000_000),
    routeRateLimits: Object.fromEntries(
      Object.entries(options.routeRateLimits ?? {}).map(([route, limit]) => [
        route,
        integer(limit, `routeRateLimits['${route}']`, 0, 1_000_000),
      ]),
    ),
    rateLimitWindowMs: integer(
      options.rateLimitWindowMs ?? ISC_RATE_LIMIT_WINDOW_MS,
      'rateLimitWindowMs',
      1,
      3_600_000,
    ),
    tokenTtlSeconds: integer(
      options.tokenTtlSeconds ?? ISC_TOKEN_TTL_SECONDS,
      'tokenTtlSeconds',
      1,
      31_536_000,
    ),
    faults: options.faults ?? {},
    log: options.log ?? false,
    bulkUploadStepMs: integer(options.bulkUploadStepMs ?? 5, 'bulkUploadStepMs', 0, 600_000),
  };
}
