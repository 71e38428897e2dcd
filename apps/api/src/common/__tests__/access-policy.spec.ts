import { Role } from '@laerenett/shared-domain';
import { capabilitiesOf } from '../access-policy';
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
