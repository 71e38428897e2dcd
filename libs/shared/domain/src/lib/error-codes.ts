/** Stable error codes carried in GraphQL `extensions.code`. Clients switch on these. */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  CONFLICT: 'CONFLICT',
  /** A deadline has passed (e.g. withdrawing from a shift after its sign-up deadline). */
  DEADLINE_PASSED: 'DEADLINE_PASSED',
  RATE_LIMITED: 'RATE_LIMITED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  INVALID_TOKEN: 'INVALID_TOKEN',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** A service Lærenett needs (its database) cannot be reached just now; try again. HTTP 503. */
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
