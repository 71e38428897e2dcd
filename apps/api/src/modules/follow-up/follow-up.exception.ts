import { ErrorCode, FollowUpProblem, followUpProblemText } from '@laerenett/shared-domain';
import { AppException } from '../../graphql/app.exception';

/** The follow-up module's errors: a stable `code` (ErrorCode) and, for a step that cannot be recorded, the domain's problems. */
export class FollowUpException extends AppException {}

export const caseNotFound = () =>
  new FollowUpException(ErrorCode.NOT_FOUND, 'The follow-up case was not found, or you do not have access to it');

export const invalidField = (field: string, message: string) =>
  new FollowUpException(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: [message] } });

/**
 * VALIDATION_FAILED with the domain's problems: each with its stable code (FollowUpProblemCode),
 * the field at fault and its text in the reader's language; the message joins the texts.
 */
export function problemsException(problems: FollowUpProblem[], lang: string): FollowUpException {
  const l = lang === 'en' ? 'en' : 'nb';
  const listed = problems.map((p) => ({ code: p.code, field: p.field, message: followUpProblemText(p, l) }));
  const fields: Record<string, string[]> = {};
  for (const p of listed) (fields[p.field || 'input'] ??= []).push(p.message);
  return new FollowUpException(ErrorCode.VALIDATION_FAILED, [...new Set(listed.map((p) => p.message))].join(' '), {
    problems: listed,
    fields,
  });
}
