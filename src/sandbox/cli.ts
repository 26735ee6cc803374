import { parseArgs } from 'node:util';
import { createSettingsReader } from '../config-reader.ts';
import { defaultOf, SETTINGS } from '../config-settings.ts';
import type { FaultConfig } from './control/faults.ts';
import { formatDemoClients } from './demo-clients-banner.ts';
import { createSandbox } from './sandbox.ts';

const USAGE = `Usage: npm run sandbox -- [--port 4010] [--host H] [--seed N] [--scale small|org|<sources>x<records>]
  [--rate-limit N] [--rate-limit-window MS] [--route-rate-limit 'GET /non-employee-records=N' ...] [--token-ttl S] [--latency MS] [--jitter MS] [--bulk-upload-step MS]
  [--error-rate R] [--503-rate R] [--429-rate R] [--drop-rate R] [--drop-after-rate R] [--retry-after S] [--hang] [--log]`;

function number(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed))
    throw new RangeError(`--${flag} needs a number, got '${value}'.`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: defaultOf(SETTINGS.host) },
      seed: { type: 'string' },
      scale: { type: 'string' },
      'rate-limit': { type: 'string' },
      'rate-limit-window': { type: 'string' },
      'route-rate-limit': { type: 'string', multiple: true },
      'token-ttl': { type: 'string' },
      latency: { type: 'string' },
      jitter: { type: 'string' },
      'bulk-upload-step': { type: 'string' },
      'error-rate': { type: 'string' },
      '503-rate': { type: 'string' },
      '429-rate': { type: 'string' },
      'drop-rate': { type: 'string' },
      'drop-after-rate': { type: 'string' },
      'retry-after': { type: 'string' },
      hang: { type: 'boolean' },
      log: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const faults: Partial<FaultConfig> = {};
  const put = (key: keyof FaultConfig, flag: string) => {
    const value = number(values[flag as keyof typeof values] as string | undefined, flag);
    if (value !== undefined) (faults as Record<string, number>)[key] = value;
  };
  put('latencyMs', 'latency');
  put('jitterMs', 'jitter');
  put('errorRate', 'error-rate');
  put('unavailableRate', '503-rate');
  put('rateLimitRate', '429-rate');
  put('dropRate', 'drop-rate');
  put('dropAfterRate', 'drop-after-rate');
  put('retryAfterSeconds', 'retry-after');
  if (values.hang) faults.hang = true;

  const routeRateLimits: Record<string, number> = {};
  for (const entry of values['route-rate-limit'] ?? []) {
    const at = entry.lastIndexOf('=');
    if (at < 1) throw new RangeError(`--route-rate-limit needs 'METHOD /path=N', got '${entry}'.`);
    routeRateLimits[entry.slice(0, at).trim()] = number(entry.slice(at + 1), 'route-rate-limit')!;
  }

  // The flags of the gateway's sandbox settings are read as those settings: one set of bounds and messages.
  const problems: string[] = [];
  const { sandbox: declared } = SETTINGS;
  const settings = createSettingsReader(
    {
      [declared.seed.env]: values.seed,
      [declared.scale.env]: values.scale,
      [declared.rateLimit.env]: values['rate-limit'],
    },
    problems,
  ).tree(declared);
  if (problems.length > 0) throw new RangeError(problems.join('\n'));

  const started = performance.now();
  const sandbox = await createSandbox({
    ...settings,
    port: number(values.port, 'port'),
    host: values.host,
    rateLimitWindowMs: number(values['rate-limit-window'], 'rate-limit-window'),
    routeRateLimits,
    tokenTtlSeconds: number(values['token-ttl'], 'token-ttl'),
    faults,
    log: values.log ?? false,
    bulkUploadStepMs: number(values['bulk-upload-step'], 'bulk-upload-step'),
  });
  const { scale, rateLimit, rateLimitWindowMs, seed } = sandbox.options;
  console.log(
    `ISC sandbox listening on ${sandbox.url} (started in ${Math.round(performance.now() - started)} ms)`,
  );
  console.log(
    `  base URL for clients: ${sandbox.url}  (the API is under ${sandbox.url}/v3 and ${sandbox.url}/beta)`,
  );
  console.log(`  token URL: ${sandbox.url}/oauth/token`);
  console.log(`  seed ${seed}, ${scale.sources} sources × ${scale.recordsPerSource} records`);
  console.log(
    `  rate limit: ${rateLimit > 0 ? `${rateLimit} requests per client per ${rateLimitWindowMs} ms` : 'off'}`,
  );
  console.log(`  control plane: ${sandbox.url}/__sandbox/{stats,faults,reset,clients}`);
  for (const line of formatDemoClients(sandbox.clients)) console.log(line);
  const stop = () => {
    sandbox.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
