import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLSchema } from 'graphql';
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
          const complexity = getComplexity({
            schema: getSchema(),
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > max) {
            throw new GraphQLError(`The query is too complex (${complexity}, the limit is ${max}). Ask for fewer fields or smaller lists.`, {
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
            });
          }
        },
      };
    },
  };
}
