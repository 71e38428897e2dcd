/**
 * Every query and mutation, called by every role: who is let through and who is refused.
 * "ok" means data came back; otherwise the stable error code the caller gets.
 */
import { completeOrgNumber } from '@laerenett/shared-domain';
import { Client, code, ids, Stack, startStack, UserKey, USERS } from './harness';
import { addApprenticeUsers } from './gathering-helpers';
import { SummaryCompilationsService } from '../src/modules/annual-summary/summary-compilations.service';
import { SummaryCompilerService } from '../src/modules/annual-summary/summary-compiler.service';
import { CompilationTrigger } from '../src/modules/annual-summary/entities/summary-compilation.entity';

type Ids = Awaited<ReturnType<typeof ids>> & {
  planned: string[];
  published: string;
  seriesId: string;
  staffNetwork: string;
  users: Record<string, string>;
  action: string;
  pairs: string[];
  freshApprentices: string[];
  plan: { id: string; measures: string[]; milestones: string[]; criteria: string[]; manualCriterion: string; meetings: string[] };
  pool: {
    event: string;
    shift: string;
    assignShift: string;
    submitted: string[];
    editable: string;
    cancellable: string[];
    digdirApprentices: string[];
    pending: string[];
    emmaSignups: string[];
    attended: string;
    /** An event in the pool whose shift has begun: it can be given feedback. */
    held: string;
    emma: string;
    subject: string;
    toTake: string[];
    toClose: string[];
  };
  summary: { compilation: string; version: string };
};
const take = (pool: string[], n: number) => pool[n % pool.length];
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_TOKEN';
interface Op {
  name: string;
  query: string;
  vars: (i: Ids, n: number) => Record<string, unknown>;
  expect: Record<UserKey, Outcome>;
}

let seq = 0;
const uniqueOrg = () => completeOrgNumber(String(80_000_000 + seq++ * 13)) ?? completeOrgNumber(String(80_000_000 + seq++ * 13))!;
const all = (o: Outcome): Record<UserKey, Outcome> => ({
  anonymous: o,
  admin: o,
  ministry: o,
  otherMinistry: o,
  digdir: o,
  statsbygg: o,
  apprentice: o,
});

const HOUR = 3_600_000;
const osloDay = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(d);
/** A valid event, its single shift some weeks ahead. */
function poolEventInput(title: string, agencyId: string, daysAhead = 30, places = 50) {
  const start = new Date(Date.now() + daysAhead * 24 * HOUR);
  start.setUTCHours(9, 0, 0, 0);
  return {
    agencyId,
    title,
    kind: 'EVENT',
    place: 'Oslo',
    startsOn: osloDay(start),
    endsOn: osloDay(start),
    description: '',
    signupDeadline: new Date(start.getTime() - 2 * 24 * HOUR).toISOString(),
    shifts: [
      {
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
        tasks: 'Vertskap',
        places,
        tradeIds: [],
        competenceGoals: '',
      },
    ],
  };
}

