import { ErrorCode } from '@laerenett/shared-domain';

/**
 * An error a person can act on. The `code` is stable and lands in GraphQL `extensions.code`;
 * the message says what to do. Domain modules subclass it (AgenciesException, …).
 */
export class AppException extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export const invalid = (message: string, fields?: Record<string, string[]>) =>
  new AppException(ErrorCode.VALIDATION_FAILED, message, fields ? { fields } : undefined);
