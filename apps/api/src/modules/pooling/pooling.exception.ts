import { ErrorCode } from '@laerenett/shared-domain';
import { AppException } from '../../graphql/app.exception';

export class PoolingException extends AppException {}

export const eventNotFound = () => new PoolingException(ErrorCode.NOT_FOUND, 'The event was not found, or you do not have access to it');
export const shiftNotFound = () => new PoolingException(ErrorCode.NOT_FOUND, 'The shift was not found, or you do not have access to it');
export const signupNotFound = () => new PoolingException(ErrorCode.NOT_FOUND, 'The sign-up was not found, or you do not have access to it');
export const areaNotFound = () =>
  new PoolingException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
export const forbidden = (message: string) => new PoolingException(ErrorCode.FORBIDDEN, message);
export const invalid = (field: string, message: string) =>
  new PoolingException(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: [message] } });
/** A CONFLICT with a stable `reason` (FULL, CLASH, CAP, …) in the error's extensions. */
export const conflict = (reason: string, message: string) => new PoolingException(ErrorCode.CONFLICT, message, { reason });
