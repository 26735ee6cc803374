import type { GraphQLError } from 'graphql';
import { maskError, type Plugin } from 'graphql-yoga';
import { READ_ERRORS, toReadableError } from '../schema/errors/read-errors.ts';
import { isUpstreamError } from '../upstream/errors.ts';

export interface ReadableErrorsOptions {
  /** Where the one line per upstream outage goes, with the request it was met in. @default console.log */
  log?: (line: string, request: Request | undefined) => void;
}

/**
 * Turns expected failures in an execution result into readable errors before masking, so
 * Yoga does not log them as crashes with a stack; an upstream outage gets one log line.
 */
export function useReadableErrors(options: ReadableErrorsOptions = {}): Plugin {
  const log = options.log ?? ((line: string) => console.log(line));
  const convert = (error: GraphQLError, request: Request | undefined): GraphQLError => {
    const readable = toReadableError(error);
    if (!readable) return error;
    const original = error.originalError;
    if (isUpstreamError(original) && READ_ERRORS[original.code].outage) {
      log(
        `upstream ${original.code}: ${original.request ?? 'call'} status ${original.status}` +
          ` trackingId ${original.trackingId ?? '-'}`,
        request,
      );
    }
    return readable;
  };
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: ({ result, setResult }) => {
        // Queries answer one result; incremental delivery is not offered by this schema.
        if (Symbol.asyncIterator in result || !result.errors?.length) return;
        const request = (args.contextValue as { request?: Request }).request;
        setResult({ ...result, errors: result.errors.map((error) => convert(error, request)) });
      },
    }),
  };
}

/** Yoga's `maskError` (its `maskedErrors` option), extended: expected failures stay readable. */
export function maskGatewayError(error: unknown, message: string, isDev?: boolean): Error {
  return toReadableError(error) ?? maskError(error, message, isDev);
}
