import { ALL_ROLES, canInvite, PoolEventStatus, Role } from '@laerenett/shared-domain';
import type { Actor } from './request-context';

/**
 * Who may see and change what. Pure functions over the actor and the target's scope, so every
 * service asks the same questions the same way.
 */
export interface AgencyScope {
  id: string;
  areaId: string;
}

export const isAdmin = (a: Actor) => a.role === Role.ADMIN;

export function canReadArea(a: Actor, areaId: string): boolean {
  return isAdmin(a) || (a.role === Role.MINISTRY_COORDINATOR && a.areaId === areaId);
}
export const canManageArea = canReadArea;

/**
 * How an actor stands to an area's shared work (the action plan, the December summary): its
 * ministry coordinator and admins manage it, its agency coordinators read it, anyone else has
 * nothing to do with it (null).
 */
export function areaWork(a: Actor, areaId: string): 'manage' | 'read' | null {
  if (canManageArea(a, areaId)) return 'manage';
  if (a.role === Role.AGENCY_COORDINATOR && a.areaId === areaId) return 'read';
  return null;
}

/** The networks an audience reaches: a joint gathering (BOTH) belongs to both. */
export type NetworkAudience = 'STAFF' | 'APPRENTICE' | 'BOTH';

/**
 * Who runs a network's work (its gatherings, settings, mentor pairs): the area's ministry
 * coordinator (and admins) for both networks; a network lead for the network they lead, and for
 * joint gatherings of both. `leads` are the kinds of network of this area the actor leads.
 */
export function canRunNetwork(a: Actor, areaId: string, audience: NetworkAudience, leads: readonly string[]): boolean {
  if (canManageArea(a, areaId)) return true;
  if (a.areaId !== areaId) return false;
  return audience === 'BOTH' ? leads.length > 0 : leads.includes(audience);
}

export function canReadAgency(a: Actor, agency: AgencyScope): boolean {
  if (canReadArea(a, agency.areaId)) return true;
  return (a.role === Role.AGENCY_COORDINATOR || a.role === Role.APPRENTICE) && a.agencyId === agency.id;
}

export function canManageAgency(a: Actor, agency: AgencyScope): boolean {
  if (canManageArea(a, agency.areaId)) return true;
  return a.role === Role.AGENCY_COORDINATOR && a.agencyId === agency.id;
}

/** Who places a person in a network: the area's coordinator anyone in the area, an agency coordinator his own agency's people. */
export function canPlaceInNetwork(a: Actor, areaId: string, personAgencyId: string | null): boolean {
  return canManageArea(a, areaId) || (a.role === Role.AGENCY_COORDINATOR && !!a.agencyId && a.agencyId === personAgencyId);
}

/** A pooled event as the pool's rules see it: its area, the agency holding it, where it stands. */
export interface PoolEventScope {
  areaId: string;
  agencyId: string;
  status: PoolEventStatus;
}

/** An event can be changed (and sent in again) while it waits for review or after it was sent back. */
export const EDITABLE_POOL_EVENT = [PoolEventStatus.SUBMITTED, PoolEventStatus.RETURNED];

/** The ministry sees all of its area's events; the area sees those in the pool; an agency its own. */
export function canSeePoolEvent(a: Actor, e: PoolEventScope): boolean {
  if (canManageArea(a, e.areaId)) return true;
  if (a.areaId !== e.areaId) return false;
  return e.status === PoolEventStatus.APPROVED || canManageAgency(a, { id: e.agencyId, areaId: e.areaId });
}

/** The agency holding the event, or the ministry. */
export function canManagePoolEvent(a: Actor, e: PoolEventScope): boolean {
  return canManageAgency(a, { id: e.agencyId, areaId: e.areaId });
}

export function canEditPoolEvent(a: Actor, e: PoolEventScope): boolean {
  return canManagePoolEvent(a, e) && EDITABLE_POOL_EVENT.includes(e.status);
}

