import { Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '@laerenett/shared-domain';
import { AppException } from './app.exception';

const logger = new Logger('GraphQL');

/** Apollo's own codes for errors in the request itself; these pass through as they are. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Errors from Postgres that input reached: a reference to something that does not exist, a value
 * the column cannot hold, a duplicate. The services check what they can first; what gets past them
 * is still the caller's to fix, not an internal error. The transaction it happened in is rolled back.
 */
const DATABASE_INPUT_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  '23503': {
    code: ErrorCode.NOT_FOUND,
    message: 'Something the input refers to was not found, or you do not have access to it. Check the ids.',
  },
  '23505': { code: ErrorCode.CONFLICT, message: 'That exists already.' },
  '23514': { code: ErrorCode.VALIDATION_FAILED, message: 'A value is outside what is allowed. Check the input.' },
  '22001': { code: ErrorCode.VALIDATION_FAILED, message: 'A text is longer than allowed. Shorten it.' },
  '22003': { code: ErrorCode.VALIDATION_FAILED, message: 'A number is out of range. Check the input.' },
  '22007': { code: ErrorCode.VALIDATION_FAILED, message: 'A date or time is not valid. Use YYYY-MM-DD.' },
  '22008': { code: ErrorCode.VALIDATION_FAILED, message: 'A date or time is out of range. Check the input.' },
  '22021': { code: ErrorCode.VALIDATION_FAILED, message: 'A text holds characters that cannot be stored. Remove them.' },
  '22P02': { code: ErrorCode.VALIDATION_FAILED, message: 'A value is not of the right form (for example an id). Check the input.' },
};
/** Postgres or its connection is not there: the client may try again later (HTTP 503). */
const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
]);

function databaseCode(e: unknown): string | null {
  // graphql-js wraps a thrown non-Error (the pool rejects with a plain object when it cannot connect).
  const thrown = (e as { thrownValue?: unknown } | null)?.thrownValue;
  const err = (thrown ?? e) as { code?: unknown; driverError?: { code?: unknown }; message?: string } | null;
  const code = err?.driverError?.code ?? err?.code;
  if (typeof code === 'string') return code;
  return /Connection terminated|timeout exceeded when trying to connect/i.test(err?.message ?? '') ? 'ECONNRESET' : null;
}

/**
 * The one place errors become GraphQL errors: stable codes, actionable messages, and no
 * stack traces or internals for clients. Anything unexpected is logged and shown as INTERNAL.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof AppException) {
    return { ...base, message: original.message, extensions: { code: original.code, ...(original.details ?? {}) } };
  }
  const code = formatted.extensions?.['code'];
  if (/exceeds maximum operation depth/.test(formatted.message)) {
    return { ...base, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } };
  }
  if (typeof code === 'string' && REQUEST_CODES.has(code)) {
    const mapped = code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' ? ErrorCode.VALIDATION_FAILED : code;
    return { ...base, extensions: { code: mapped, ...(mapped !== code ? { graphqlCode: code } : {}) } };
  }
  if (typeof code === 'string' && code === ErrorCode.QUERY_TOO_COMPLEX) {
    return { ...base, extensions: { code } };
  }
  const db = databaseCode(original);
  if (db && DATABASE_INPUT_ERRORS[db]) {
    logger.warn(`Input reached a database constraint (${db}): ${(original as Error).message}`);
    return { ...base, message: DATABASE_INPUT_ERRORS[db].message, extensions: { code: DATABASE_INPUT_ERRORS[db].code } };
  }
  if (db && UNAVAILABLE_CODES.has(db)) {
    logger.error(`The database is unavailable (${db})`);
    return {
      ...base,
      message: 'Lærenett cannot reach its database just now. Try again in a minute.',
      extensions: { code: ErrorCode.UNAVAILABLE },
    };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    message: 'Something went wrong on our side. Try again; if it keeps happening, contact support.',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL },
  };
}

/**
 * HTTP statuses that follow from the formatted errors: 503 when the database could not be
 * reached (a balancer or client may retry). Errors in the request itself are already 400.
 */
export function errorStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.some((e) => e.extensions?.['code'] === ErrorCode.UNAVAILABLE)) response.http.status = 503;
        },
      };
    },
  };
}
