/**
 * The gateway's pino logger: JSON lines by default, pretty lines for people. Tokens and secrets
 * never reach it by design; `redact` is the second line of defence should a header object slip in.
 */
import { type DestinationStream, type Logger, pino } from 'pino';
import { PinoPretty } from 'pino-pretty';
import type { LogLevel } from '../config.ts';

export type { Logger };

export interface LoggerOptions {
  /** @default 'info' */
  level?: LogLevel;
  /** @default 'json' */
  format?: 'json' | 'pretty';
  /** Where lines go (tests pass a stream that collects them). @default stdout */
  destination?: DestinationStream;
}

/** Header and field paths that could carry a credential, wherever they appear in a logged object. */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'token',
  'accessToken',
  'clientSecret',
  'client_secret',
  'password',
  '*.authorization',
  '*.cookie',
  '*.token',
  '*.clientSecret',
  '*.client_secret',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
];

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const destination =
    options.destination ??
    (options.format === 'pretty' ? PinoPretty({ colorize: process.stdout.isTTY, sync: true }) : undefined);
  return pino(
    {
      level,
      base: { service: 'gateway' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}
