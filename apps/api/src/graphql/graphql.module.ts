import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { AuthedRequest, GqlContext } from '../common/request-context';
import { RequestLoaders } from '../common/loaders';
import { complexityPlugin, depthLimitRule, MAX_QUERY_DEPTH } from './complexity.plugin';
import { errorStatusPlugin, formatGraphQLError } from './format-error';
import { AppConfig } from '../config/config';
import { CompilingExecutor, GraphqlExecutorModule } from './executor';

export function graphqlModule() {
  return GraphQLModule.forRootAsync<ApolloDriverConfig>({
    driver: ApolloDriver,
    imports: [GraphqlExecutorModule],
    inject: [GraphQLSchemaHost, AppConfig, CompilingExecutor],
    useFactory: (schemaHost: GraphQLSchemaHost, config: AppConfig, executor: CompilingExecutor) => ({
      // The schema lives in memory here; `npm run schema` writes the committed apps/api/schema.gql.
      autoSchemaFile: true,
      sortSchema: true,
      path: '/graphql',
      playground: false,
      // Closed in production unless the operators open it (GRAPHQL_INTROSPECTION); with it closed,
      // error messages do not suggest field names either ("Did you mean …").
      introspection: config.app.introspection,
      hideSchemaDetailsFromClientErrors: !config.app.introspection,
      includeStacktraceInErrorResponses: false,
      csrfPrevention: true,
      validationRules: [depthLimitRule(MAX_QUERY_DEPTH)],
      // No HTTP caching of GraphQL answers (they are per user): skip the cache-control plugin's per-field work.
      plugins: [complexityPlugin(() => schemaHost.schema), errorStatusPlugin(), ApolloServerPluginCacheControlDisabled()],
      // Our own status rules (errorStatusPlugin): Nest's would reset a 503 to 200.
      preserveHttpStatusForExecutionErrors: false,
      formatError: formatGraphQLError,
      // Queries that come back run compiled (graphql-jit) instead of interpreted by graphql-js.
      gateway: executor.of(() => schemaHost.schema),
      context: ({ req, res }: { req: AuthedRequest; res: GqlContext['res'] }): GqlContext => ({ req, res, loaders: new RequestLoaders() }),
    }),
  });
}
