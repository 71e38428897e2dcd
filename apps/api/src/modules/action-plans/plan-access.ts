import { ErrorCode, isIsoDate } from '@laerenett/shared-domain';
import { areaWork } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { ActionPlansException } from './action-plans.exception';

/** The action plan's refusals, worded once for its services. */
export const areaNotFound = () =>
  new ActionPlansException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
export const planNotFound = () =>
  new ActionPlansException(ErrorCode.NOT_FOUND, 'The action plan was not found, or you do not have access to it');
export const notFound = (what: string) =>
  new ActionPlansException(ErrorCode.NOT_FOUND, `The ${what} was not found, or you do not have access to it`);
export const invalid = (field: string, message: string) =>
  new ActionPlansException(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: [message] } });

export type PlanAccess = 'manage' | 'read';

/** The area asked for, else the actor's own. */
export function planArea(actor: Actor, areaIdArg: string | undefined): string {
  const areaId = areaIdArg ?? actor.areaId;
  if (!areaId) throw invalid('areaId', 'Choose a ministry area');
  return areaId;
}

/** The ministry coordinator of the area (and admins) manage the plan; the area's agency coordinators read it. */
export function planAccess(actor: Actor, areaId: string): PlanAccess {
  const work = areaWork(actor, areaId);
  if (!work) throw areaNotFound();
  return work;
}

export function assertManagesPlan(actor: Actor, areaId: string): void {
  if (planAccess(actor, areaId) !== 'manage')
    throw new ActionPlansException(
      ErrorCode.FORBIDDEN,
      "Only the ministry area's coordinator can change the action plan; agencies can read it",
    );
}

/** A date that exists in the calendar (the pattern alone lets 2026-02-30 through). */
export function realDate(field: string, value: string): string {
  if (!isIsoDate(value)) throw invalid(field, `${value} is not a date in the calendar`);
  return value;
}

/** A real date in the plan's year, or the year before or after. */
export function checkPlanDate(field: string, date: string, plan: { year: number }): string {
  realDate(field, date);
  const year = Number(date.slice(0, 4));
  if (year < plan.year - 1 || year > plan.year + 1)
    throw invalid(field, `The date must fall in ${plan.year} (or the year before or after)`);
  return date;
}
