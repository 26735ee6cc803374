/** Reading configuration variables and flags: each bad value adds one line to `problems`, never a throw. */
import { parseArgs } from 'node:util';

/** Command-line flags and the variable each one stands for; secrets have none (they'd show in `ps`). */
const FLAGS = {
  port: 'PORT',
  host: 'HOST',
  'base-url': 'SAIL_BASE_URL',
  'api-version': 'SAIL_API_VERSION',
  'allow-service-account': 'GATEWAY_ALLOW_SERVICE_ACCOUNT',
  seed: 'SANDBOX_SEED',
  scale: 'SANDBOX_SCALE',
  'log-level': 'LOG_LEVEL',
} as const;

export type Env = Record<string, string | undefined>;

/** The command line as the variables its flags stand for; an unknown or empty flag is a problem. */
export const readFlags = (argv: readonly string[], problems: string[]): Env => {
  const options = Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: 'string' as const }]));
  try {
    const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
    return Object.fromEntries(
      Object.entries(values).map(([flag, value]) => [FLAGS[flag as keyof typeof FLAGS], String(value)]),
    );
  } catch (error) {
    const known = Object.keys(FLAGS)
      .map((flag) => `--${flag}`)
      .join(', ');
    // Node's own wording varies between versions; say it one way.
    const { code, message } = error as { code?: string; message: string };
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
    const flag = quoted.split(' ')[0];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      problems.push(`Unknown flag ${flag} (known flags: ${known})`);
    else if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') problems.push(`Flag ${flag} needs a value`);
    else if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') problems.push(`Unexpected argument ${quoted}`);
    else problems.push(message);
    return {};
  }
};

/** Typed readers of variables: a bad value is one problem, and the fallback stands in for it. */
export const createReader = (source: Env, problems: string[]) => {
  /** Empty values count as unset, as compose files and CI often leave them. */
  const raw = (name: string): string | undefined => {
    const value = source[name]?.trim();
    return value === '' ? undefined : value;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const value = raw(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
      return fallback;
    }
    return Number(value);
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const value = raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(value)) return true;
    if (['false', '0', 'no', 'off'].includes(value)) return false;
    problems.push(`${name} must be true or false, got ${JSON.stringify(raw(name))}`);
    return fallback;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
    return fallback;
  };
  return { raw, int, bool, oneOf };
};
