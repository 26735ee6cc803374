/** Reading the declared settings from variables and flags: each bad value adds one line to `problems`, never a throw. */
import { parseArgs } from 'node:util';
import type { DefaultContext, Mode, Setting } from './config-kinds.ts';
import { allSettings, type Parsed, SETTINGS, type SettingTree } from './config-settings.ts';

export type Env = Record<string, string | undefined>;

const FLAGS = new Map(
  allSettings().flatMap((entry) => (entry.flag ? [[entry.flag, entry.env] as const] : [])),
);

/** The command line as the variables its flags stand for; an unknown or empty flag is a problem. */
export const readFlags = (argv: readonly string[], problems: string[]): Env => {
  const options = Object.fromEntries([...FLAGS.keys()].map((flag) => [flag, { type: 'string' as const }]));
  try {
    const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
    return Object.fromEntries(
      Object.entries(values).map(([flag, value]) => [FLAGS.get(flag), String(value)]),
    );
  } catch (error) {
    const known = [...FLAGS.keys()].map((flag) => `--${flag}`).join(', ');
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

/** Reads declared settings on demand, each once; a bad value is its problems, and the default stands in. */
export const createSettingsReader = (source: Env, problems: string[]) => {
  /** Empty values count as unset, as compose files and CI often leave them. */
  const raw = (name: string): string | undefined => {
    const value = source[name]?.trim();
    return value === '' ? undefined : value;
  };
  const mode: Mode = raw(SETTINGS.upstream.baseUrl.env) === undefined ? 'sandbox' : 'tenant';
  const read = new Map<Setting<unknown>, unknown>();
  const get = <T>(entry: Setting<T>): T => {
    if (read.has(entry)) return read.get(entry) as T;
    const fallback = () =>
      typeof entry.default === 'function'
        ? (entry.default as (c: DefaultContext) => T)(context)
        : entry.default;
    const value = raw(entry.env);
    let parsed: T;
    if (value === undefined) parsed = fallback();
    else {
      const result = entry.schema.safeParse(value);
      if (result.success) parsed = result.data;
      else {
        for (const issue of result.error.issues) problems.push(`${entry.env} ${issue.message}`);
        parsed = fallback();
      }
    }
    read.set(entry, parsed);
    return parsed;
  };
  const context: DefaultContext = { mode, get };
  /** A whole tree of settings, in declaration order. */
  const tree = <T extends SettingTree>(node: T): Parsed<T> =>
    ('env' in node && typeof node.env === 'string'
      ? get(node as Setting<unknown>)
      : Object.fromEntries(
          Object.entries(node).map(([key, child]) => [key, tree(child as SettingTree)]),
        )) as Parsed<T>;
  return { mode, raw, get, tree };
};
