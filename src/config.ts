/**
 * Environment variables and command-line flags -> one typed, validated Config, of the shape of
 * the declaration in config-settings.ts. Every problem is collected and reported at once, one
 * line each, in a ConfigError. Secrets are kept out of `JSON.stringify`, `console.log` and `describe()`.
 */
import type { Mode } from './config-kinds.ts';
import { createSettingsReader, type Env, readFlags } from './config-reader.ts';
import { LOG_LEVELS, type LogLevel, type Parsed, SETTINGS } from './config-settings.ts';

export { LOG_LEVELS, type LogLevel };

type Settings = Parsed<typeof SETTINGS>;

export interface ServiceAccountConfig {
  clientId: string;
  /** Not enumerable: absent from JSON and console output. */
  readonly clientSecret: string;
}

export type UpstreamConfig = Settings['upstream'] & {
  /** `sandbox` when `SAIL_BASE_URL` is unset: an ISC emulator is started in-process. */
  mode: Mode;
};
export type SandboxConfig = Settings['sandbox'];
export type LimitsConfig = Settings['limits'];
export type TracingConfig = Settings['tracing'];

/** Each field is the setting declared at the same path in config-settings.ts (defaults are there). */
export type Config = Omit<Settings, 'credentials' | 'upstream'> & {
  upstream: UpstreamConfig;
  /** `SAIL_CLIENT_ID` + `SAIL_CLIENT_SECRET` (both or neither; tenant mode only). */
  serviceAccount: ServiceAccountConfig | null;
  /** One line for the startup banner; never a secret. */
  describe(): string;
};

/** The configuration is unusable; `message` has one line per problem. */
export class ConfigError extends Error {
  readonly code = 'INVALID_CONFIG';
  override name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

const createServiceAccount = (clientId: string, clientSecret: string): ServiceAccountConfig => {
  const account = { clientId } as ServiceAccountConfig;
  Object.defineProperty(account, 'clientSecret', { value: clientSecret, enumerable: false });
  return account;
};

export const loadConfig = (env: Env = process.env, argv: readonly string[] = []): Config => {
  const problems: string[] = [];
  const settings = createSettingsReader({ ...env, ...readFlags(argv, problems) }, problems);
  const { mode } = settings;

  // Who the gateway is upstream comes first: the mode decides other defaults.
  settings.get(SETTINGS.upstream.baseUrl);
  const { clientId, clientSecret } = SETTINGS.credentials;
  const id = settings.raw(clientId.env);
  const secret = settings.raw(clientSecret.env);
  if ((id === undefined) !== (secret === undefined)) {
    problems.push(
      `${clientId.env} and ${clientSecret.env} go together: ${id ? 'the secret' : 'the id'} is missing`,
    );
  }
  if (mode === 'sandbox' && (id !== undefined || secret !== undefined)) {
    problems.push(
      `${clientId.env}/${clientSecret.env} are set but ${SETTINGS.upstream.baseUrl.env} is not: set it to use a tenant`,
    );
  }
  const serviceAccount =
    mode === 'tenant' && id !== undefined && secret !== undefined ? createServiceAccount(id, secret) : null;
  if (settings.get(SETTINGS.allowServiceAccount) && mode === 'tenant' && serviceAccount === null) {
    problems.push(`${SETTINGS.allowServiceAccount.env}=true needs ${clientId.env} and ${clientSecret.env}`);
  }

  if (
    settings.get(SETTINGS.persistedDocumentsOnly) &&
    settings.raw(SETTINGS.persistedDocuments.env) === undefined
  ) {
    problems.push(
      `${SETTINGS.persistedDocumentsOnly.env}=true needs ${SETTINGS.persistedDocuments.env}, the manifest of trusted documents`,
    );
  }

  const { credentials: _, upstream, ...rest } = settings.tree(SETTINGS);
  const config: Config = {
    ...rest,
    upstream: { mode, ...upstream },
    serviceAccount,
    describe: () => describeConfig(config),
  };
  // It may carry a password: kept out of JSON and console output, as the client secret is.
  Object.defineProperty(config.shared, 'redisUrl', { value: config.shared.redisUrl, enumerable: false });
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
};

const describeConfig = (config: Config): string => {
  const { upstream, sandbox, serviceAccount } = config;
  const where =
    upstream.mode === 'sandbox'
      ? `sandbox (seed ${sandbox.seed}, scale ${sandbox.scale}, rate limit ${sandbox.rateLimit || 'off'})`
      : upstream.baseUrl;
  const service = serviceAccount
    ? `client ${serviceAccount.clientId}`
    : upstream.mode === 'sandbox'
      ? 'sandbox admin'
      : 'none';
  const allowed = config.allowServiceAccount
    ? 'for requests without a bearer'
    : 'never used (bearer required)';
  return `upstream ${where}, NELM ${upstream.apiVersion}; service account: ${service}, ${allowed}`;
};
