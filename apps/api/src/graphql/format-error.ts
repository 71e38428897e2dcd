import { Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '@laerenett/shared-domain';
import { AppException } from './app.exception';

const logger = new Logger('GraphQL');

/** Apollo's own codes for errors in the request itself; these pass through as they are. */
const REQUEST_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

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
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { message: 'Something went wrong on our side. Try again; if it keeps happening, contact support.', path: formatted.path, extensions: { code: ErrorCode.INTERNAL } };
}