/** The host (or the ministry) writes the feedback once the event is in the pool and its first shift has begun. */
export function canGivePoolFeedback(a: Actor, e: PoolEventScope, firstShiftStart: Date | null, now: number): boolean {
  return canManagePoolEvent(a, e) && e.status === PoolEventStatus.APPROVED && firstShiftStart !== null && firstShiftStart.getTime() <= now;
}

/** A coordinator of the area may put apprentices on a shift of the pool that has not begun (whom: `canAssignToShift`). */
export function canAssignInPool(a: Actor, e: PoolEventScope, startsAt: Date, now: number): boolean {
  const coordinator = canManageArea(a, e.areaId) || (a.role === Role.AGENCY_COORDINATOR && !!a.agencyId && a.areaId === e.areaId);
  return coordinator && e.status === PoolEventStatus.APPROVED && now < startsAt.getTime();
}

/** An agency assigns its own apprentices; the ministry those of its area. */
export function canAssignToShift(a: Actor, person: { agencyId: string; areaId: string }): boolean {
  return canManageAgency(a, { id: person.agencyId, areaId: person.areaId });
}

/** The ministry of the area, or one whose area it is (to read the area's pool). */
export function canReadPool(a: Actor, areaId: string): boolean {
  return canManageArea(a, areaId) || a.areaId === areaId;
}

/** A help request (to the competence apprentices) as its rules see it. */
export interface HelpRequestScope {
  areaId: string;
  requesterUserId: string;
  takenByUserId: string | null;
  status: 'OPEN' | 'TAKEN' | 'CLOSED';
}

/** An open request is taken by one of its subject's competence apprentices (`covers`). */
export function canTakeHelpRequest(r: HelpRequestScope, covers: boolean): boolean {
  return covers && r.status === 'OPEN';
}

/** The apprentice who took the request, the one who asked, or the area's ministry closes it (once: see `status`). */
export function canCloseHelpRequest(a: Actor, r: Omit<HelpRequestScope, 'status'>): boolean {
  return r.takenByUserId === a.id || r.requesterUserId === a.id || canManageArea(a, r.areaId);
}

/** Lists of apprentices (names, contracts): the agency's coordinators and the area's coordinators. */
export function canListApprentices(a: Actor, agency: AgencyScope): boolean {
  return canManageAgency(a, agency);
}

/** Contact details of an apprentice: their own agency's coordinators, admins, and the apprentice. */
export function canSeeApprenticeContact(a: Actor, apprentice: { agencyId: string; userId: string | null }): boolean {
  if (isAdmin(a)) return true;
  if (a.role === Role.AGENCY_COORDINATOR && a.agencyId === apprentice.agencyId) return true;
  return a.role === Role.APPRENTICE && apprentice.userId === a.id;
}

/**
 * Keeping an apprentice (the contract's details, talks, interruptions, the trade test, warnings,
 * import): the coordinators of the apprentice's own agency (professional leaders and instructors
 * are among them) and admins. The ministry sees aggregates only (`canSeeApprenticeshipFigures`).
 */
export function canKeepApprenticeships(a: Actor, agencyId: string): boolean {
  return isAdmin(a) || (a.role === Role.AGENCY_COORDINATOR && a.agencyId === agencyId);
}

/** One apprentice's apprenticeship: those who keep it, and the apprentice themselves. */
export function canSeeApprenticeship(a: Actor, apprentice: { agencyId: string; userId: string | null }): boolean {
  return canKeepApprenticeships(a, apprentice.agencyId) || (a.role === Role.APPRENTICE && apprentice.userId === a.id);
}

/** The apprenticeship figures of an area's agencies (counts only, no names): its ministry coordinator and admins. */
export const canSeeApprenticeshipFigures = canReadArea;

/** What the portal may offer for apprenticeships, from the rules above. */
export function apprenticeshipCapabilitiesOf(a: Actor): {
  keepApprenticeships: boolean;
  apprenticeshipFigures: boolean;
  ownApprenticeship: boolean;
} {
  return {
    keepApprenticeships: !!a.agencyId && canKeepApprenticeships(a, a.agencyId),
    apprenticeshipFigures: isAdmin(a) || (!!a.areaId && canSeeApprenticeshipFigures(a, a.areaId)),
    ownApprenticeship: a.role === Role.APPRENTICE && !!a.agencyId,
  };
}

