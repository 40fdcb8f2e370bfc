import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ErrorCode } from '@meridian/errors';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** Query limits for every operation, HTTP and WebSocket alike. */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxCost: 5000,
  maxTokens: 2000,
} as const;

/** Marks an error raised by a query limit so the formatter reports QUERY_TOO_COMPLEX. */
export class QueryTooComplexError extends GraphQLError {
  constructor(message: string) {
    // armor words every rejection as a "Syntax Error", which a client would misread.
    super(`${message.replace(/^Syntax Error: /, '')} Split the operation into smaller ones.`, {
      extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
    });
    this.name = 'QueryTooComplexError';
  }
}

const rejectAsTooComplex = (context: ValidationContext | null, error: GraphQLError): void => {
  context?.reportError(new QueryTooComplexError(error.message));
};

const rejection = { propagateOnRejection: false, onReject: [rejectAsTooComplex] };

/** graphql-js's own token limit (a parse option) words its error like this (16.x spells it "more that"). */
export function isTokenLimitError(message: string): boolean {
  return /Document contains more (?:than|that) \d+ tokens/.test(message);
}

export interface QueryLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  /** For Apollo's `parseOptions` and the WebSocket parser. */
  parseOptions: { maxTokens: number };
}

/**
 * graphql-armor's limits (depth, aliases, cost, directives), plus, in production, no introspection and no
 * "Did you mean …" field suggestions, so the schema cannot be read off the public endpoint.
 *
 * The token limit is graphql-js's own `maxTokens` parse option rather than armor's Apollo plugin: that plugin
 * parses a second time inside a hook, where any syntax error (not only too many tokens) becomes HTTP 500.
 */
export function createQueryLimits({ production }: { production: boolean }): QueryLimits {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ...rejection },
    maxAliases: { n: QUERY_LIMITS.maxAliases, ...rejection },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...rejection },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ...rejection },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins: plugins as ApolloServerPlugin[],
    validationRules: production ? [...validationRules, NoSchemaIntrospectionCustomRule] : validationRules,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
  };
}
