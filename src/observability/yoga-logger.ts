import type { YogaLogger } from '@graphql-yoga/logger';
import type { Logger } from './logger.ts';
import { currentLogger, ownerOf } from './request-observation.ts';

/**
 * Yoga's own logging through the gateway's logger, on its request's line when that is known: an
 * error of an execution result by the result's request, the rest at `trace` by the current
 * request. Only messages and errors are kept, never the objects Yoga passes along (requests, headers).
 * Yoga's debug chatter (every parse step) goes to `trace`, below `LOG_LEVEL=debug`.
 */
export function createYogaLogger(root: Logger): YogaLogger {
  const write =
    (level: 'trace' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const log = (error && ownerOf(error)) || currentLogger(root);
      if (!log.isLevelEnabled(level)) return;
      const text = args.filter((arg): arg is string => typeof arg === 'string').join(' ');
      if (error) log[level]({ err: error, source: 'yoga' }, text || error.message);
      else log[level]({ source: 'yoga' }, text);
    };
  return { debug: write('trace'), info: write('info'), warn: write('warn'), error: write('error') };
}
