/**
 * The kinds of setting value, each a zod schema from the variable's text to its typed value
 * with its bounds, plus the words the README table shows for them. An issue's message is the
 * problem line after the variable's name.
 */
import { z } from 'zod';
import { readScale, SCALE_SYNTAX } from './upstream/wire/sandbox-scale.ts';

export type Mode = 'sandbox' | 'tenant';

/** What a default may depend on: the mode, and other settings (read on demand). */
export interface DefaultContext {
  mode: Mode;
  get<T>(setting: Setting<T>): T;
}

export interface Setting<T> {
  /** The environment variable. */
  env: string;
  /** The command-line flag standing for it; secrets have none (they would show in `ps`). */
  flag?: string;
  schema: z.ZodType<NonNullable<T>, string>;
  /** Taken when the variable is unset or empty, and in place of a bad value. */
  default: T | ((context: DefaultContext) => T);
  /** The default as the README says it, where it is not a plain value. */
  shownDefault?: string;
  /** Accepted values, for the README table. */
  values: string;
  /** One line: what it does. */
  doc: string;
}

export interface Kind<T> {
  schema: z.ZodType<T, string>;
  values: string;
}

type Declared<T> = Omit<Setting<T>, 'schema' | 'values' | 'default'> &
  Kind<T> & { default: NoInfer<T> | ((context: DefaultContext) => NoInfer<T>) };

/** One setting, its type taken from its kind; `default: null` makes it optional (unset = null). */
export function setting<T>(declared: Omit<Declared<T>, 'default'> & { default: null }): Setting<T | null>;
export function setting<T>(declared: Declared<T>): Setting<T>;
export function setting<T>(declared: Declared<T>): Setting<T> {
  return declared as unknown as Setting<T>;
}

const got = (value: string) => `got ${JSON.stringify(value)}`;

export const int = (min: number, max: number): Kind<number> => ({
  schema: z.string().transform((value, ctx) => {
    if (/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max) return Number(value);
    ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}, ${got(value)}` });
    return z.NEVER;
  }),
  values: `${min}..${max}`,
});

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

export const bool = (): Kind<boolean> => ({
  schema: z.string().transform((value, ctx) => {
    if (TRUE.includes(value.toLowerCase())) return true;
    if (FALSE.includes(value.toLowerCase())) return false;
    ctx.addIssue({ code: 'custom', message: `must be true or false, ${got(value)}` });
    return z.NEVER;
  }),
  values: 'true, false',
});

export const oneOf = <const T extends string>(allowed: readonly T[]): Kind<T> => ({
  schema: z.string().transform((value, ctx) => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    ctx.addIssue({ code: 'custom', message: `must be one of ${allowed.join(', ')}, ${got(value)}` });
    return z.NEVER;
  }),
  values: allowed.join(', '),
});

export const text = (values = 'text'): Kind<string> => ({ schema: z.string(), values });

/** A kind with its own checks: `check` returns the value, or the problems (after the variable's name). */
export const custom = <T>(values: string, check: (value: string) => T | { problems: string[] }): Kind<T> => ({
  schema: z.string().transform((value, ctx) => {
    const result = check(value);
    if (result && typeof result === 'object' && 'problems' in result) {
      for (const message of result.problems) ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return result as T;
  }),
  values,
});

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A tenant's API root: https (http for loopback), no credentials, query or version. */
export const baseUrl = custom('URL', (value) => {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url)
    return {
      problems: [`must be a URL like https://acme.api.identitynow.com, got ${JSON.stringify(value)}`],
    };
  const problems: string[] = [];
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    problems.push('must use https (plain http only for localhost)');
  if (url.username || url.password || url.search || url.hash)
    problems.push('must not carry credentials, a query or a fragment');
  const path = url.pathname.replace(/\/+$/, '');
  const version = /\/(v3|beta|v2024|v2025|v2)$/.exec(path);
  if (version) problems.push(`is the API root without a version: drop "/${version[1]}"`);
  return problems.length > 0 ? { problems } : `${url.origin}${path}`;
});

export const httpUrl = custom('http(s) URL', (value) => {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    return { problems: [`must be an http(s) URL, got ${JSON.stringify(value)}`] };
  return value.replace(/\/+$/, '');
});

/** A Redis URL may carry a password: a problem never repeats it. */
export const redisUrl = custom('redis:// or rediss:// URL', (value) => {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:'))
    return { problems: ['must be a redis:// or rediss:// URL'] };
  return value;
});

/** A browser's `Origin` is scheme, host and port only; anything else would never match one. */
export const origins = custom('comma-separated origins', (value) => {
  const found: string[] = [];
  const problems: string[] = [];
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const url = URL.canParse(entry) ? new URL(entry) : null;
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== entry.replace(/\/$/, ''))
      problems.push(
        `takes origins like https://app.example.com (scheme, host, port; no path or *), got ${JSON.stringify(entry)}`,
      );
    else found.push(url.origin);
  }
  return problems.length > 0 ? { problems } : found;
});

export const scale = custom(SCALE_SYNTAX, (value) =>
  readScale(value) ? value : { problems: [`must be ${SCALE_SYNTAX}, got ${JSON.stringify(value)}`] },
);
