import { ErrorCode } from '@laerenett/shared-domain';
import { AppException } from '../../graphql/app.exception';

export class ApprenticeshipException extends AppException {}

export const apprenticeNotFound = () =>
  new ApprenticeshipException(ErrorCode.NOT_FOUND, 'The apprentice was not found, or you do not have access to them');

export const invalidField = (field: string, message: string) =>
  new ApprenticeshipException(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: [message] } });
