import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { getDataSourceToken } from '@nestjs/typeorm';
import depthLimit from 'graphql-depth-limit';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { DataSource } from 'typeorm';
import type { AuthedRequest, GqlContext } from '../common/request-context';
import { createLoaders } from '../common/loaders';
import { complexityPlugin, MAX_QUERY_DEPTH } from './complexity.plugin';
import { formatGraphQLError } from './format-error';

export function graphqlModule() {
  return GraphQLModule.forRootAsync<ApolloDriverConfig>({
    driver: ApolloDriver,
    inject: [getDataSourceToken(), GraphQLSchemaHost],
    useFactory: (ds: DataSource, schemaHost: GraphQLSchemaHost) => ({
      // The schema lives in memory here; `npm run schema` writes the committed apps/api/schema.gql.
      autoSchemaFile: true,
      sortSchema: true,
      path: '/graphql',
      playground: false,
      introspection: true,
      includeStacktraceInErrorResponses: false,
      csrfPrevention: true,
      validationRules: [depthLimit(MAX_QUERY_DEPTH)],
      // No HTTP caching of GraphQL answers (they are per user): skip the cache-control plugin's per-field work.
      plugins: [complexityPlugin(() => schemaHost.schema), ApolloServerPluginCacheControlDisabled()],
      formatError: formatGraphQLError,
      context: ({ req, res }: { req: AuthedRequest; res: GqlContext['res'] }): GqlContext => ({ req, res, loaders: createLoaders(ds) }),
    }),
  });
}
