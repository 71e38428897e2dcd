/** Who a user is in Lærenett. A user holds exactly one role, scoped as described. */
export enum Role {
  /** Runs the platform: every area, every agency. */
  ADMIN = 'ADMIN',
  /** HR coordinator of one ministry area (departementsområde). */
  MINISTRY_COORDINATOR = 'MINISTRY_COORDINATOR',
  /** Coordinator of one agency (virksomhet). */
  AGENCY_COORDINATOR = 'AGENCY_COORDINATOR',
  /** An apprentice (lærling) of one agency. */
  APPRENTICE = 'APPRENTICE',
}

export const ALL_ROLES: readonly Role[] = [Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR, Role.APPRENTICE];

/** Which roles a given role may invite. */
export function canInvite(inviter: Role, invitee: Role): boolean {
  switch (inviter) {
    case Role.ADMIN:
      return true;
    case Role.MINISTRY_COORDINATOR:
      return invitee !== Role.ADMIN;
    case Role.AGENCY_COORDINATOR:
      return invitee === Role.AGENCY_COORDINATOR || invitee === Role.APPRENTICE;
    default:
      return false;
  }
}

export type Language = 'nb' | 'en';
export const LANGUAGES: readonly Language[] = ['nb', 'en'];
