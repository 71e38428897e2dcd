/**
 * How GraphQL operations are executed. graphql-js walks the operation's document afresh for every
 * request, field by field: for the dashboard's answer (~2,400 fields) that walk cost more than the
 * rest of the API's own work. A query document that comes back (the portal sends the same few
 * dozen) is compiled once by graphql-jit into a function that does the same walk without the
 * interpretation, and runs compiled from then on.
 *
 * The first `compileAfter` uses of a document, and every mutation, run on graphql-js as before,
 * so a one-off document (a fuzzer's, a developer's) costs no compilation. So does a query with an
 * input object (in a variable or written out): graphql-jit leaves out the defaults of an input
 * object's fields, where graphql-js fills them in. What a client sees is the
 * same either way: variables are checked by graphql-js before a compiled query runs (the same
 * messages, and status 400 for a bad value), and a compiled query's errors are made graphql-js's
 * own errors, with the path, the locations and the error the resolver threw, so that the error
 * formatter and the status rules treat them alike. apps/api/test/graphql-compiled.integration-spec.ts
 * compares the two on the portal's operations and their errors.
 *
 * Hooked in through Apollo Server's executor interface (the one its gateway uses), which keeps
 * every other step of Apollo's request pipeline: parsing and validation with their caches, the
 * plugins (complexity limit, error status), the error formatter.
 */
import { Injectable, Module } from '@nestjs/common';
import type { GatewayExecutionResult, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  BREAK,
  execute,
  getNamedType,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  typeFromAST,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { AppConfig } from '../config/config';

/** Documents whose uses are counted (and compiled forms kept), least recently used dropped first. */
const KEEP = 500;

interface Entry {
  uses: number;
  /** The compiled query; null when graphql-jit could not compile it (graphql-js runs it then). */
  compiled?: CompiledQuery | null;
}

/**
 * graphql-jit's error as graphql-js makes it: a GraphQLError with the path, locations and the
 * thrown error. graphql-jit's own errors pass `instanceof GraphQLError` but are not built by its
 * constructor: they have no `nodes` and may have no `extensions` (Apollo's formatting needs them).
 */
export function asGraphQLError(e: unknown): GraphQLError {
  if (e instanceof GraphQLError && Object.prototype.hasOwnProperty.call(e, 'nodes')) return e;
  const jit = e as {
    message?: string;
    path?: readonly (string | number)[];
    locations?: GraphQLError['locations'];
    originalError?: unknown;
    extensions?: Record<string, unknown>;
  };
  // An Error of another realm too (one of Node's own, seen from a sandbox such as a test runner's).
  const original =
    jit.originalError instanceof Error || Object.prototype.toString.call(jit.originalError) === '[object Error]'
      ? (jit.originalError as Error)
      : undefined;
  const error = new GraphQLError(String(jit.message ?? original?.message ?? 'Unexpected error'), {
    path: jit.path,
    originalError: original,
    extensions: jit.extensions,
  });
  if (jit.locations?.length) (error as { locations?: GraphQLError['locations'] }).locations = jit.locations;
  return error;
}

/** Whether the operation takes an input object, as a variable or written out in the document. */
function withInputObject(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const variableTypes = (operation.variableDefinitions ?? []).map((v) => typeFromAST(schema, v.type as never));
  if (variableTypes.some((t) => !t || isInputObjectType(getNamedType(t)))) return true;
  let written = false;
  visit(document, {
    ObjectValue() {
      written = true;
      return BREAK;
    },
  });
  return written;
}

@Injectable()
export class CompilingExecutor implements GatewayInterface {
  private readonly entries = new Map<string, Entry>();
  /** Uses of a query document on graphql-js before it is compiled (0: from its first use). */
  private readonly compileAfter: number;
  private schema: () => GraphQLSchema = () => {
    throw new Error('CompilingExecutor.of(schema) was not called');
  };

  constructor(config: AppConfig) {
    this.compileAfter = config.app.graphqlCompileAfter;
  }

  /** Executes on the API's schema (Nest builds it before Apollo starts and asks for it). */
  of(schema: () => GraphQLSchema): this {
    this.schema = schema;
    return this;
  }

  onSchemaLoadOrUpdate(callback: (schema: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void): () => void {
    callback({ apiSchema: this.schema(), coreSupergraphSdl: '' });
    return () => undefined;
  }

  async load() {
    return { executor: (rc: GatewayGraphQLRequestContext) => this.execute(rc) };
  }

  async stop(): Promise<void> {
    this.entries.clear();
  }

  /** How many query documents run compiled now. */
  get compiledCount(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.compiled) n++;
    return n;
  }

  async execute(rc: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    const compiled = rc.operation.operation === 'query' ? this.compiled(rc) : null;
    const variables = rc.request.variables ?? {};
    if (!compiled) {
      return (await execute({
        schema: rc.schema,
        document: rc.document,
        contextValue: rc.context,
        variableValues: variables,
        operationName: rc.operationName,
      })) as GatewayExecutionResult;
    }
    // graphql-js checks the variables first, as its execute would: the same errors for a bad value.
    const checked = getVariableValues(rc.schema, rc.operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (checked.errors) return { errors: checked.errors };
    const result = (await compiled.query(undefined, rc.context, variables)) as ExecutionResult;
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : (result as GatewayExecutionResult);
  }

  /** The query's compiled form once its document has been used often enough; null until then (or if it cannot be compiled). */
  private compiled(rc: GatewayGraphQLRequestContext): CompiledQuery | null {
    const key = `${rc.queryHash}\u0000${rc.operationName ?? ''}`;
    let entry = this.entries.get(key);
    if (entry)
      this.entries.delete(key); // re-inserted below: the map's order is the order of last use
    else entry = { uses: 0 };
    this.entries.set(key, entry);
    if (this.entries.size > KEEP) this.entries.delete(this.entries.keys().next().value as string);
    if (entry.compiled !== undefined) return entry.compiled;
    if (entry.uses++ < this.compileAfter) return null;
    const compiled = withInputObject(rc.schema, rc.document, rc.operation)
      ? null
      : compileQuery(rc.schema, rc.document, rc.operationName ?? undefined);
    entry.compiled = compiled && isCompiledQuery(compiled) ? compiled : null;
    return entry.compiled;
  }
}

@Module({ providers: [CompilingExecutor], exports: [CompilingExecutor] })
export class GraphqlExecutorModule {}
