import { Role } from '@laerenett/shared-domain';
import { canManageArea } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { PooledEventEntity, PoolEventStatus } from './entities/pooled-event.entity';

/**
 * Who may do what in the pool: pure functions of the actor, the event and the time (`now`, in
 * milliseconds), asked the same way by every pooling service and by the `can…` fields.
 */

/** An event can be changed (and sent in again) while it waits for review or after it was sent back. */
export const EDITABLE = [PoolEventStatus.SUBMITTED, PoolEventStatus.RETURNED];

const agencyCoordinatorOf = (actor: Actor, agencyId: string) => actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === agencyId;

/** The ministry sees all of its area's events; the area sees those in the pool; an agency its own. */
export function canSeeEvent(actor: Actor, e: PooledEventEntity): boolean {
  if (canManageArea(actor, e.areaId)) return true;
  if (actor.areaId !== e.areaId) return false;
  if (e.status === PoolEventStatus.APPROVED) return true;
  return agencyCoordinatorOf(actor, e.agencyId);
}

/** The agency holding the event, or the ministry. */
export function canManageEvent(actor: Actor, e: PooledEventEntity): boolean {
  return canManageArea(actor, e.areaId) || agencyCoordinatorOf(actor, e.agencyId);
}

export function canEditEvent(actor: Actor, e: PooledEventEntity): boolean {
  return canManageEvent(actor, e) && EDITABLE.includes(e.status);
}

/** The host (or the ministry) writes the feedback once the event is in the pool and its first shift has begun. */
export function canGiveFeedback(actor: Actor, e: PooledEventEntity, firstShiftStart: Date | null, now: number): boolean {
  return canManageEvent(actor, e) && e.status === PoolEventStatus.APPROVED && firstShiftStart !== null && firstShiftStart.getTime() <= now;
}

/** A coordinator of the area may put apprentices on a shift of the pool that has not begun (whom: see mayAssign). */
export function canAssignTo(actor: Actor, e: PooledEventEntity, startsAt: Date, now: number): boolean {
  const coordinator =
    canManageArea(actor, e.areaId) || (actor.role === Role.AGENCY_COORDINATOR && !!actor.agencyId && actor.areaId === e.areaId);
  return coordinator && e.status === PoolEventStatus.APPROVED && now < startsAt.getTime();
}

/** An agency assigns its own apprentices; the ministry those of its area. */
export function mayAssign(actor: Actor, u: { agency_id: string; area_id: string }): boolean {
  return canManageArea(actor, u.area_id) || agencyCoordinatorOf(actor, u.agency_id);
}

/** The ministry of the area, or one whose area it is (to read the area's pool). */
export function canReadPool(actor: Actor, areaId: string): boolean {
  return canManageArea(actor, areaId) || actor.areaId === areaId;
}
