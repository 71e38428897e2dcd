import { Role } from '@laerenett/shared-domain';
import { canKeepFollowUp, canSeeFollowUp, capabilitiesOf, followUpCapabilitiesOf } from '../access-policy';
import type { Actor } from '../request-context';

const actor = (role: Role, scope: Partial<Actor> = {}): Actor => ({
  id: 'u1',
  email: 'x@example.no',
  name: 'X',
  role,
  areaId: 'a1',
  agencyId: null,
  language: 'nb',
  ...scope,
});

describe('what a user may do (capabilities)', () => {
  it('gives the ministry coordinator the area’s work and both networks', () => {
    const c = capabilitiesOf(actor(Role.MINISTRY_COORDINATOR), []);
    expect(c).toMatchObject({
      areaDashboard: true,
      manageActionPlan: true,
      compileSummary: true,
      writeAgencyReport: false,
      planGatherings: true,
      runNetworks: ['STAFF', 'APPRENTICE'],
      reviewEvents: true,
      approveSignups: false,
      signUpForShifts: false,
    });
    expect(c.inviteRoles).not.toContain(Role.ADMIN);
  });

  it('gives an agency coordinator his agency, the plan to read, and no dashboard', () => {
    const c = capabilitiesOf(actor(Role.AGENCY_COORDINATOR, { agencyId: 'g1' }), []);
    expect(c).toMatchObject({
      areaDashboard: false,
      readActionPlan: true,
      manageActionPlan: false,
      compileSummary: false,
      writeAgencyReport: true,
      manageOwnAgency: true,
      planGatherings: false,
      runNetworks: [],
      registerEvents: true,
      approveSignups: true,
    });
    expect(c.inviteRoles).toEqual([Role.AGENCY_COORDINATOR, Role.APPRENTICE]);
  });

  it('lets a network lead run only the network they lead', () => {
    const lead = capabilitiesOf(actor(Role.APPRENTICE, { agencyId: 'g1' }), ['APPRENTICE']);
    expect(lead).toMatchObject({
      planGatherings: true,
      runNetworks: ['APPRENTICE'],
      signUpForShifts: true,
      readActionPlan: false,
      registerEvents: false,
      inviteRoles: [],
    });
    expect(capabilitiesOf(actor(Role.APPRENTICE, { agencyId: 'g1' }), [])).toMatchObject({ planGatherings: false, runNetworks: [] });
  });
});

describe('who sees a follow-up case', () => {
  const scope = { agencyId: 'g1', apprenticeUserId: 'emma', responsibleIds: ['leader'] };
  const coordinator = actor(Role.AGENCY_COORDINATOR, { id: 'ola', agencyId: 'g1' });
  const leader = actor(Role.AGENCY_COORDINATOR, { id: 'leader', agencyId: 'g1' });
  const emma = actor(Role.APPRENTICE, { id: 'emma', agencyId: 'g1' });

  it('shows it to the apprentice, the professional leader and instructors and the agency’s coordinators', () => {
    for (const a of [coordinator, leader, emma]) expect(canSeeFollowUp(a, scope)).toBe(true);
    expect([coordinator, leader, emma].map((a) => canKeepFollowUp(a, scope))).toEqual([true, true, false]);
  });

  it('shows it to nobody else: another agency, another apprentice, the ministry, an admin', () => {
    const others = [
      actor(Role.AGENCY_COORDINATOR, { id: 'ingrid', agencyId: 'g2' }),
      actor(Role.AGENCY_COORDINATOR, { id: 'leader', agencyId: 'g2' }),
      actor(Role.APPRENTICE, { id: 'other', agencyId: 'g1' }),
      actor(Role.MINISTRY_COORDINATOR, { id: 'kari' }),
      actor(Role.ADMIN, { id: 'admin', areaId: null }),
    ];
    for (const a of others) expect({ who: a.id, sees: canSeeFollowUp(a, scope) }).toEqual({ who: a.id, sees: false });
  });

  it('offers the agency its cases, the apprentice their own, the ministry and admins the figures only', () => {
    expect(followUpCapabilitiesOf(coordinator)).toEqual({ keepFollowUp: true, ownFollowUp: false, followUpFigures: false });
    expect(followUpCapabilitiesOf(emma)).toEqual({ keepFollowUp: false, ownFollowUp: true, followUpFigures: false });
    expect(followUpCapabilitiesOf(actor(Role.MINISTRY_COORDINATOR))).toEqual({
      keepFollowUp: false,
      ownFollowUp: false,
      followUpFigures: true,
    });
    expect(followUpCapabilitiesOf(actor(Role.ADMIN, { areaId: null }))).toEqual({
      keepFollowUp: false,
      ownFollowUp: false,
      followUpFigures: true,
    });
  });
});
