import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { defaultOf, SETTINGS } from '../config-settings.ts';
import { measureDocumentNesting, measureValueDepth } from './nesting-depth.ts';

export interface DocumentLimitsOptions {
  /** Largest document, in UTF-8 bytes. @default as `GRAPHQL_MAX_DOCUMENT_BYTES` */
  maxDocumentBytes?: number;
  /** Deepest nesting of lists and objects in literals, variables and extensions. @default as `GRAPHQL_MAX_VALUE_DEPTH` */
  maxValueDepth?: number;
  /** Deepest nesting of selection sets in the text (the parser recurses on it too). @default 64 */
  maxSelectionNesting?: number;
}

const refusal = (message: string, code: string, status: number) =>
  createGraphQLError(message, { extensions: { code, http: { status } } });

/**
 * Refuses, before parsing, a document too large or nested too deep, and variables or extensions
 * nested too deep: the parser and the variable coercion recurse, and a parsed document is cached.
 */
export function useDocumentLimits(options: DocumentLimitsOptions = {}): Plugin {
  const maxBytes = options.maxDocumentBytes ?? defaultOf(SETTINGS.limits.maxDocumentBytes);
  const maxValueDepth = options.maxValueDepth ?? defaultOf(SETTINGS.limits.maxValueDepth);
  const maxTotal = (options.maxSelectionNesting ?? 64) + maxValueDepth;
  const check = (params: { query?: unknown; variables?: unknown; extensions?: unknown }) => {
    const { query } = params;
    if (typeof query === 'string') {
      // UTF-8 is at most 3 bytes per UTF-16 unit: a cheap bound first, the exact size only near it.
      if (query.length * 3 > maxBytes && Buffer.byteLength(query) > maxBytes) {
        return refusal(
          `The document is larger than ${maxBytes} bytes; send a smaller query.`,
          'DOCUMENT_TOO_LARGE',
          413,
        );
      }
      const nesting = measureDocumentNesting(query);
      if (nesting.valueDepth > maxValueDepth) {
        return refusal(
          `A value in the document is nested more than ${maxValueDepth} deep.`,
          'VALUE_TOO_DEEP',
          400,
        );
      }
      if (nesting.totalDepth > maxTotal) {
        return refusal(`The document is nested more than ${maxTotal} deep.`, 'DOCUMENT_TOO_DEEP', 400);
      }
    }
    for (const part of ['variables', 'extensions'] as const) {
      // The object itself is one level.
      if (measureValueDepth(params[part], maxValueDepth + 1) > maxValueDepth + 1) {
        return refusal(`The ${part} are nested more than ${maxValueDepth} deep.`, 'VALUE_TOO_DEEP', 400);
      }
    }
    return null;
  };
  return {
    onParams({ params, setResult }) {
      const error = check(params);
      if (error) setResult({ errors: [error] });
    },
  };
}