/** Who a follow-up case is about and who answers for that apprentice (professional leader, instructors). */
export interface FollowUpScope {
  agencyId: string;
  apprenticeUserId: string | null;
  responsibleIds: readonly string[];
}

/**
 * Keeping a follow-up case (opening it, documenting its steps, reading the staff's internal
 * notes): the coordinators of the apprentice's agency and the apprentice's professional leader
 * and instructors. Nobody at the ministry and no admin: the most sensitive data in Lærenett stays
 * in the agency.
 */
export function canKeepFollowUp(a: Actor, c: FollowUpScope): boolean {
  if (a.role === Role.APPRENTICE || !a.agencyId || a.agencyId !== c.agencyId) return false;
  return a.role === Role.AGENCY_COORDINATOR || c.responsibleIds.includes(a.id);
}

/** Seeing a follow-up case: those who keep it, and the apprentice it is about (without the internal notes). */
export function canSeeFollowUp(a: Actor, c: FollowUpScope): boolean {
  return canKeepFollowUp(a, c) || (a.role === Role.APPRENTICE && !!c.apprenticeUserId && c.apprenticeUserId === a.id);
}

/** An agency's follow-up work as a whole (its list of cases, the read log, the retention setting): its coordinators. */
export function canKeepAgencyFollowUp(a: Actor, agencyId: string): boolean {
  return a.role === Role.AGENCY_COORDINATOR && a.agencyId === agencyId;
}

/** The follow-up counts of an area (no names, small counts suppressed): its ministry coordinator and admins. */
export const canSeeFollowUpFigures = canReadArea;

/** What the portal may offer for follow-up cases, from the rules above. */
export function followUpCapabilitiesOf(a: Actor): { keepFollowUp: boolean; ownFollowUp: boolean; followUpFigures: boolean } {
  return {
    keepFollowUp: !!a.agencyId && canKeepAgencyFollowUp(a, a.agencyId),
    ownFollowUp: a.role === Role.APPRENTICE && !!a.agencyId,
    followUpFigures: isAdmin(a) || (!!a.areaId && canSeeFollowUpFigures(a, a.areaId)),
  };
}

/**
 * What a user may do in the portal, from the same rules the services apply, so that the portal
 * shows only the controls that will work. `leads` are the kinds of network of the user's area
 * they lead.
 */
export interface Capabilities {
  areaDashboard: boolean;
  readActionPlan: boolean;
  manageActionPlan: boolean;
  compileSummary: boolean;
  writeAgencyReport: boolean;
  manageOwnAgency: boolean;
  planGatherings: boolean;
  runNetworks: string[];
  manageNetworkLeads: boolean;
  registerEvents: boolean;
  reviewEvents: boolean;
  approveSignups: boolean;
  signUpForShifts: boolean;
  askCompetenceHelp: boolean;
  inviteRoles: Role[];
}

export function capabilitiesOf(a: Actor, leads: readonly string[]): Capabilities {
  const ministry = isAdmin(a) || (a.role === Role.MINISTRY_COORDINATOR && !!a.areaId);
  const agency = a.role === Role.AGENCY_COORDINATOR && !!a.agencyId;
  const inArea = (kind: string) => ministry || leads.includes(kind);
  const runNetworks = ['STAFF', 'APPRENTICE'].filter(inArea);
  return {
    areaDashboard: ministry,
    readActionPlan: ministry || agency,
    manageActionPlan: ministry,
    compileSummary: ministry,
    writeAgencyReport: agency,
    manageOwnAgency: agency,
    planGatherings: runNetworks.length > 0,
    runNetworks,
    manageNetworkLeads: ministry,
    registerEvents: ministry || agency,
    reviewEvents: ministry,
    approveSignups: agency,
    signUpForShifts: a.role === Role.APPRENTICE && !!a.agencyId,
    askCompetenceHelp: ministry || (a.role === Role.AGENCY_COORDINATOR && !!a.areaId),
    inviteRoles: ALL_ROLES.filter((r) => canInvite(a.role, r)),
  };
}
