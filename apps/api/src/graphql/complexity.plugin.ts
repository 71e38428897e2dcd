import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  GraphQLError,
  GraphQLSchema,
  KnownFragmentNamesRule,
  NoFragmentCyclesRule,
  validate,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '@laerenett/shared-domain';

export const MAX_QUERY_DEPTH = 8;
export const MAX_QUERY_COMPLEXITY = 2000;

/** Estimates kept per parsed document (Apollo keeps one per query text) and its variables. */
const KEPT_PER_DOCUMENT = 64;
/** Large variables (an import's rows, say) are estimated each time rather than kept. */
const MAX_KEY_LENGTH = 2_000;

/**
 * Refuses operations whose estimated cost exceeds the limit, before any resolver runs. The
 * estimate walks the whole document against the schema; the portal sends the same few documents
 * with the same variables again and again, so each (document, operation, variables) is estimated once.
 */
export function complexityPlugin(getSchema: () => GraphQLSchema, max = MAX_QUERY_COMPLEXITY): ApolloServerPlugin {
  const estimates = new WeakMap<DocumentNode, Map<string, number | null>>();
  const estimate = (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined) => {
    let kept = estimates.get(document);
    if (!kept) estimates.set(document, (kept = new Map()));
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    if (kept.has(key)) return kept.get(key) as number | null;
    let complexity: number | null;
    try {
      complexity = getComplexity({
        schema: getSchema(),
        operationName,
        query: document,
        variables,
        estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
      });
    } catch (e) {
      // Variables that do not fit their types (an unknown enum value): GraphQL's own
      // coercion refuses them next, as the client's error, naming the variable.
      if (!(e instanceof GraphQLError)) throw e;
      complexity = null;
    }
    if (key.length <= MAX_KEY_LENGTH) {
      if (kept.size >= KEPT_PER_DOCUMENT) kept.delete(kept.keys().next().value as string);
      kept.set(key, complexity);
    }
    return complexity;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // No operation by that name (or several and no name): graphql-js refuses it next, with a
          // 400; the estimate would throw on an anonymous operation asked for by name.
          if (!operation) return;
          const complexity = estimate(document, operation.name?.value, request.variables);
          if (complexity === null) return;
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
 * The depth limit, safe from broken fragments: graphql-depth-limit follows fragment spreads, and
 * would recurse for ever on `fragment A { ...B } fragment B { ...A }` and throw (an internal error,
 * HTTP 500) on a spread of a fragment the document does not define. GraphQL's own rules
 * (NoFragmentCyclesRule and KnownFragmentNamesRule, among the standard rules) refuse such a
 * document with a message; where it has either fault, depth is not measured.
 */
export function depthLimitRule(max = MAX_QUERY_DEPTH): ValidationRule {
  const limit = depthLimit(max) as unknown as ValidationRule;
  return (context: ValidationContext) => {
    const faults = validate(context.getSchema(), context.getDocument(), [NoFragmentCyclesRule, KnownFragmentNamesRule]);
    return faults.length ? {} : limit(context);
  };
}
