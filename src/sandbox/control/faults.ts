import { badRequest } from '../http/sandbox-error.ts';

/**
 * One scripted outcome for the next API request: an HTTP status, a connection dropped before
 * the request is handled (`drop`) or after it is applied (`drop-after`), or none (`pass`).
 */
export type ScriptedFault =
  | { status: number; retryAfterSeconds?: number }
  | { status: 'drop' | 'drop-after' | 'pass' };

/** What `PUT /__sandbox/faults` takes; every field optional, absent ones fall back to no fault. */
export interface FaultConfig {
  /** Added to every API answer. @default 0 */
  latencyMs: number;
  /** Up to this much more, at random. @default 0 */
  jitterMs: number;
  /** Share (0..1) of API requests answered 500. @default 0 */
  errorRate: number;
  /** Share (0..1) of API requests answered 503, as a tenant does while it sheds load. @default 0 */
  unavailableRate: number;
  /** Share (0..1) of API requests answered 429. @default 0 */
  rateLimitRate: number;
  /** `Retry-After` of injected 429s. @default 1 */
  retryAfterSeconds: number;
  /** Share (0..1) of API requests whose connection is destroyed unanswered. @default 0 */
  dropRate: number;
  /** Share (0..1) of API requests handled (a write applied) whose connection is then destroyed unanswered. @default 0 */
  dropAfterRate: number;
  /** Never answer API requests. @default false */
  hang: boolean;
  /** Consumed one per API request, before the rates apply. @default [] */
  failNext: ScriptedFault[];
}

export type FaultAction =
  | { kind: 'pass' }
  | { kind: 'hang' }
  | { kind: 'drop' }
  | { kind: 'drop-after' }
  | { kind: 'status'; status: number; retryAfterSeconds: number };

export const NO_FAULTS: FaultConfig = {
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  unavailableRate: 0,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  dropRate: 0,
  dropAfterRate: 0,
  hang: false,
  failNext: [],
};

function numberIn(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw badRequest(`'${name}' must be a number between ${min} and ${max}.`);
  }
  return value;
}

function parseScripted(value: unknown, index: number): ScriptedFault {
  const entry = value as Record<string, unknown> | null;
  if (typeof entry !== 'object' || entry === null) throw badRequest(`failNext[${index}] must be an object.`);
  if (entry.status === 'drop' || entry.status === 'drop-after' || entry.status === 'pass') {
    return { status: entry.status };
  }
  const status = numberIn(entry.status, `failNext[${index}].status`, 400, 599);
  const retryAfter = entry.retryAfterSeconds ?? entry.retryAfter;
  return retryAfter === undefined
    ? { status }
    : { status, retryAfterSeconds: numberIn(retryAfter, `failNext[${index}].retryAfterSeconds`, 0, 3600) };
}

/** Validates a (partial) fault config; unknown fields and bad values are a 400. */
export function parseFaultConfig(input: unknown): FaultConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw badRequest('The fault config must be a JSON object.');
  }
  const raw = input as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!(key in NO_FAULTS)) throw badRequest(`Unknown fault setting '${key}'.`);
  }
  const config: FaultConfig = { ...NO_FAULTS, failNext: [] };
  if (raw.latencyMs !== undefined) config.latencyMs = numberIn(raw.latencyMs, 'latencyMs', 0, 600_000);
  if (raw.jitterMs !== undefined) config.jitterMs = numberIn(raw.jitterMs, 'jitterMs', 0, 600_000);
  if (raw.errorRate !== undefined) config.errorRate = numberIn(raw.errorRate, 'errorRate', 0, 1);
  if (raw.unavailableRate !== undefined) {
    config.unavailableRate = numberIn(raw.unavailableRate, 'unavailableRate', 0, 1);
  }
  if (raw.rateLimitRate !== undefined)
    config.rateLimitRate = numberIn(raw.rateLimitRate, 'rateLimitRate', 0, 1);
  if (raw.dropRate !== undefined) config.dropRate = numberIn(raw.dropRate, 'dropRate', 0, 1);
  if (raw.dropAfterRate !== undefined) {
    config.dropAfterRate = numberIn(raw.dropAfterRate, 'dropAfterRate', 0, 1);
  }
  if (raw.retryAfterSeconds !== undefined) {
    config.retryAfterSeconds = numberIn(raw.retryAfterSeconds, 'retryAfterSeconds', 0, 3600);
  }
  if (raw.hang !== undefined) {
    if (typeof raw.hang !== 'boolean') throw badRequest(`'hang' must be a boolean.`);
    config.hang = raw.hang;
  }
  if (raw.failNext !== undefined) {
    if (!Array.isArray(raw.failNext)) throw badRequest(`'failNext' must be an array.`);
    config.failNext = raw.failNext.map(parseScripted);
  }
  return config;
}

/** The current faults; `next()` decides the fate of one API request and consumes `failNext`. */
export function createFaultInjector(initial: Partial<FaultConfig> = {}, random: () => number = Math.random) {
  let config = parseFaultConfig(structuredClone(initial));

  return {
    get config(): FaultConfig {
      return structuredClone(config);
    },
    set(next: FaultConfig) {
      config = structuredClone(next);
    },
    reset() {
      config = { ...NO_FAULTS, failNext: [] };
    },
    delayMs(): number {
      return config.latencyMs + (config.jitterMs > 0 ? Math.floor(random() * config.jitterMs) : 0);
    },
    next(): FaultAction {
      const scripted = config.failNext.shift();
      if (scripted) {
        if (typeof scripted.status === 'string') {
          return scripted.status === 'pass' ? { kind: 'pass' } : { kind: scripted.status };
        }
        const retry = scripted.retryAfterSeconds ?? config.retryAfterSeconds;
        return { kind: 'status', status: scripted.status, retryAfterSeconds: retry };
      }
      if (config.hang) return { kind: 'hang' };
      if (config.dropRate > 0 && random() < config.dropRate) return { kind: 'drop' };
      if (config.dropAfterRate > 0 && random() < config.dropAfterRate) return { kind: 'drop-after' };
      if (config.rateLimitRate > 0 && random() < config.rateLimitRate) {
        return { kind: 'status', status: 429, retryAfterSeconds: config.retryAfterSeconds };
      }
      if (config.unavailableRate > 0 && random() < config.unavailableRate) {
        return { kind: 'status', status: 503, retryAfterSeconds: config.retryAfterSeconds };
      }
      if (config.errorRate > 0 && random() < config.errorRate) {
        return { kind: 'status', status: 500, retryAfterSeconds: config.retryAfterSeconds };
      }
      return { kind: 'pass' };
    },
  };
}

export type FaultInjector = ReturnType<typeof createFaultInjector>;
