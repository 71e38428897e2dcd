import { ErrorCode } from '@laerenett/shared-domain';
import { areaWork } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { AnnualSummaryException } from './annual-summary.exception';

/** The December summary's refusals, worded once for its services. */
export const areaNotFound = () =>
  new AnnualSummaryException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
export const agencyNotFound = () =>
  new AnnualSummaryException(ErrorCode.NOT_FOUND, 'The agency was not found, or you do not have access to its report');
export const versionNotFound = () =>
  new AnnualSummaryException(ErrorCode.NOT_FOUND, 'The summary version was not found, or you do not have access to it');
export const compilationNotFound = () =>
  new AnnualSummaryException(ErrorCode.NOT_FOUND, 'The compilation was not found, or you do not have access to it');
export const invalid = (field: string, message: string) =>
  new AnnualSummaryException(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: [message] } });
export const conflict = (message: string, reason: string) => new AnnualSummaryException(ErrorCode.CONFLICT, message, { reason });

/** The area asked for, else the actor's own. */
export function summaryArea(actor: Actor, areaIdArg: string | undefined): string {
  const areaId = areaIdArg ?? actor.areaId;
  if (!areaId) throw invalid('areaId', 'Choose a ministry area');
  return areaId;
}

/** The ministry coordinator of the area and admins manage its summary; the area's agency coordinators read it. */
export function summaryAccess(actor: Actor, areaId: string): 'manage' | 'read' {
  const work = areaWork(actor, areaId);
  if (!work) throw areaNotFound();
  return work;
}

export function assertManagesSummary(actor: Actor, areaId: string): void {
  if (summaryAccess(actor, areaId) !== 'manage')
    throw new AnnualSummaryException(
      ErrorCode.FORBIDDEN,
      "Only the ministry area's coordinator can do this; agencies write their own reports",
    );
}

/**
 * Like `assertManagesSummary`, for a thing found by id: to an actor who may not even read the
 * area it is not found; one who reads it is told that only the ministry may do this.
 */
export function assertManagesFound(actor: Actor, areaId: string, notFound: () => AnnualSummaryException): void {
  const work = areaWork(actor, areaId);
  if (!work) throw notFound();
  if (work !== 'manage') assertManagesSummary(actor, areaId);
}
