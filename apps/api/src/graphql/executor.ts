/**
 * How GraphQL operations are executed. graphql-js walks the operation's document afresh for every
 * request, field by field: for the dashboard's answer (~2,400 fields) that walk cost more than the
 * rest of the API's own work. A query document that comes back (the portal sends the same few
 * dozen) is compiled once by graphql-jit into a function that does the same walk without the
 * interpretation, and runs compiled from then on.
 *
 * What is compiled, and what stays on graphql-js:
 * - Only queries whose every value comes in variables, as the portal's do. graphql-jit writes the
 *   values written out in a document into the code it generates, and turns a string of one
 *   particular form into code there: a document with a string written out could run code of the
 *   sender's choosing. Nor does it fill in the defaults of an input object's fields, where
 *   graphql-js does: a query with an input object (written out or in a variable) stays too, and so
 *   does one with @include or @skip (see `compilable`).
 * - A document's first `compileAfter` uses run on graphql-js, so a one-off document (a fuzzer's, a
 *   developer's) costs no compilation; documents seen but not compiled (yet, or ever) are counted
 *   apart from the compiled ones, so a flood of one-off or uncompilable documents cannot push the
 *   portal's out.
 * - Mutations, and a request whose operation Apollo could not resolve (graphql-js refuses it).
 *
 * What a client sees is the same either way: variables are checked by graphql-js before a
 * compiled query runs (the same messages, and status 400 for a bad value), and a compiled query's
 * errors are made as graphql-js makes them (`locatedError`), with the path, the locations and what
 * the resolver threw, so that the error formatter and the status rules treat them alike.
 * apps/api/test/graphql-compiled.integration-spec.ts compares the two on every query of the portal.
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
  Kind,
  locatedError,
  parse,
  printSchema,
  typeFromAST,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { AppConfig } from '../config/config';

/** Documents counted on their way to being compiled (or known not to be), least recently used dropped first. */
const KEEP_SEEN = 1_000;
/** Compiled documents kept (the portal has some fifty queries; its tests send each as every role), least recently used dropped first. */
const KEEP_COMPILED = 500;

/**
 * graphql-jit's error as graphql-js makes it: a GraphQLError with the path, locations and what
 * was thrown (`locatedError`, as graphql-js's execute uses it). graphql-jit's own errors pass
 * `instanceof GraphQLError` but are not built by its constructor: they have no `nodes` and may
 * have no `extensions` (Apollo's formatting needs them).
 */
function asGraphQLError(e: unknown): GraphQLError {
  if (e instanceof GraphQLError && Object.prototype.hasOwnProperty.call(e, 'nodes')) return e;
  const jit = e as {
    message?: string;
    path?: readonly (string | number)[];
    locations?: GraphQLError['locations'];
    originalError?: unknown;
    extensions?: Record<string, unknown>;
  };
  const error =
    jit.originalError === undefined
      ? // Made by graphql-jit itself (a null for a non-null field): graphql-js words it the same.
        new GraphQLError(String(jit.message), { path: jit.path, extensions: jit.extensions })
      : locatedError(jit.originalError, undefined, jit.path);
  if (jit.locations?.length) (error as { locations?: GraphQLError['locations'] }).locations = jit.locations;
  return error;
}

/** Whether graphql-jit may compile the operation: no value written out in the document, no input object in a variable. */
function compilable(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  for (const v of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, v.type as never);
    if (!type || isInputObjectType(getNamedType(type))) return false;
  }
  let written = false;
  const found = () => {
    written = true;
    return BREAK;
  };
  // Strings (block strings too) and input objects written out, in arguments and in variables'
  // defaults alike; enums, numbers, booleans and null are plain tokens that graphql-jit writes
  // safely. And directives (@include, @skip): graphql-jit joins a field's conditions over every
  // place it is spread, where graphql-js weighs each place on its own.
  visit(document, { [Kind.STRING]: found, [Kind.OBJECT]: found, [Kind.DIRECTIVE]: found });
  return !written;
}

/** Where an error's field stands in the document, for sorting (line, then column). */
const position = (e: GraphQLError) => {
  const at = e.locations?.[0];
  return at ? at.line * 100_000 + at.column : Number.MAX_SAFE_INTEGER;
};

/** A Map used as a list of the most recently used keys, bounded. */
function touch<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as string);
}

@Injectable()
export class CompilingExecutor implements GatewayInterface {
  /** Uses so far of documents not compiled yet; null for one not to be compiled (or that graphql-jit refused). */
  private readonly seen = new Map<string, number | null>();
  /** Compiled queries, and only those: documents that are never to be compiled cannot push them out. */
  private readonly compiled = new Map<string, CompiledQuery>();
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
    const schema = this.schema();
    callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
    return () => undefined;
  }

  async load() {
    return { executor: (rc: GatewayGraphQLRequestContext) => this.execute(rc) };
  }

  async stop(): Promise<void> {
    this.seen.clear();
    this.compiled.clear();
  }

  /** How many query documents run compiled now. */
  get compiledCount(): number {
    return this.compiled.size;
  }

  async execute(rc: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    // Apollo calls this even when no operation matched the request: graphql-js refuses it then.
    const operation = rc.operation as OperationDefinitionNode | undefined;
    const compiled = operation?.operation === 'query' ? this.compiledFor(rc, operation) : null;
    const variables = rc.request.variables ?? {};
    if (!operation || !compiled) {
      return (await execute({
        schema: rc.schema,
        document: rc.document,
        contextValue: rc.context,
        variableValues: variables,
        operationName: rc.request.operationName,
      })) as GatewayExecutionResult;
    }
    // graphql-js checks the variables first, as its execute would: the same errors for a bad value.
    const checked = getVariableValues(rc.schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (checked.errors) return { errors: checked.errors };
    const result = (await compiled.query(undefined, rc.context, variables)) as ExecutionResult;
    if (!result.errors) return result as GatewayExecutionResult;
    // In the document's order, as graphql-js mostly has them (it lists them as they happen) and
    // the portal shows the first; graphql-jit's order depends on which resolver settled first.
    const errors = result.errors.map(asGraphQLError).sort((a, b) => position(a) - position(b));
    return { ...result, errors };
  }

  /** The query's compiled form once its document has been used often enough; null until then, or if it is not to be compiled. */
  private compiledFor(rc: GatewayGraphQLRequestContext, operation: OperationDefinitionNode): CompiledQuery | null {
    const key = `${rc.queryHash}\u0000${operation.name?.value ?? ''}`;
    const known = this.compiled.get(key);
    if (known) {
      touch(this.compiled, key, known, KEEP_COMPILED);
      return known;
    }
    const before = this.seen.get(key);
    if (before === null) return null;
    const uses = (before ?? 0) + 1;
    if (uses <= this.compileAfter) {
      touch(this.seen, key, uses, KEEP_SEEN);
      return null;
    }
    // On a document of its own: graphql-jit marks the nodes it compiles, and Apollo shares its parsed documents.
    const made = compilable(rc.schema, rc.document, operation) ? compileQuery(rc.schema, parse(rc.source), operation.name?.value) : null;
    if (!made || !isCompiledQuery(made)) {
      touch(this.seen, key, null, KEEP_SEEN);
      return null;
    }
    this.seen.delete(key);
    touch(this.compiled, key, made, KEEP_COMPILED);
    return made;
  }
}

@Module({ providers: [CompilingExecutor], exports: [CompilingExecutor] })
export class GraphqlExecutorModule {}
