import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCode } from '@laerenett/shared-domain';
import { AppException } from './app.exception';

const STATUS: Record<string, number> = {
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.INVALID_CREDENTIALS]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.DEADLINE_PASSED]: 409,
  [ErrorCode.INVALID_TOKEN]: 400,
  [ErrorCode.RATE_LIMITED]: 429,
};

/**
 * Errors on the plain HTTP routes (exports, health, calendar files) become JSON with the same
 * stable codes as GraphQL. In GraphQL the error is rethrown for Apollo's formatError.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof AppException) {
      res.status(STATUS[exception.code] ?? 400).json({ code: exception.code, message: exception.message, ...(exception.details ?? {}) });
      return;
    }
    // 503 is an answer, not a failure: a health check saying "not ready" (draining, or the database away).
    if (exception instanceof HttpException && exception.getStatus() === 503) {
      res.status(503).json(exception.getResponse());
      return;
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      res
        .status(exception.getStatus())
        .json({ code: exception.getStatus() === 404 ? ErrorCode.NOT_FOUND : ErrorCode.VALIDATION_FAILED, message: exception.message });
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    res
      .status(500)
      .json({ code: ErrorCode.INTERNAL, message: 'Something went wrong on our side. Try again; if it keeps happening, contact support.' });
  }
}
