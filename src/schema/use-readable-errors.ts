import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { UpstreamError } from '../upstream/errors.ts';
import { isUpstreamError } from '../upstream/errors.ts';
import { toReadableError } from './error-masking.ts';

/**
 * Turns expected failures in an execution result into readable errors before masking, so
 * Yoga does not log them as crashes with a stack; an upstream outage gets one log line.
 */
export function useReadableErrors(log: (line: string) => void): Plugin {
  const convert = (error: GraphQLError): GraphQLError => {
    const readable = toReadableError(error);
    if (!readable) return error;
    const original = error.originalError;
    if (isUpstreamError(original) && isOutage(original)) {
      log(
        `upstream ${original.code}: ${original.request ?? 'call'} status ${original.status}` +
          ` trackingId ${original.trackingId ?? '-'}`,
      );
    }
    return readable;
  };
  return {
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        // Queries answer one result; incremental delivery is not offered by this schema.
        if (Symbol.asyncIterator in result || !result.errors?.length) return;
        setResult({ ...result, errors: result.errors.map(convert) });
      },
    }),
  };
}

function isOutage(error: UpstreamError): boolean {
  return error.code === 'UPSTREAM_UNAVAILABLE' || error.code === 'UPSTREAM_ERROR';
}
