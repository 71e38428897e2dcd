import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLSchema, NoFragmentCyclesRule, validate, ValidationContext, ValidationRule } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '@laerenett/shared-domain';

export const MAX_QUERY_DEPTH = 8;
export const MAX_QUERY_COMPLEXITY = 2000;

/** Refuses operations whose estimated cost exceeds the limit, before any resolver runs. */
export function complexityPlugin(getSchema: () => GraphQLSchema, max = MAX_QUERY_COMPLEXITY): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema: getSchema(),
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (e) {
            // Variables that do not fit their types (an unknown enum value): GraphQL's own
            // coercion refuses them next, as the client's error, naming the variable.
            if (e instanceof GraphQLError) return;
            throw e;
          }
          if (complexity > max) {
            throw new GraphQLError(
              `The query is too complex (${complexity}, the limit is ${max}). Ask for fewer fields or smaller lists.`,
              {
                // The client's to fix: HTTP 400, like any other error in the request itself.
                extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}

/**
 * The depth limit, safe from fragment cycles: graphql-depth-limit follows fragment spreads and
 * would recurse for ever on `fragment A { ...B } fragment B { ...A }`. GraphQL's own rule
 * (NoFragmentCyclesRule, among the standard rules) refuses such a document; where it has a
 * cycle, depth is not measured.
 */
export function depthLimitRule(max = MAX_QUERY_DEPTH): ValidationRule {
  const limit = depthLimit(max) as unknown as ValidationRule;
  return (context: ValidationContext) => {
    const cycles = validate(context.getSchema(), context.getDocument(), [NoFragmentCyclesRule]);
    return cycles.length ? {} : limit(context);
  };
}