// Ola Hansen (digdir) leads KDD's apprentice network in the demo data: as its lead he plans its
// gatherings (and joint ones) and pairs apprentice mentors, though he is an agency coordinator;
// the staff network's work is not his (see also the leads' table at the end).
const OPS: Op[] = [
  { name: 'me', query: `{ me { id } }`, vars: () => ({}), expect: all('ok') },
  { name: 'trades', query: `{ trades { id } }`, vars: () => ({}), expect: { ...all('ok'), anonymous: 'UNAUTHENTICATED' } },
  {
    name: 'trainingOffices',
    query: `{ trainingOffices { id } }`,
    vars: () => ({}),
    expect: { ...all('ok'), anonymous: 'UNAUTHENTICATED' },
  },
  { name: 'minimumRules', query: `{ minimumRules { year } }`, vars: () => ({}), expect: { ...all('ok'), anonymous: 'UNAUTHENTICATED' } },
  { name: 'ministryAreas', query: `{ ministryAreas { id } }`, vars: () => ({}), expect: { ...all('ok'), anonymous: 'UNAUTHENTICATED' } },
  {
    name: 'dashboard (KDD)',
    query: `query($a: ID) { dashboard(areaId: $a) { totals { apprenticesNow } } }`,
    vars: (i) => ({ a: i.kdd }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'FORBIDDEN',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'agencies (KDD)',
    query: `query($a: ID) { agencies(areaId: $a) { id } }`,
    vars: (i) => ({ a: i.kdd }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'ok',
      apprentice: 'ok',
    },
  },
  {
    name: 'agency (Digdir)',
    query: `query($id: ID!) { agency(id: $id) { id name } }`,
    vars: (i) => ({ id: i.digdir }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'NOT_FOUND',
      apprentice: 'ok',
    },
  },
  {
    name: 'apprentices (Digdir)',
    query: `query($id: ID!) { apprentices(agencyId: $id) { id } }`,
    vars: (i) => ({ id: i.digdir }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'NOT_FOUND',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'agency.apprentices (Digdir)',
    query: `query($id: ID!) { agency(id: $id) { apprentices { id } } }`,
    vars: (i) => ({ id: i.digdir }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'NOT_FOUND',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'targets (Digdir)',
    query: `query($id: ID!) { targets(agencyId: $id) { year total } }`,
    vars: (i) => ({ id: i.digdir }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'NOT_FOUND',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'invitations',
    query: `{ invitations { id } }`,
    vars: () => ({}),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'ok',
      digdir: 'ok',
      statsbygg: 'ok',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'setTarget (Digdir)',
    query: `mutation($i: SetTargetInput!) { setTarget(input: $i) { id } }`,
    vars: (i) => ({ i: { agencyId: i.digdir, year: 2030, total: 12, note: 'access test' } }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'NOT_FOUND',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'updateAgency employees (Digdir)',
    query: `mutation($id: ID!, $i: UpdateAgencyInput!) { updateAgency(id: $id, input: $i) { id } }`,
    vars: (i) => ({ id: i.digdir, i: { employees: 1050 } }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'NOT_FOUND',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'createAgency (KDD)',
    query: `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }`,
    vars: (i, n) => ({ i: { areaId: i.kdd, name: `Testetat ${n}`, orgNumber: uniqueOrg(), employees: 10 } }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'FORBIDDEN',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'createApprentice (Digdir)',
    query: `mutation($i: CreateApprenticeInput!) { createApprentice(input: $i) { id } }`,
    vars: (i, n) => ({
      i: {
        agencyId: i.digdir,
        tradeId: i.kontor,
        name: `Test Lærling ${n}`,
        email: `t${n}@example.no`,
        contractStart: '2030-08-15',
        contractEnd: '2032-08-14',
      },
    }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'NOT_FOUND',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'updateApprentice (Statsbygg)',
    query: `mutation($id: ID!, $i: UpdateApprenticeInput!) { updateApprentice(id: $id, input: $i) { id } }`,
    vars: (i) => ({ id: i.statsbyggApprentice, i: { name: 'Endret Navn' } }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'NOT_FOUND',
      statsbygg: 'ok',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'inviteUser (apprentice at Digdir)',
    query: `mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }`,
    vars: (i, n) => ({ i: { email: `invitee${n}@digdir.no`, name: 'Invitert', role: 'APPRENTICE', agencyId: i.digdir, language: 'nb' } }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'NOT_FOUND',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'inviteUser (ministry coordinator for KDD)',
    query: `mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }`,
    vars: (i, n) => ({
      i: { email: `coord${n}@kdd.dep.no`, name: 'Koordinator', role: 'MINISTRY_COORDINATOR', areaId: i.kdd, language: 'en' },
    }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'FORBIDDEN',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'networks (KDD)',
    query: `query($a: ID) { networks(areaId: $a) { id } }`,
    vars: (i) => ({ a: i.kdd }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'ok',
      apprentice: 'ok',
    },
  },
  {
    name: 'gatherings (KDD)',
    query: `query($a: ID) { gatherings(areaId: $a) { id } }`,
    vars: (i) => ({ a: i.kdd }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'ok',
      apprentice: 'ok',
    },
  },
  {
    name: 'gathering (published, for apprentices)',
    query: `query($id: ID!) { gathering(id: $id) { id counts { yes } } }`,
    vars: (i) => ({ id: i.published }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'ok',
      apprentice: 'ok',
    },
  },
  {
    name: 'gathering.rsvps (published)',
    query: `query($id: ID!) { gathering(id: $id) { rsvps { name } } }`,
    vars: (i) => ({ id: i.published }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'gatheringCriteria (KDD)',
    query: `query($a: ID) { gatheringCriteria(areaId: $a) { key met } }`,
    vars: (i) => ({ a: i.kdd }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'ok',
      apprentice: 'ok',
    },
  },
  {
    name: 'setNetworkSettings (staff network)',
    query: `mutation($i: NetworkSettingsInput!) { setNetworkSettings(input: $i) { id } }`,
    vars: (i) => ({ i: { networkId: i.staffNetwork, reminderDays: 3 } }),
    // Ola leads the apprentice network, not the staff network.
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'FORBIDDEN',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'createGatheringSeries (KDD)',
    query: `mutation($i: CreateGatheringSeriesInput!) { createGatheringSeries(input: $i) { id } }`,
    vars: (i) => ({
      i: {
        areaId: i.kdd,
        audience: 'STAFF',
        title: 'Samling',
        rrule: 'FREQ=MONTHLY;BYDAY=-1WE',
        firstDate: '2030-01-01',
        startTime: '09:00',
        endTime: '11:00',
        horizonMonths: 2,
      },
    }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'FORBIDDEN',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'createGatheringSchedule (KDD)',
    query: `mutation($i: CreateGatheringSeriesInput!) { createGatheringSchedule(input: $i) { series { id } } }`,
    vars: (i) => ({
      i: {
        areaId: i.kdd,
        audience: 'STAFF',
        title: 'Samling',
        rrule: 'FREQ=MONTHLY;BYDAY=-1TH',
        firstDate: '2030-01-01',
        startTime: '09:00',
        endTime: '11:00',
        horizonMonths: 2,
        holidayRule: 'SKIP',
      },
    }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'FORBIDDEN',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    // Saves nothing and reads no one's data: any signed-in user may see what a rule would give.
    name: 'gatheringSchedulePreview',
    query: `query($i: GatheringScheduleInput!) { gatheringSchedulePreview(input: $i) { date outcome } }`,
    vars: () => ({
      i: { rrule: 'FREQ=MONTHLY;BYDAY=-1TH', firstDate: '2030-01-01', startTime: '09:00', endTime: '11:00', horizonMonths: 3 },
    }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'ok',
      digdir: 'ok',
      statsbygg: 'ok',
      apprentice: 'ok',
    },
  },
  {
    name: 'gatheringCancelReach (published, for apprentices)',
    query: `query($id: ID!) { gatheringCancelReach(id: $id) }`,
    vars: (i) => ({ id: i.published }),
    // Ola leads the apprentice network; Emma may see the gathering but does not plan it.
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'setGatheringSeriesPaused',
    query: `mutation($id: ID!) { setGatheringSeriesPaused(seriesId: $id, paused: false) }`,
    vars: (i) => ({ id: i.seriesId }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'updateGathering (planned)',
    query: `mutation($id: ID!, $i: UpdateGatheringInput!) { updateGathering(id: $id, input: $i) { id } }`,
    vars: (i, n) => ({ id: take(i.planned, n), i: { theme: 'Tema' } }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'publishGathering (planned)',
    query: `mutation($id: ID!) { publishGathering(id: $id) { id } }`,
    vars: (i, n) => ({ id: take(i.planned, n) }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'cancelGathering (planned)',
    query: `mutation($id: ID!) { cancelGathering(id: $id) { id } }`,
    vars: (i, n) => ({ id: take(i.planned, n) }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'answerGathering (published, for apprentices)',
    query: `mutation($id: ID!, $i: AnswerInput!) { answerGathering(gatheringId: $id, input: $i) { state } }`,
    vars: (i) => ({ id: i.published, i: { answer: 'YES' } }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'FORBIDDEN',
      ministry: 'FORBIDDEN',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'FORBIDDEN',
      apprentice: 'ok',
    },
  },
  {
    name: 'checkIn (Emma at the published gathering)',
    query: `mutation($id: ID!, $u: ID!) { checkIn(gatheringId: $id, userId: $u) { name } }`,
    vars: (i) => ({ id: i.published, u: i.users['emma.larsen@digdir.no'] }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'addNetworkMember (Ola to the staff network)',
    query: `mutation($i: NetworkPersonInput!) { addNetworkMember(input: $i) { id } }`,
    vars: (i) => ({ i: { networkId: i.staffNetwork, userId: i.users['ola.hansen@digdir.no'] } }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'removeNetworkMember (Ola from the staff network)',
    query: `mutation($i: NetworkPersonInput!) { removeNetworkMember(input: $i) { id } }`,
    vars: (i) => ({ i: { networkId: i.staffNetwork, userId: i.users['ola.hansen@digdir.no'] } }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'appointNetworkLead (Kari, staff network)',
    query: `mutation($i: NetworkPersonInput!) { appointNetworkLead(input: $i) { id } }`,
    vars: (i) => ({ i: { networkId: i.staffNetwork, userId: i.users['kari.nordmann@kdd.dep.no'] } }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'FORBIDDEN',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'removeNetworkLead (Emma, staff network)',
    query: `mutation($i: NetworkPersonInput!) { removeNetworkLead(input: $i) { id } }`,
    vars: (i) => ({ i: { networkId: i.staffNetwork, userId: i.users['emma.larsen@digdir.no'] } }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'FORBIDDEN',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'gatheringSeries (KDD)',
    query: `query($a: ID) { gatheringSeries(areaId: $a) { id } }`,
    vars: (i) => ({ a: i.kdd }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'ok',
      apprentice: 'ok',
    },
  },
  {
    name: 'networkCandidates',
    query: `{ networkCandidates { userId } }`,
    vars: () => ({}),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'ok',
      digdir: 'ok',
      statsbygg: 'ok',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'calendarFeed',
    query: `{ calendarFeed { createdAt } }`,
    vars: () => ({}),
    expect: { ...all('ok'), anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'createCalendarFeed',
    query: `mutation { createCalendarFeed { url } }`,
    vars: () => ({}),
    expect: { ...all('ok'), anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'revokeCalendarFeed',
    query: `mutation { revokeCalendarFeed }`,
    vars: () => ({}),
    expect: { ...all('ok'), anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'checkInWithCode (a forged code)',
    query: `mutation($c: String!) { checkInWithCode(code: $c) { state } }`,
    vars: (i) => ({ c: `checkin.${i.published}.forged` }),
    expect: { ...all('INVALID_TOKEN'), anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'addGatheringAction (planned)',
    query: `mutation($i: GatheringActionInput!) { addGatheringAction(input: $i) { id } }`,
    vars: (i, n) => ({ i: { gatheringId: take(i.planned, n), text: 'Oppfølging' } }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'setGatheringActionDone',
    query: `mutation($id: ID!) { setGatheringActionDone(id: $id, done: true) { done } }`,
    vars: (i) => ({ id: i.action }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'mentorPairs (KDD)',
    query: `query($a: ID) { mentorPairs(areaId: $a) { id } }`,
    vars: (i) => ({ a: i.kdd }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'ok',
      apprentice: 'ok',
    },
  },
  {
    name: 'pairMentor (two apprentices)',
    query: `mutation($i: PairMentorInput!) { pairMentor(input: $i) { id } }`,
    vars: (i, n) => ({
      i: { kind: 'APPRENTICE', mentorUserId: i.users['emma.larsen@digdir.no'], menteeUserId: take(i.freshApprentices, n) },
    }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'removeMentorPair',
    query: `mutation($id: ID!) { removeMentorPair(id: $id) }`,
    vars: (i, n) => ({ id: take(i.pairs, n) }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'ok',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'sendNetworkInvitations (KDD)',
    query: `mutation($a: ID) { sendNetworkInvitations(areaId: $a) { queued } }`,
    vars: (i) => ({ a: i.kdd }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'FORBIDDEN',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  },
  {
    name: 'createMinistryArea',
    query: `mutation($i: CreateMinistryAreaInput!) { createMinistryArea(input: $i) { id } }`,
    vars: (_, n) => ({ i: { code: `T${n}`, name: `Testområde ${n}` } }),
    expect: { ...all('FORBIDDEN'), anonymous: 'UNAUTHENTICATED', admin: 'ok' },
  },
  {
    name: 'createTrade',
    query: `mutation($i: CreateTradeInput!) { createTrade(input: $i) { id } }`,
    vars: (_, n) => ({ i: { code: `test-fag-${n}`, nameNb: 'Testfag', nameEn: 'Test trade' } }),
    expect: { ...all('FORBIDDEN'), anonymous: 'UNAUTHENTICATED', admin: 'ok' },
  },
  {
    name: 'setMinimumRule',
    query: `mutation($i: SetMinimumRuleInput!) { setMinimumRule(input: $i) { year } }`,
    vars: () => ({ i: { year: 2031, threshold: 75, source: 'test' } }),
    expect: { ...all('FORBIDDEN'), anonymous: 'UNAUTHENTICATED', admin: 'ok' },
  },

  // Action plans: the area's ministry coordinator (and admins) change them; the area's agencies read them.
  ...(['actionPlan(areaId: $a) { id }', 'actionPlanYears(areaId: $a)', 'planOwnerCandidates(areaId: $a) { id }'] as const).map(
    (sel): Op => ({
      name: sel.split('(')[0],
      query: `query($a: ID) { ${sel} }`,
      vars: (i) => ({ a: i.kdd }),
      expect: {
        anonymous: 'UNAUTHENTICATED',
        admin: 'ok',
        ministry: 'ok',
        otherMinistry: 'NOT_FOUND',
        digdir: 'ok',
        statsbygg: 'ok',
        apprentice: 'FORBIDDEN',
      },
    }),
  ),
  ...(
    [
      [
        'createActionPlan',
        `mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { id } }`,
        (i: Ids, n: number) => ({ i: { areaId: i.kdd, year: 2031 + (n % 60), source: 'TEMPLATE' } }),
      ],
      [
        'updateActionPlan',
        `mutation($i: UpdateActionPlanInput!) { updateActionPlan(input: $i) { id } }`,
        (i: Ids) => ({ i: { planId: i.plan.id, subGoals: ['Flere virksomheter med lærling'] } }),
      ],
      [
        'addPlanMeasure',
        `mutation($i: AddMeasureInput!) { addPlanMeasure(input: $i) { id } }`,
        (i: Ids) => ({ i: { planId: i.plan.id, title: 'Nytt tiltak' } }),
      ],
      [
        'updatePlanMeasure',
        `mutation($i: UpdateMeasureInput!) { updatePlanMeasure(input: $i) { id } }`,
        (i: Ids) => ({ i: { measureId: i.plan.measures[0], status: 'IN_PROGRESS' } }),
      ],
      [
        'addPlanMilestone',
        `mutation($i: AddMilestoneInput!) { addPlanMilestone(input: $i) { id } }`,
        (i: Ids) => ({ i: { measureId: i.plan.measures[0], title: 'Ny milepæl', dueDate: '2025-10-01' } }),
      ],
      [
        'updatePlanMilestone',
        `mutation($i: UpdateMilestoneInput!) { updatePlanMilestone(input: $i) { id } }`,
        (i: Ids) => ({ i: { milestoneId: i.plan.milestones[0], done: true } }),
      ],
      [
        'addPlanCriterion',
        `mutation($i: AddCriterionInput!) { addPlanCriterion(input: $i) { id } }`,
        (i: Ids) => ({ i: { measureId: i.plan.measures[0], kind: 'MANUAL', label: 'Nytt kriterium' } }),
      ],
      [
        'checkPlanCriterion',
        `mutation($i: CheckCriterionInput!) { checkPlanCriterion(input: $i) { id } }`,
        (i: Ids) => ({ i: { criterionId: i.plan.manualCriterion, checked: true, comment: 'OK' } }),
      ],
      [
        'recordBilateralMeeting',
        `mutation($i: RecordBilateralMeetingInput!) { recordBilateralMeeting(input: $i) { id } }`,
        (i: Ids) => ({ i: { planId: i.plan.id, agencyId: i.digdir, heldOn: '2025-05-05' } }),
      ],
      [
        'deleteBilateralMeeting',
        `mutation($id: ID!) { deleteBilateralMeeting(meetingId: $id) { id } }`,
        (i: Ids, n: number) => ({ id: take(i.plan.meetings, n) }),
      ],
      [
        'deletePlanCriterion',
        `mutation($id: ID!) { deletePlanCriterion(criterionId: $id) { id } }`,
        (i: Ids, n: number) => ({ id: take(i.plan.criteria, n) }),
      ],
      [
        'deletePlanMilestone',
        `mutation($id: ID!) { deletePlanMilestone(milestoneId: $id) { id } }`,
        (i: Ids, n: number) => ({ id: take(i.plan.milestones.slice(1), n) }),
      ],
      [
        'deletePlanMeasure',
        `mutation($id: ID!) { deletePlanMeasure(measureId: $id) { id } }`,
        (i: Ids, n: number) => ({ id: take(i.plan.measures.slice(1), n) }),
      ],
    ] as const
  ).map(([name, query, vars]): Op => ({
    name,
    query,
    vars,
    expect: {
      anonymous: 'UNAUTHENTICATED',
      admin: 'ok',
      ministry: 'ok',
      otherMinistry: 'NOT_FOUND',
      digdir: 'FORBIDDEN',
      statsbygg: 'FORBIDDEN',
      apprentice: 'FORBIDDEN',
    },
  })),

  // Pooling: events, sign-ups, approvals, staffing and competence apprentices.
  ...(
    [
      [
        'poolEvents',
        `query($a: ID) { poolEvents(areaId: $a) { id } }`,
        (i: Ids) => ({ a: i.kdd }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'ok', apprentice: 'ok' },
      ],
      [
        'poolEvent',
        `query($id: ID!) { poolEvent(id: $id) { id } }`,
        (i: Ids) => ({ id: i.pool.event }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'ok', apprentice: 'ok' },
      ],
      [
        'poolEventSignups',
        `query($id: ID!) { poolEventSignups(eventId: $id) { id } }`,
        (i: Ids) => ({ id: i.pool.event }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'ok', apprentice: 'ok' },
      ],
      [
        'mySignups',
        `{ mySignups { id } }`,
        () => ({}),
        {
          admin: 'FORBIDDEN',
          ministry: 'FORBIDDEN',
          otherMinistry: 'FORBIDDEN',
          digdir: 'FORBIDDEN',
          statsbygg: 'FORBIDDEN',
          apprentice: 'ok',
        },
      ],
      [
        'myPoolHelper',
        `{ myPoolHelper { offering } }`,
        () => ({}),
        {
          admin: 'FORBIDDEN',
          ministry: 'FORBIDDEN',
          otherMinistry: 'FORBIDDEN',
          digdir: 'FORBIDDEN',
          statsbygg: 'FORBIDDEN',
          apprentice: 'ok',
        },
      ],
      [
        'pendingSignupApprovals',
        `{ pendingSignupApprovals { id } }`,
        () => ({}),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'ok', digdir: 'ok', statsbygg: 'ok', apprentice: 'FORBIDDEN' },
      ],
      [
        'poolRecord',
        `query($u: ID) { poolRecord(userId: $u) { totalHours } }`,
        (i: Ids) => ({ u: i.pool.emma }),
        { admin: 'ok', ministry: 'NOT_FOUND', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'NOT_FOUND', apprentice: 'ok' },
      ],
      [
        'staffingProposal',
        `query($a: ID) { staffingProposal(areaId: $a) { filled } }`,
        (i: Ids) => ({ a: i.kdd }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'FORBIDDEN', statsbygg: 'FORBIDDEN', apprentice: 'FORBIDDEN' },
      ],
      [
        'poolAssignees',
        `query($a: ID) { poolAssignees(areaId: $a) { userId } }`,
        (i: Ids) => ({ a: i.kdd }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'ok', apprentice: 'FORBIDDEN' },
      ],
      [
        'competenceSubjects',
        `query($a: ID) { competenceSubjects(areaId: $a) { id } }`,
        (i: Ids) => ({ a: i.kdd }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'ok', apprentice: 'ok' },
      ],
      [
        'helpRequests',
        `query($a: ID) { helpRequests(areaId: $a) { id } }`,
        (i: Ids) => ({ a: i.kdd }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'ok', apprentice: 'ok' },
      ],
      [
        'registerPoolEvent',
        `mutation($i: PoolEventInput!) { registerPoolEvent(input: $i) { id } }`,
        (i: Ids, n: number) => ({ i: poolEventInput(`Tilgang ${n}`, i.digdir) }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'FORBIDDEN', apprentice: 'FORBIDDEN' },
      ],
      [
        'updatePoolEvent',
        `mutation($id: ID!, $i: PoolEventInput!) { updatePoolEvent(eventId: $id, input: $i) { id } }`,
        (i: Ids, n: number) => ({ id: i.pool.editable, i: poolEventInput(`Endret ${n}`, i.digdir) }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'NOT_FOUND', apprentice: 'FORBIDDEN' },
      ],
      [
        'reviewPoolEvent',
        `mutation($i: ReviewPoolEventInput!) { reviewPoolEvent(input: $i) { id } }`,
        (i: Ids, n: number) => ({ i: { eventId: take(i.pool.submitted, n), approve: true } }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'FORBIDDEN', statsbygg: 'FORBIDDEN', apprentice: 'FORBIDDEN' },
      ],
      [
        'setPoolEventFeedback',
        `mutation($i: EventFeedbackInput!) { setPoolEventFeedback(input: $i) { id } }`,
        (i: Ids) => ({ i: { eventId: i.pool.held, feedback: 'Bra' } }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'FORBIDDEN', apprentice: 'FORBIDDEN' },
      ],
      [
        'signUpForShift',
        `mutation($s: ID!) { signUpForShift(shiftId: $s) { id } }`,
        (i: Ids) => ({ s: i.pool.shift }),
        {
          admin: 'FORBIDDEN',
          ministry: 'FORBIDDEN',
          otherMinistry: 'FORBIDDEN',
          digdir: 'FORBIDDEN',
          statsbygg: 'FORBIDDEN',
          apprentice: 'ok',
        },
      ],
      [
        'assignToShift',
        `mutation($i: AssignInput!) { assignToShift(input: $i) { id } }`,
        (i: Ids, n: number) => ({ i: { shiftId: i.pool.assignShift, userId: take(i.pool.digdirApprentices, n) } }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'NOT_FOUND', apprentice: 'FORBIDDEN' },
      ],
      [
        'decideSignup',
        `mutation($i: DecideSignupInput!) { decideSignup(input: $i) { id } }`,
        (i: Ids, n: number) => ({ i: { signupId: take(i.pool.pending, n), approve: true } }),
        { admin: 'ok', ministry: 'FORBIDDEN', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'NOT_FOUND', apprentice: 'FORBIDDEN' },
      ],
      [
        'withdrawSignup',
        `mutation($s: ID!) { withdrawSignup(signupId: $s) { id } }`,
        (i: Ids, n: number) => ({ s: take(i.pool.emmaSignups, n) }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'NOT_FOUND', apprentice: 'ok' },
      ],
      [
        'recordAttendance',
        `mutation($i: AttendanceInput!) { recordAttendance(input: $i) { id } }`,
        (i: Ids) => ({ i: { signupId: i.pool.attended, attendance: 'PRESENT' } }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'NOT_FOUND', apprentice: 'FORBIDDEN' },
      ],
      [
        'acceptStaffing',
        `mutation($i: AcceptStaffingInput!) { acceptStaffing(input: $i) { id } }`,
        (i: Ids, n: number) => ({ i: { assignments: [{ shiftId: i.pool.shift, userId: take(i.pool.digdirApprentices, n) }] } }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'FORBIDDEN', statsbygg: 'FORBIDDEN', apprentice: 'FORBIDDEN' },
      ],
      [
        'setPoolHelper',
        `mutation { setPoolHelper(input: { offering: true, maxHoursPerMonth: 12 }) { offering } }`,
        () => ({}),
        {
          admin: 'FORBIDDEN',
          ministry: 'FORBIDDEN',
          otherMinistry: 'FORBIDDEN',
          digdir: 'FORBIDDEN',
          statsbygg: 'FORBIDDEN',
          apprentice: 'ok',
        },
      ],
      [
        'createCompetenceSubject',
        `mutation($i: CompetenceSubjectInput!) { createCompetenceSubject(input: $i) { id } }`,
        (i: Ids, n: number) => ({ i: { areaId: i.kdd, name: `Fag ${n}` } }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'FORBIDDEN', statsbygg: 'FORBIDDEN', apprentice: 'FORBIDDEN' },
      ],
      [
        'setCompetenceApprentice',
        `mutation($i: CompetenceApprenticeInput!) { setCompetenceApprentice(input: $i) { id } }`,
        (i: Ids) => ({ i: { subjectId: i.pool.subject, userId: i.pool.emma, covers: true } }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'FORBIDDEN', apprentice: 'FORBIDDEN' },
      ],
      [
        'requestCompetenceHelp',
        `mutation($i: HelpRequestInput!) { requestCompetenceHelp(input: $i) { id } }`,
        (i: Ids) => ({ i: { subjectId: i.pool.subject, description: 'Trenger hjelp med deling' } }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'ok', apprentice: 'FORBIDDEN' },
      ],
      [
        'takeHelpRequest',
        `mutation($r: ID!) { takeHelpRequest(requestId: $r) { id } }`,
        (i: Ids, n: number) => ({ r: take(i.pool.toTake, n) }),
        {
          admin: 'FORBIDDEN',
          ministry: 'FORBIDDEN',
          otherMinistry: 'FORBIDDEN',
          digdir: 'FORBIDDEN',
          statsbygg: 'FORBIDDEN',
          apprentice: 'ok',
        },
      ],
      [
        'closeHelpRequest',
        `mutation($i: CloseHelpRequestInput!) { closeHelpRequest(input: $i) { id } }`,
        (i: Ids, n: number) => ({ i: { requestId: take(i.pool.toClose, n), note: 'Løst' } }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'FORBIDDEN', statsbygg: 'FORBIDDEN', apprentice: 'FORBIDDEN' },
      ],
      [
        'cancelPoolEvent',
        `mutation($id: ID!) { cancelPoolEvent(eventId: $id) { id } }`,
        (i: Ids, n: number) => ({ id: take(i.pool.cancellable, n) }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'FORBIDDEN', apprentice: 'FORBIDDEN' },
      ],
    ] as const
  ).map(([name, query, vars, expect]): Op => ({
    name,
    query,
    vars,
    expect: { anonymous: 'UNAUTHENTICATED', ...expect },
  })),

  // The December summary. Reports rotate through past years (each call its own year), so every
  // call finds a draft to submit or a submitted report to reopen; sending comes last.
  ...(
    [
      [
        'summaryCycle',
        `query($a: ID) { summaryCycle(areaId: $a, year: 2025) { opensOn } }`,
        (i: Ids) => ({ a: i.kdd }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'ok', apprentice: 'FORBIDDEN' },
      ],
      [
        'updateSummaryCycle',
        `mutation($i: UpdateSummaryCycleInput!) { updateSummaryCycle(input: $i) { opensOn } }`,
        (i: Ids) => ({
          i: {
            areaId: i.kdd,
            year: 2027,
            opensOn: '2027-11-29',
            agencyDeadline: '2027-12-06',
            compileFrom: '2027-12-06',
            compileTo: '2027-12-13',
            sendBy: '2027-12-14',
          },
        }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'FORBIDDEN', statsbygg: 'FORBIDDEN', apprentice: 'FORBIDDEN' },
      ],
      [
        'agencyReport',
        `query($a: ID) { agencyReport(agencyId: $a, year: 2025) { status } }`,
        (i: Ids) => ({ a: i.digdir }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'NOT_FOUND', apprentice: 'FORBIDDEN' },
      ],
      [
        'saveAgencyReport',
        `mutation($i: SaveAgencyReportInput!) { saveAgencyReport(input: $i) { status } }`,
        (i: Ids) => ({ i: { agencyId: i.digdir, year: 2025, yearInReview: 'Et år' } }),
        { admin: 'ok', ministry: 'FORBIDDEN', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'NOT_FOUND', apprentice: 'FORBIDDEN' },
      ],
      [
        'submitAgencyReport',
        `mutation($a: ID, $y: Int!) { submitAgencyReport(agencyId: $a, year: $y) { status } }`,
        (i: Ids, n: number) => ({ a: i.digdir, y: 2000 + (n % 24) }),
        { admin: 'ok', ministry: 'FORBIDDEN', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'NOT_FOUND', apprentice: 'FORBIDDEN' },
      ],
      [
        'reopenAgencyReport',
        `mutation($i: ReopenAgencyReportInput!) { reopenAgencyReport(input: $i) { status } }`,
        (i: Ids, n: number) => ({ i: { agencyId: i.statsbygg, year: 2000 + (n % 24), reason: 'Mangler tall' } }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'FORBIDDEN', statsbygg: 'FORBIDDEN', apprentice: 'FORBIDDEN' },
      ],
      [
        'summaryStatusBoard',
        `query($a: ID) { summaryStatusBoard(areaId: $a, year: 2025) { year } }`,
        (i: Ids) => ({ a: i.kdd }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'FORBIDDEN', statsbygg: 'FORBIDDEN', apprentice: 'FORBIDDEN' },
      ],
      [
        'compileSummary',
        `mutation($a: ID) { compileSummary(areaId: $a, year: 2025) { id } }`,
        (i: Ids) => ({ a: i.kdd }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'FORBIDDEN', statsbygg: 'FORBIDDEN', apprentice: 'FORBIDDEN' },
      ],
      [
        'summaryCompilation',
        `query($id: ID!) { summaryCompilation(id: $id) { status } }`,
        (i: Ids) => ({ id: i.summary.compilation }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'FORBIDDEN', statsbygg: 'FORBIDDEN', apprentice: 'FORBIDDEN' },
      ],
      [
        'latestSummaryCompilation',
        `query($a: ID) { latestSummaryCompilation(areaId: $a, year: 2024) { status } }`,
        (i: Ids) => ({ a: i.kdd }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'FORBIDDEN', statsbygg: 'FORBIDDEN', apprentice: 'FORBIDDEN' },
      ],
      [
        'summaryVersions',
        `query($a: ID) { summaryVersions(areaId: $a, year: 2024) { id } }`,
        (i: Ids) => ({ a: i.kdd }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'ok', apprentice: 'FORBIDDEN' },
      ],
      [
        'summaryArchive',
        `query($a: ID) { summaryArchive(areaId: $a) { id } }`,
        (i: Ids) => ({ a: i.kdd }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'ok', statsbygg: 'ok', apprentice: 'FORBIDDEN' },
      ],
      // Not sent yet: the agencies do not see it.
      [
        'summaryVersion',
        `query($id: ID!) { summaryVersion(id: $id) { version content { totals { apprenticesSnapshot } } } }`,
        (i: Ids) => ({ id: i.summary.version }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'NOT_FOUND', statsbygg: 'NOT_FOUND', apprentice: 'FORBIDDEN' },
      ],
      [
        'sendSummary',
        `mutation($v: ID!) { sendSummary(versionId: $v) { sentAt } }`,
        (i: Ids) => ({ v: i.summary.version }),
        { admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND', digdir: 'FORBIDDEN', statsbygg: 'FORBIDDEN', apprentice: 'FORBIDDEN' },
      ],
    ] as const
  ).map(([name, query, vars, expect]): Op => ({
    name,
    query,
    vars,
    expect: { anonymous: 'UNAUTHENTICATED', ...expect },
  })),
];

// The apprenticeship (contracts, talks, interruptions, trade tests, import, figures): the agency's
// coordinators keep their own; another agency is NOT_FOUND; the ministry sees figures only; the
// apprentice sees their own and changes nothing. Objects made in the apprenticeship's beforeAll.
const appr = { apprentices: [] as string[], interruption: '', tradeTest: '' };
const keepers = (others: Outcome): Record<UserKey, Outcome> => ({
  anonymous: 'UNAUTHENTICATED',
  admin: 'ok',
  ministry: others,
  otherMinistry: 'NOT_FOUND',
  digdir: 'ok',
  statsbygg: 'NOT_FOUND',
  apprentice: 'FORBIDDEN',
});
const IMPORT_CSV = Buffer.from(
  'Navn;E-post;Fag;Start;Slutt;Fylke\nTilgang Test;tilgang.test@digdir.no;Kokkfaget;2020-08-15;2022-08-14;Oslo\n',
).toString('base64');
const APPRENTICESHIP_OPS: Op[] = [
  {
    name: 'apprenticeships (Digdir)',
    query: `query($a: ID!) { apprenticeships(agencyId: $a) { apprenticeId } }`,
    vars: (i) => ({ a: i.digdir }),
    expect: keepers('FORBIDDEN'),
  },
  {
    name: 'apprenticeship (Emma, Digdir)',
    query: `query($id: ID!) { apprenticeship(apprenticeId: $id) { name warnings { kind } } }`,
    vars: (i) => ({ id: i.digdirApprentice }),
    expect: { ...keepers('NOT_FOUND'), apprentice: 'ok' },
  },
  {
    name: 'apprenticeship (Statsbygg)',
    query: `query($id: ID!) { apprenticeship(apprenticeId: $id) { name } }`,
    vars: (i) => ({ id: i.statsbyggApprentice }),
    expect: { ...keepers('NOT_FOUND'), digdir: 'NOT_FOUND', statsbygg: 'ok', apprentice: 'NOT_FOUND' },
  },
  {
    name: 'myApprenticeship',
    query: `{ myApprenticeship { name } }`,
    vars: () => ({}),
    expect: { ...all('FORBIDDEN'), anonymous: 'UNAUTHENTICATED', apprentice: 'ok' },
  },
  {
    name: 'apprenticeshipStaff (Digdir)',
    query: `query($a: ID!) { apprenticeshipStaff(agencyId: $a) { id } }`,
    vars: (i) => ({ a: i.digdir }),
    expect: keepers('FORBIDDEN'),
  },
  {
    name: 'apprenticeshipSettings (Digdir)',
    query: `query($a: ID!) { apprenticeshipSettings(agencyId: $a) { tradeTestLeadMonths } }`,
    vars: (i) => ({ a: i.digdir }),
    expect: keepers('FORBIDDEN'),
  },
  {
    name: 'apprenticeshipFigures (KDD)',
    query: `query($a: ID) { apprenticeshipFigures(areaId: $a) { total { underContract } } }`,
    vars: (i) => ({ a: i.kdd }),
    expect: { ...all('FORBIDDEN'), anonymous: 'UNAUTHENTICATED', admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND' },
  },
  {
    name: 'saveApprenticeshipContract (Emma)',
    query: `mutation($i: ApprenticeshipContractInput!) { saveApprenticeshipContract(input: $i) { apprenticeId } }`,
    vars: (i) => ({ i: { apprenticeId: i.digdirApprentice, afterPlan: 'STAYS', county: 'Oslo' } }),
    expect: keepers('NOT_FOUND'),
  },
  {
    name: 'setApprenticeshipSettings (Digdir)',
    query: `mutation($i: ApprenticeshipSettingsInput!) { setApprenticeshipSettings(input: $i) { agencyId } }`,
    vars: (i) => ({ i: { agencyId: i.digdir, tradeTestLeadMonths: 3, longInterruptionWeeks: 8 } }),
    expect: keepers('FORBIDDEN'),
  },
  {
    name: 'recordApprenticeshipTalk (Emma)',
    query: `mutation($i: RecordTalkInput!) { recordApprenticeshipTalk(input: $i) { apprenticeId } }`,
    vars: (i) => ({
      i: {
        apprenticeId: i.digdirApprentice,
        kind: 'ASSESSMENT',
        heldOn: osloDay(new Date()),
        participants: '',
        summary: 'Tilgang',
        goals: '',
      },
    }),
    expect: keepers('NOT_FOUND'),
  },
  {
    name: 'recordInterruption (Emma)',
    query: `mutation($i: RecordInterruptionInput!) { recordInterruption(input: $i) { apprenticeId } }`,
    vars: (i) => ({
      i: {
        apprenticeId: i.digdirApprentice,
        kind: 'SICKNESS',
        startsOn: osloDay(new Date(Date.now() - 20 * 24 * HOUR)),
        endsOn: osloDay(new Date(Date.now() - 19 * 24 * HOUR)),
      },
    }),
    expect: keepers('NOT_FOUND'),
  },
  {
    name: 'updateInterruption',
    query: `mutation($id: ID!, $i: UpdateInterruptionInput!) { updateInterruption(id: $id, input: $i) { apprenticeId } }`,
    vars: () => ({ id: appr.interruption, i: { countyNotifiedOn: osloDay(new Date()) } }),
    expect: keepers('NOT_FOUND'),
  },
  {
    name: 'registerTradeTest',
    query: `mutation($i: RegisterTradeTestInput!) { registerTradeTest(input: $i) { apprenticeId } }`,
    vars: (_i, n) => ({ i: { apprenticeId: take(appr.apprentices, n), registeredOn: osloDay(new Date()) } }),
    expect: keepers('NOT_FOUND'),
  },
  {
    name: 'recordTradeTestResult',
    query: `mutation($i: TradeTestResultInput!) { recordTradeTestResult(input: $i) { apprenticeId } }`,
    vars: () => ({ i: { tradeTestId: appr.tradeTest, testDate: osloDay(new Date()), result: 'FAILED' } }),
    expect: keepers('NOT_FOUND'),
  },
  {
    name: 'previewApprenticeImport (Digdir)',
    query: `mutation($i: ApprenticeImportInput!) { previewApprenticeImport(input: $i) { valid } }`,
    vars: (i) => ({ i: { agencyId: i.digdir, filename: 'liste.csv', contentBase64: IMPORT_CSV } }),
    expect: keepers('FORBIDDEN'),
  },
  {
    name: 'applyApprenticeImport (Digdir)',
    query: `mutation($i: ApprenticeImportInput!) { applyApprenticeImport(input: $i) { applied } }`,
    vars: (i) => ({ i: { agencyId: i.digdir, filename: 'liste.csv', contentBase64: IMPORT_CSV } }),
    expect: keepers('FORBIDDEN'),
  },
];
OPS.push(...APPRENTICESHIP_OPS);

// Follow-up cases: only the apprentice, their professional leader and instructors and the
// agency's coordinators see a case; everyone else — another agency, the ministry, an admin — is
// told NOT_FOUND, so that not even its existence leaks; the apprentice changes nothing; the
// ministry sees counts only. Objects made in the follow-up's beforeAll.
const fu = { case: '', action: '', apprentice: '', leader: '', emmaUser: '' };
const agencyOnly: Record<UserKey, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  admin: 'NOT_FOUND',
  ministry: 'NOT_FOUND',
  otherMinistry: 'NOT_FOUND',
  digdir: 'ok',
  statsbygg: 'NOT_FOUND',
  apprentice: 'FORBIDDEN',
};
const FOLLOW_UP_OPS: Op[] = [
  {
    name: 'followUpCases (Digdir)',
    query: `query($a: ID!) { followUpCases(agencyId: $a) { id } }`,
    vars: (i) => ({ a: i.digdir }),
    expect: agencyOnly,
  },
  {
    name: 'followUpCase (Emma)',
    query: `query($id: ID!) { followUpCase(id: $id) { id steps { internalNote } } }`,
    vars: () => ({ id: fu.case }),
    expect: { ...agencyOnly, apprentice: 'ok' },
  },
  {
    name: 'myFollowUpCases',
    query: `{ myFollowUpCases { id } }`,
    vars: () => ({}),
    expect: { ...all('FORBIDDEN'), anonymous: 'UNAUTHENTICATED', apprentice: 'ok' },
  },
  {
    name: 'myFollowUpDeadlines',
    query: `{ myFollowUpDeadlines { caseId date } }`,
    vars: () => ({}),
    expect: { ...all('ok'), anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'followUpReadLog (Digdir)',
    query: `query($a: ID!) { followUpReadLog(agencyId: $a) { id } }`,
    vars: (i) => ({ a: i.digdir }),
    expect: agencyOnly,
  },
  {
    name: 'followUpSettings (Digdir)',
    query: `query($a: ID!) { followUpSettings(agencyId: $a) { retentionMonths } }`,
    vars: (i) => ({ a: i.digdir }),
    expect: agencyOnly,
  },
  {
    name: 'followUpFigures (KDD)',
    query: `query($a: ID) { followUpFigures(areaId: $a) { openCases { disclosure } } }`,
    vars: (i) => ({ a: i.kdd }),
    expect: { ...all('FORBIDDEN'), anonymous: 'UNAUTHENTICATED', admin: 'ok', ministry: 'ok', otherMinistry: 'NOT_FOUND' },
  },
  {
    name: 'openFollowUpCase (a Digdir apprentice)',
    query: `mutation($i: OpenFollowUpCaseInput!) { openFollowUpCase(input: $i) { id } }`,
    vars: () => ({ i: { apprenticeId: fu.apprentice, openedOn: osloDay(new Date()), concerns: ['LACK_OF_PROGRESS'] } }),
    expect: { ...agencyOnly, apprentice: 'NOT_FOUND' },
  },
  {
    name: 'recordFollowUpStep (Emma)',
    query: `mutation($i: RecordFollowUpStepInput!) { recordFollowUpStep(input: $i) { id } }`,
    vars: () => ({
      i: {
        caseId: fu.case,
        kind: 'CONCERN_TALK',
        date: osloDay(new Date()),
        participants: [
          { role: 'APPRENTICE', userId: fu.emmaUser },
          { role: 'PROFESSIONAL_LEADER', userId: fu.leader },
        ],
        externalParticipants: [],
        actions: [],
        summary: 'Ny samtale',
      },
    }),
    expect: agencyOnly,
  },
  {
    name: 'setFollowUpActionDone',
    query: `mutation($id: ID!) { setFollowUpActionDone(id: $id, done: true) { id } }`,
    vars: () => ({ id: fu.action }),
    expect: agencyOnly,
  },
  {
    name: 'setFollowUpSettings (Digdir)',
    query: `mutation($i: FollowUpSettingsInput!) { setFollowUpSettings(input: $i) { retentionMonths } }`,
    vars: (i) => ({ i: { agencyId: i.digdir, retentionMonths: 24 } }),
    expect: agencyOnly,
  },
];
OPS.push(...FOLLOW_UP_OPS);

describe('access: every operation, every role', () => {
  let stack: Stack;
  let i: Ids;
  const clients = {} as Record<UserKey, Client>;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    clients.anonymous = new Client(stack.url);
    for (const [k, email] of Object.entries(USERS)) clients[k as UserKey] = await new Client(stack.url).signIn(email);
    // Gatherings to act on: planned ones (one per call that changes one) and a published one for apprentices.
    const series = await clients.ministry.gql(
      `mutation($i: CreateGatheringSeriesInput!) { createGatheringSeries(input: $i) { id seriesId } }`,
      {
        i: {
          audience: 'BOTH',
          title: 'Tilgangstest',
          rrule: 'FREQ=WEEKLY;BYDAY=TU,WE',
          firstDate: '2030-01-01',
          startTime: '10:00',
          endTime: '12:00',
          horizonMonths: 6,
        },
      },
    );
    const planned = (series.data!['createGatheringSeries'] as { id: string; seriesId: string }[]).map((g) => g.id);
    const forApprentices = await clients.ministry.gql(
      `mutation($i: CreateGatheringSeriesInput!) { createGatheringSeries(input: $i) { id } }`,
      {
        i: {
          audience: 'APPRENTICE',
          title: 'For lærlinger',
          rrule: 'FREQ=MONTHLY;BYDAY=1TH',
          firstDate: '2030-01-01',
          startTime: '10:00',
          endTime: '12:00',
          horizonMonths: 2,
        },
      },
    );
    const published = forApprentices.data!['createGatheringSeries'][0].id;
    await clients.ministry.gql(`mutation($id: ID!) { publishGathering(id: $id) { id } }`, { id: published });
    const nets = (await clients.ministry.gql(`{ networks { id kind } }`)).data!['networks'] as { id: string; kind: string }[];
    const fresh = await addApprenticeUsers(stack.ds, 40, 'access');
    const users: { id: string; email: string }[] = await stack.ds.query(`SELECT id, email FROM app_user`);
    const byEmail = Object.fromEntries(users.map((u) => [u.email, u.id]));
    const action = (
      await clients.ministry.gql(`mutation($i: GatheringActionInput!) { addGatheringAction(input: $i) { id } }`, {
        i: { gatheringId: published, text: 'Fast oppfølging' },
      })
    ).data!['addGatheringAction'].id;
    const pairs: string[] = [];
    for (let k = 0; k < 7; k++) {
      const r = await clients.ministry.gql(`mutation($i: PairMentorInput!) { pairMentor(input: $i) { id } }`, {
        i: { kind: 'APPRENTICE', mentorUserId: byEmail[fresh[30 + k]], menteeUserId: byEmail[fresh[20 + k]] },
      });
      pairs.push(r.data!['pairMentor'].id);
    }
    const planR = await clients.ministry.gql(
      `mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { id measures { id milestones { id } criteria { id kind } } } }`,
      { i: { year: 2025, source: 'TEMPLATE' } },
    );
    const planData = planR.data!['createActionPlan'] as {
      id: string;
      measures: { id: string; milestones: { id: string }[]; criteria: { id: string; kind: string }[] }[];
    };
    const areaAgencies: { id: string }[] = await stack.ds.query(
      `SELECT id FROM agency WHERE area_id = (SELECT id FROM ministry_area WHERE code = 'KDD') AND NOT is_ministry AND name <> 'Digitaliseringsdirektoratet'`,
    );
    const meetings: string[] = [];
    for (const a of areaAgencies) {
      await clients.ministry.gql(`mutation($i: RecordBilateralMeetingInput!) { recordBilateralMeeting(input: $i) { id } }`, {
        i: { planId: planData.id, agencyId: a.id, heldOn: '2025-06-01' },
      });
      meetings.push(((await stack.ds.query(`SELECT id FROM bilateral_meeting WHERE agency_id = $1`, [a.id])) as { id: string }[])[0].id);
    }
    const allCriteria = planData.measures.flatMap((m) => m.criteria);
    const manualCriterion = allCriteria.find((c) => c.kind === 'MANUAL')!.id;
    // Pooling fixtures: events in each state, apprentices of Digdir, sign-ups to act on.
    const reg = async (title: string, daysAhead = 30, approve = true) => {
      const e = (
        await clients.digdir.gql(`mutation($i: PoolEventInput!) { registerPoolEvent(input: $i) { id shifts { id } } }`, {
          i: poolEventInput(title, (await ids(stack.ds)).digdir, daysAhead),
        })
      ).data!['registerPoolEvent'] as { id: string; shifts: { id: string }[] };
      if (approve)
        await clients.ministry.gql(`mutation($i: ReviewPoolEventInput!) { reviewPoolEvent(input: $i) { id } }`, {
          i: { eventId: e.id, approve: true },
        });
      return e;
    };
    const poolEvent = await reg('Tilgangsarrangement');
    const assignEvent = await reg('Tildeling', 31);
    const pendingEvent = await reg('Ventende');
    const attendEvent = await reg('Oppmøte', 3);
    const submitted: string[] = [];
    for (let k = 0; k < 7; k++) submitted.push((await reg(`Innsendt ${k}`, 30, false)).id);
    const editable = (await reg('Kan endres', 30, false)).id;
    const cancellable: string[] = [];
    for (let k = 0; k < 7; k++) cancellable.push((await reg(`Avlyses ${k}`)).id);
    const digdirId = (await ids(stack.ds)).digdir;
    const digdirApprentices: string[] = (
      await stack.ds.query(
        `INSERT INTO app_user (email, name, role, area_id, agency_id) SELECT 'pool' || g || '@digdir.no', 'Lærling ' || g, 'APPRENTICE', a.area_id, a.id FROM agency a, generate_series(1, 12) g WHERE a.id = $1 RETURNING id`,
        [digdirId],
      )
    ).map((r: { id: string }) => r.id);
    const pending: string[] = [];
    for (const u of digdirApprentices.slice(0, 6)) {
      const r = await clients.ministry.gql(`mutation($i: AssignInput!) { assignToShift(input: $i) { id } }`, {
        i: { shiftId: pendingEvent.shifts[0].id, userId: u },
      });
      pending.push(r.data!['assignToShift'].id);
    }
    const emmaSignups: string[] = [];
    for (let k = 0; k < 6; k++) {
      const e = await reg(`Emmas vakt ${k}`, 40 + k);
      emmaSignups.push(
        (await clients.apprentice.gql(`mutation($s: ID!) { signUpForShift(shiftId: $s) { id } }`, { s: e.shifts[0].id })).data![
          'signUpForShift'
        ].id,
      );
    }
    const attended = (
      await clients.digdir.gql(`mutation($i: AssignInput!) { assignToShift(input: $i) { id } }`, {
        i: { shiftId: attendEvent.shifts[0].id, userId: digdirApprentices[11] },
      })
    ).data!['assignToShift'].id;
    await stack.ds.query(
      `UPDATE event_shift SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [attendEvent.shifts[0].id],
    );
    const emmaId: string = (await stack.ds.query(`SELECT id FROM app_user WHERE email = 'emma.larsen@digdir.no'`))[0].id;
    const subject = (await clients.ministry.gql(`mutation { createCompetenceSubject(input: { name: "Videomøter" }) { id } }`)).data![
      'createCompetenceSubject'
    ][0].id;
    await clients.ministry.gql(`mutation($i: CompetenceApprenticeInput!) { setCompetenceApprentice(input: $i) { id } }`, {
      i: { subjectId: subject, userId: emmaId, covers: true },
    });
    const ask = async () =>
      (
        await clients.ministry.gql(`mutation($i: HelpRequestInput!) { requestCompetenceHelp(input: $i) { id } }`, {
          i: { subjectId: subject, description: 'Oppsett av møterom' },
        })
      ).data!['requestCompetenceHelp'].id as string;
    const toTake = [await ask(), await ask()];
    const toClose = [await ask(), await ask(), await ask()];
    // December summary fixtures: drafts to submit, submitted reports to reopen, a compiled version (built in-process).
    const kddIds = await ids(stack.ds);
    await stack.ds.query(
      `INSERT INTO agency_report (area_id, agency_id, year, year_in_review, next_year_trade_ids) SELECT area_id, id, y, 'Året', '{}' FROM agency, generate_series(2000, 2023) y WHERE id = $1`,
      [kddIds.digdir],
    );
    await stack.ds.query(
      `INSERT INTO agency_report (area_id, agency_id, year, year_in_review, next_year_trade_ids, submitted_at) SELECT area_id, id, y, 'Året', '{}', now() FROM agency, generate_series(2000, 2023) y WHERE id = $1`,
      [kddIds.statsbygg],
    );
    const compilation = await stack.api.get(SummaryCompilationsService).startCompilation(kddIds.kdd, 2024, CompilationTrigger.MANUAL, null);
    const built = await stack.api.get(SummaryCompilerService).run(compilation!.id);
    i = {
      ...(await ids(stack.ds)),
      planned,
      published,
      seriesId: (series.data!['createGatheringSeries'] as { seriesId: string }[])[0].seriesId,
      staffNetwork: nets.find((x) => x.kind === 'STAFF')!.id,
      users: byEmail,
      action,
      pairs,
      freshApprentices: fresh.slice(0, 20).map((e) => byEmail[e]),
      plan: {
        id: planData.id,
        measures: planData.measures.map((m) => m.id),
        milestones: planData.measures.flatMap((m) => m.milestones.map((x) => x.id)),
        criteria: allCriteria.filter((c) => c.id !== manualCriterion).map((c) => c.id),
        manualCriterion,
        meetings,
      },
      pool: {
        event: poolEvent.id,
        shift: poolEvent.shifts[0].id,
        assignShift: assignEvent.shifts[0].id,
        submitted,
        editable,
        cancellable,
        digdirApprentices: digdirApprentices.slice(6, 11),
        pending,
        emmaSignups,
        attended,
        held: attendEvent.id,
        emma: emmaId,
        subject,
        toTake,
        toClose,
      },
      summary: { compilation: compilation!.id, version: built!.versionId },
    };
  });
  afterAll(() => stack?.stop());
  // The apprenticeship's objects: Digdir's apprentices for trade-test registrations (a different
  // one for each call), an interruption and a registered trade test.
  beforeAll(async () => {
    const rows: { id: string; start: string }[] = await stack.ds.query(
      `SELECT id, contract_start::text AS start FROM apprentice WHERE agency_id = $1 AND status = 'ACTIVE' AND id <> $2 ORDER BY name`,
      [i.digdir, i.digdirApprentice],
    );
    appr.apprentices = rows.slice(0, Math.min(7, rows.length - 1)).map((r) => r.id);
    const [other] = rows.slice(-1);
    const setup = async (query: string, input: Record<string, unknown>) => {
      const r = await clients.digdir.gql(query, { i: input });
      if (r.errors) throw new Error(r.errors[0].message);
      return r.data as Record<string, { interruptions: { id: string }[]; tradeTests: { id: string }[] }>;
    };
    const made = await setup(`mutation($i: RecordInterruptionInput!) { recordInterruption(input: $i) { interruptions { id } } }`, {
      apprenticeId: other.id,
      kind: 'OTHER',
      startsOn: other.start,
      endsOn: other.start,
    });
    appr.interruption = made['recordInterruption'].interruptions[0].id;
    const test = await setup(`mutation($i: RegisterTradeTestInput!) { registerTradeTest(input: $i) { tradeTests { id } } }`, {
      apprenticeId: other.id,
      registeredOn: osloDay(new Date()),
    });
    appr.tradeTest = test['registerTradeTest'].tradeTests[0].id;
  });
  // The follow-up's objects: a case on Emma with a concern talk and an action, and another Digdir
  // apprentice to open a case on.
  beforeAll(async () => {
    const today = osloDay(new Date());
    const [other] = await stack.ds.query(
      `SELECT id FROM apprentice WHERE agency_id = $1 AND status = 'ACTIVE' AND id <> $2 AND id NOT IN (SELECT apprentice_id FROM follow_up_case) ORDER BY name DESC OFFSET 1 LIMIT 1`,
      [i.digdir, i.digdirApprentice],
    );
    fu.apprentice = other.id;
    const opened = await clients.digdir.gql(
      `mutation($i: OpenFollowUpCaseInput!) { openFollowUpCase(input: $i) { id people { id role } } }`,
      {
        i: { apprenticeId: i.digdirApprentice, openedOn: today, concerns: ['HIGH_ABSENCE'] },
      },
    );
    if (opened.errors) throw new Error(opened.errors[0].message);
    const people = opened.data!['openFollowUpCase'].people as { id: string; role: string }[];
    fu.case = opened.data!['openFollowUpCase'].id;
    fu.emmaUser = people.find((p) => p.role === 'APPRENTICE')!.id;
    fu.leader = people.find((p) => p.role === 'PROFESSIONAL_LEADER')?.id ?? i.users[USERS.digdir];
    const talk = await clients.digdir.gql(
      `mutation($i: RecordFollowUpStepInput!) { recordFollowUpStep(input: $i) { steps { actions { id } } } }`,
      {
        i: {
          caseId: fu.case,
          kind: 'CONCERN_TALK',
          date: today,
          participants: [
            { role: 'APPRENTICE', userId: fu.emmaUser },
            { role: 'PROFESSIONAL_LEADER', userId: fu.leader },
          ],
          externalParticipants: [],
          actions: [{ description: 'Oppfølging', ownerUserId: fu.leader, deadline: today }],
          summary: 'Samtale',
        },
      },
    );
    if (talk.errors) throw new Error(talk.errors[0].message);
    fu.action = talk.data!['recordFollowUpStep'].steps[0].actions[0].id;
  });

  const cases = OPS.flatMap((op) => (Object.keys(op.expect) as UserKey[]).map((role) => [op.name, role, op] as const));
  let n = 0;
  it.each(cases)('%s as %s', async (_name, role, op) => {
    const r = await clients[role].gql(op.query, op.vars(i, n++));
    const outcome = r.errors ? code(r) : 'ok';
    expect({ op: op.name, role, outcome }).toEqual({ op: op.name, role, outcome: op.expect[role] });
  });

  it("gives each role only their own follow-up deadlines, in their own agency's cases", async () => {
    const digdirCases = new Set(
      (await stack.ds.query(`SELECT id FROM follow_up_case WHERE agency_id = $1`, [i.digdir])).map((r: { id: string }) => r.id),
    );
    for (const role of Object.keys(USERS) as UserKey[]) {
      const lines = (await clients[role].gql(`{ myFollowUpDeadlines { caseId } }`)).data!['myFollowUpDeadlines'] as { caseId: string }[];
      if (role === 'digdir') expect(lines.every((l) => digdirCases.has(l.caseId))).toBe(true);
      else expect({ role, lines }).toEqual({ role, lines: [] });
    }
  });

  it('covers every query and mutation in the schema', async () => {
    const r = await clients.admin.gql(`{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`);
    const schemaOps = [...r.data!['__schema'].queryType.fields, ...r.data!['__schema'].mutationType.fields].map(
      (f: { name: string }) => f.name,
    );
    const tested = new Set(OPS.map((o) => o.query.match(/\{\s*(\w+)/)![1]));
    // Sign-in, sign-out and the link-based operations are covered in identity and gatherings specs.
    for (const covered of ['signIn', 'signOut', 'invitation', 'acceptInvitation', 'gatheringInvitation', 'answerGatheringByLink'])
      tested.add(covered);
    expect(schemaOps.filter((o: string) => !tested.has(o))).toEqual([]);
  });

  it('hides apprentice e-mail addresses from the ministry but shows them to their own agency', async () => {
    const q = `query($id: ID!) { apprentices(agencyId: $id) { email } }`;
    const ministry = await clients.ministry.gql(q, { id: i.digdir });
    const agency = await clients.digdir.gql(q, { id: i.digdir });
    expect(ministry.data!['apprentices'].every((a: { email: string | null }) => a.email === null)).toBe(true);
    expect(agency.data!['apprentices'].some((a: { email: string | null }) => a.email === 'emma.larsen@digdir.no')).toBe(true);
  });

  it('shows an agency coordinator only their own people as network candidates, and a lead the whole area', async () => {
    const own = (await clients.statsbygg.gql(`{ networkCandidates { agencyName } }`)).data!['networkCandidates'] as {
      agencyName: string;
    }[];
    expect(new Set(own.map((p) => p.agencyName))).toEqual(new Set(['Statsbygg']));
    const lead = (await clients.digdir.gql(`{ networkCandidates { agencyName } }`)).data!['networkCandidates'] as {
      agencyName: string | null;
    }[];
    expect(new Set(lead.map((p) => p.agencyName)).size).toBeGreaterThan(2);
  });

  describe('each network lead runs their own network only', () => {
    // Ola leads the apprentice network; Lise, an agency coordinator at Statsbygg, is made lead of
    // the staff network here. Each tries the other network's objects, and their own.
    type Lead = 'ola' | 'lise';
    const leads = {} as Record<Lead, Client>;
    const obj = {} as Record<'staffNet' | 'apprenticeNet' | 'staffSeries' | 'apprenticeSeries', string> &
      Record<'staffPlanned' | 'apprenticePlanned' | 'staffPublished' | 'apprenticePublished', string[]>;
    const series = async (audience: string) => {
      const r = await clients.ministry.gql(
        `mutation($i: CreateGatheringSeriesInput!) { createGatheringSeries(input: $i) { id seriesId } }`,
        {
          i: {
            audience,
            title: `Ledertest ${audience}`,
            rrule: 'FREQ=WEEKLY;BYDAY=MO,TH',
            firstDate: '2031-01-01',
            startTime: '10:00',
            endTime: '12:00',
            horizonMonths: 4,
          },
        },
      );
      return r.data!['createGatheringSeries'] as { id: string; seriesId: string }[];
    };
    beforeAll(async () => {
      const [lise] = await stack.ds.query(
        `INSERT INTO app_user (email, name, role, area_id, agency_id, language, password_hash) SELECT 'lise.lead@statsbygg.no', 'Lise Leder', 'AGENCY_COORDINATOR', area_id, agency_id, 'nb', password_hash FROM app_user WHERE email = $1 RETURNING id`,
        [USERS.statsbygg],
      );
      const nets = (await clients.ministry.gql(`{ networks { id kind } }`)).data!['networks'] as { id: string; kind: string }[];
      obj.staffNet = nets.find((x) => x.kind === 'STAFF')!.id;
      obj.apprenticeNet = nets.find((x) => x.kind === 'APPRENTICE')!.id;
      expect(
        (
          await clients.ministry.gql(`mutation($i: NetworkPersonInput!) { appointNetworkLead(input: $i) { id } }`, {
            i: { networkId: obj.staffNet, userId: lise.id },
          })
        ).errors,
      ).toBeUndefined();
      leads.ola = clients.digdir;
      leads.lise = await new Client(stack.url).signIn('lise.lead@statsbygg.no');
      const staff = await series('STAFF');
      const apprentices = await series('APPRENTICE');
      obj.staffSeries = staff[0].seriesId;
      obj.apprenticeSeries = apprentices[0].seriesId;
      obj.staffPlanned = staff.slice(2).map((g) => g.id);
      obj.apprenticePlanned = apprentices.slice(2).map((g) => g.id);
      obj.staffPublished = staff.slice(0, 2).map((g) => g.id);
      obj.apprenticePublished = apprentices.slice(0, 2).map((g) => g.id);
      for (const id of [...obj.staffPublished, ...obj.apprenticePublished])
        await clients.ministry.gql(`mutation($id: ID!) { publishGathering(id: $id) { id } }`, { id });
    });

    const LEAD_OPS: { name: string; query: string; vars: (k: number) => Record<string, unknown>; expect: Record<Lead, Outcome> }[] = (
      ['staff', 'apprentice'] as const
    ).flatMap((kind) => {
      const own: Record<Lead, Outcome> = kind === 'staff' ? { ola: 'FORBIDDEN', lise: 'ok' } : { ola: 'ok', lise: 'FORBIDDEN' };
      const planned = (k: number) => (kind === 'staff' ? obj.staffPlanned : obj.apprenticePlanned)[k % 8];
      const published = (k: number) => (kind === 'staff' ? obj.staffPublished : obj.apprenticePublished)[k % 2];
      return [
        {
          name: `setNetworkSettings (${kind} network)`,
          query: `mutation($i: NetworkSettingsInput!) { setNetworkSettings(input: $i) { id } }`,
          vars: () => ({ i: { networkId: kind === 'staff' ? obj.staffNet : obj.apprenticeNet, reminderDays: 4 } }),
          expect: own,
        },
        {
          name: `createGatheringSeries (${kind})`,
          query: `mutation($i: CreateGatheringSeriesInput!) { createGatheringSeries(input: $i) { id } }`,
          vars: () => ({
            i: {
              audience: kind.toUpperCase(),
              title: 'Egen',
              rrule: 'FREQ=MONTHLY;BYDAY=2WE',
              firstDate: '2031-03-01',
              startTime: '09:00',
              endTime: '10:00',
              horizonMonths: 1,
            },
          }),
          expect: own,
        },
        {
          name: `updateGathering (${kind}, planned)`,
          query: `mutation($id: ID!, $i: UpdateGatheringInput!) { updateGathering(id: $id, input: $i) { id } }`,
          vars: (k) => ({ id: planned(k), i: { theme: 'Tema' } }),
          expect: own,
        },
        {
          name: `addGatheringAction (${kind})`,
          query: `mutation($i: GatheringActionInput!) { addGatheringAction(input: $i) { id } }`,
          vars: (k) => ({ i: { gatheringId: published(k), text: 'Oppfølging' } }),
          expect: own,
        },
        {
          name: `gathering.rsvps (${kind}, published)`,
          query: `query($id: ID!) { gathering(id: $id) { rsvps { name } } }`,
          vars: (k) => ({ id: published(k) }),
          expect: own,
        },
        {
          name: `publishGathering (${kind}, planned)`,
          query: `mutation($id: ID!) { publishGathering(id: $id) { id } }`,
          vars: (k) => ({ id: planned(k + 3) }),
          expect: own,
        },
        {
          name: `cancelGathering (${kind}, planned)`,
          query: `mutation($id: ID!) { cancelGathering(id: $id) { id } }`,
          vars: (k) => ({ id: planned(k + 6) }),
          expect: own,
        },
        {
          name: `setGatheringSeriesPaused (${kind})`,
          query: `mutation($id: ID!) { setGatheringSeriesPaused(seriesId: $id, paused: false) }`,
          vars: () => ({ id: kind === 'staff' ? obj.staffSeries : obj.apprenticeSeries }),
          expect: own,
        },
      ];
    });
    const leadCases = LEAD_OPS.flatMap((op) => (['ola', 'lise'] as Lead[]).map((who) => [op.name, who, op] as const));
    let k = 0;
    it.each(leadCases)('%s as %s', async (_name, who, op) => {
      const r = await leads[who].gql(op.query, op.vars(k++));
      expect({ op: op.name, who, outcome: r.errors ? code(r) : 'ok' }).toEqual({ op: op.name, who, outcome: op.expect[who] });
    });
  });

  it('exports the dashboard only to the area coordinators', async () => {
    const csv = await clients.ministry.get(`/api/exports/dashboard.csv?areaId=${i.kdd}`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Digitaliseringsdirektoratet');
    expect((await clients.digdir.get(`/api/exports/dashboard.csv?areaId=${i.kdd}`)).status).toBe(403);
    expect((await clients.otherMinistry.get(`/api/exports/dashboard.xlsx?areaId=${i.kdd}`)).status).toBe(404);
    expect((await clients.anonymous.get(`/api/exports/dashboard.csv?areaId=${i.kdd}`)).status).toBe(401);
    expect((await clients.ministry.get(`/api/exports/dashboard.csv?year=abc`)).status).toBe(400);
    // The XLSX opens with a standard reader and holds the same figures as the dashboard.
    const xlsx = await clients.ministry.get(`/api/exports/dashboard.xlsx?areaId=${i.kdd}`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Lærlinger nå');
    const nowCol = header.indexOf('Lærlinger nå') + 1;
    const sumRow = sheet.getRow(sheet.rowCount);
    const dash = await clients.ministry.gql(`query($a: ID) { dashboard(areaId: $a) { totals { apprenticesNow } } }`, { a: i.kdd });
    expect(sumRow.getCell(1).value).toBe('Sum');
    expect(sumRow.getCell(nowCol).value).toBe(dash.data!['dashboard'].totals.apprenticesNow);
  });
});
