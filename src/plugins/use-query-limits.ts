import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { LimitsConfig } from '../config.ts';

export interface QueryLimitsOptions {
  limits: LimitsConfig;
  /** Suggest field names ("Did you mean …?") in validation errors. @default true */
  fieldSuggestions?: boolean;
}

/**
 * A refusal with a stable code instead of armor's "Syntax Error: …". Marked as a spec error
 * with status 400, so `application/graphql-response+json` callers get a 400 and
 * `application/json` callers the 200 that media type asks for.
 */
const refuseWith =
  (code: string) =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    const refused = createGraphQLError(error.message.replace(/^Syntax Error: /, ''), {
      extensions: { code, http: { spec: true, status: 400 } },
    });
    // Validation rules report (so other errors still show); the token limit runs in the parser and throws.
    if (context) context.reportError(refused);
    else throw refused;
  };

const limit = (n: number, code: string) => ({
  n,
  onReject: [refuseWith(code)],
  propagateOnRejection: false,
});

/** Depth, alias, token and directive limits (graphql-armor), each refusal with its own code. */
export function useQueryLimits({ limits, fieldSuggestions = true }: QueryLimitsOptions): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: limit(limits.maxDepth, 'QUERY_TOO_DEEP'),
    maxAliases: limit(limits.maxAliases, 'TOO_MANY_ALIASES'),
    maxTokens: limit(limits.maxTokens, 'TOO_MANY_TOKENS'),
    maxDirectives: limit(limits.maxDirectives, 'TOO_MANY_DIRECTIVES'),
    // The upstream-call budget bounds the real cost; a static cost guess would refuse honest queries.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !fieldSuggestions },
  }) as Plugin;
}
