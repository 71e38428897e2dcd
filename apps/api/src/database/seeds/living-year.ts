/**
 * KDD's year under way, as it stands on the day the demo is loaded: the action plan from the
 * pilot's template with what is done ticked off, the bilateral meetings held (one late), the
 * gatherings held with answers, check-ins and minutes and the next ones sent out, events in the
 * pool with shifts and sign-ups, competence apprentices with help requests, and, from 1 December,
 * the agencies' reports. Every date follows from `today` (living-year.dates.ts). No mail is made:
 * what is past was sent then.
 */
import { EntityManager } from 'typeorm';
import { addDays, CriterionKind, defaultSummaryDates, IsoDate, osloInstant, POOL_LIMITS, Role } from '@laerenett/shared-domain';
import { datedTemplateMeasures, PILOT_PLAN_TEMPLATE, templatePlanHead } from '../../modules/action-plans/templates/pilot-plan.template';
import {
  bilateralMeetingDays,
  GatheringPhase,
  gatheringPhase,
  measureStatusOn,
  milestoneDoneOn,
  nthWeekday,
  reportDays,
  seasonYear,
} from './living-year.dates';

export interface DemoApprentice {
  name: string;
  email: string;
  trade: string;
}

export interface LivingYearContext {
  today: IsoDate;
  areaId: string;
  /** KDD's agencies by name: id, e-mail domain, this year's target and today's apprentices. */
  agencies: Map<string, { id: string; domain: string; target: number | null; apprentices: DemoApprentice[] }>;
  userIds: Map<string, string>;
  tradeIds: Map<string, string>;
  staffNetworkId: string;
  staffSeriesId: string;
}

const MINISTRY = 'Kommunal- og distriktsdepartementet';
const DIGDIR = 'Digitaliseringsdirektoratet';
const STATSBYGG = 'Statsbygg';
const DSS = 'Departementenes sikkerhets- og serviceorganisasjon';
const NKOM = 'Nasjonal kommunikasjonsmyndighet';
const KARTVERKET = 'Kartverket';
const HUSBANKEN = 'Husbanken';
const SF_OSLO = 'Statsforvalteren i Oslo og Viken';

/** Coordinators in the staff network besides the demo users (they have no password: they were never invited). */
const COORDINATORS: [string, string, string][] = [
  [DSS, 'Lars Bakke', 'lars.bakke@dss.dep.no'],
  [NKOM, 'Hanne Lie', 'hanne.lie@nkom.no'],
  [KARTVERKET, 'Tor Moen', 'tor.moen@kartverket.no'],
  [HUSBANKEN, 'Siri Aas', 'siri.aas@husbanken.no'],
  [SF_OSLO, 'Anne Strand', 'anne.strand@statsforvalteren.no'],
];

/** Apprentices who use Lærenett besides Emma Larsen: the n-th of today's apprentices of an agency. */
const APPRENTICE_USERS: [string, number][] = [
  [DIGDIR, 1],
  [STATSBYGG, 0],
  [DSS, 0],
  [KARTVERKET, 0],
  [MINISTRY, 0],
];

/** Bilateral meetings in the order they are held; the last is held late. Two agencies are still missing. */
const MEETINGS_ON_TIME = [
  STATSBYGG,
  DIGDIR,
  DSS,
  KARTVERKET,
  HUSBANKEN,
  NKOM,
  SF_OSLO,
  'Statsforvalteren i Vestland',
  'Direktoratet for byggkvalitet',
];
const MEETING_LATE = 'Distriktssenteret';

const THEMES: Record<string, { theme: string; minutes: string; action: string }> = {
  '08': {
    theme: 'Oppstart: rammeverket og årshjulet',
    minutes: 'Gjennomgang av rammeverket avtalt med OK stat og årshjulet for nettverket. Hver virksomhet presenterte lærlingene sine.',
    action: 'Sende ut årshjulet til alle virksomhetene',
  },
  '10': {
    theme: 'Vurderingssamtaler og fagprøven',
    minutes: 'OK stat om vurderingssamtaler hvert halvår og oppmelding til fagprøve. Erfaringsdeling fra DSS om sikkerhetsfaget.',
    action: 'Dele mal for vurderingssamtale',
  },
  '12': {
    theme: 'Året som gikk og årsoppsummeringen',
    minutes: 'Hva vi lærte i år, og hva virksomhetene skriver i årsrapporten.',
    action: 'Minne om fristen 7. desember',
  },
  '02': {
    theme: 'Rekruttering: nye lærefag',
    minutes: 'Hvilke lærefag kan virksomhetene ta inn neste høst? Statsbygg og Kartverket vurderer IKT-servicefaget.',
    action: 'Melde inn mulige lærefag til departementet',
  },
  '04': {
    theme: 'Faglige ledere og fadderordningen',
    minutes: 'Fadderpar for nye faglige ledere, og hvordan fadderne følger opp.',
    action: 'Sette opp fadderpar for høsten',
  },
  '06': {
    theme: 'Sommeravslutning og nye lærlinger',
    minutes: 'Lærlingene som tar fagprøven i sommer, og mottak av nye lærlinger i august.',
    action: 'Planlegge mottaket av nye lærlinger',
  },
  // The apprentices' own gatherings, in September and March.
  A09: {
    theme: 'Bli kjent på tvers av virksomhetene',
    minutes: 'Lærlingene presenterte fagene sine. Kompetanselærlingene fortalte om SharePoint og videokonferanse.',
    action: 'Lage en oversikt over hvem som kan hva',
  },
  A03: {
    theme: 'Fagprøven: tips fra dem som har tatt den',
    minutes: 'To tidligere lærlinger fortalte om fagprøven og hvordan de forberedte seg.',
    action: 'Dele sjekklisten for fagprøven',
  },
};

const FEEDBACK =
  'Lærlingene tok imot deltakerne og holdt orden på rommene. De var til stor hjelp. Vi melder inn konferansen igjen neste år.';

const earliest = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

async function insertId(m: EntityManager, sql: string, params: unknown[]): Promise<string> {
  return ((await m.query(sql, params)) as { id: string }[])[0].id;
}

export async function seedLivingYear(m: EntityManager, c: LivingYearContext): Promise<void> {
  const { today, areaId } = c;
  const year = Number(today.slice(0, 4));
  const agency = (name: string) => c.agencies.get(name)!;
  const kari = c.userIds.get('kari.nordmann@kdd.dep.no')!;
  const ola = c.userIds.get('ola.hansen@digdir.no')!;
  const ingrid = c.userIds.get('ingrid.berg@statsbygg.no')!;
  const emma = c.userIds.get('emma.larsen@digdir.no')!;
  const at = (date: IsoDate, time: string) => osloInstant(date, time);

  // ——— People: coordinators in the staff network, apprentices who use Lærenett ———
  const coordinatorOf = new Map<string, string>([
    [agency(DIGDIR).id, ola],
    [agency(STATSBYGG).id, ingrid],
    [agency(MINISTRY).id, kari],
  ]);
  const staff: { id: string; agencyId: string | null }[] = [
    { id: kari, agencyId: agency(MINISTRY).id },
    { id: ola, agencyId: agency(DIGDIR).id },
    { id: ingrid, agencyId: agency(STATSBYGG).id },
  ];
  for (const [agencyName, name, email] of COORDINATORS) {
    const id = await insertId(
      m,
      `INSERT INTO app_user (email, name, role, area_id, agency_id, language) VALUES ($1, $2, $3, $4, $5, 'nb') RETURNING id`,
      [email, name, Role.AGENCY_COORDINATOR, areaId, agency(agencyName).id],
    );
    await m.query(`INSERT INTO network_member (network_id, user_id, added_by_id) VALUES ($1, $2, $3)`, [c.staffNetworkId, id, kari]);
    coordinatorOf.set(agency(agencyName).id, id);
    staff.push({ id, agencyId: agency(agencyName).id });
  }
  const apprentices: { id: string; agencyId: string; name: string }[] = [{ id: emma, agencyId: agency(DIGDIR).id, name: 'Emma Larsen' }];
  for (const [agencyName, n] of APPRENTICE_USERS) {
    const p = agency(agencyName).apprentices[n];
    const id = await insertId(
      m,
      `INSERT INTO app_user (email, name, role, area_id, agency_id, language) VALUES ($1, $2, $3, $4, $5, 'nb') RETURNING id`,
      [p.email, p.name, Role.APPRENTICE, areaId, agency(agencyName).id],
    );
    apprentices.push({ id, agencyId: agency(agencyName).id, name: p.name });
  }
  for (const a of apprentices)
    await m.query(`INSERT INTO pool_helper (user_id, offering, max_hours_per_month) VALUES ($1, true, $2)`, [
      a.id,
      POOL_LIMITS.defaultHoursPerMonth,
    ]);
  const [, digdir2, statsbygg1, dss1, kartverket1, ministry1] = apprentices;

  // ——— The action plan, from the pilot's template ———
  const t = PILOT_PLAN_TEMPLATE;
  const head = templatePlanHead(t);
  const plan = await insertId(
    m,
    `INSERT INTO action_plan (area_id, year, main_goal, main_goal_en, main_goal_detail, main_goal_detail_en, sub_goals, sub_goals_en, created_by_user_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      areaId,
      year,
      head.mainGoal,
      head.mainGoalEn,
      head.mainGoalDetail,
      head.mainGoalDetailEn,
      JSON.stringify(head.subGoals),
      JSON.stringify(head.subGoalsEn),
      kari,
      at(earliest(`${year}-01-10`, today), '08:00'),
    ],
  );
  let position = 0;
  for (const measure of datedTemplateMeasures(t, year)) {
    position++;
    // The overdue one: the agencies were to report their events by 30 September.
    const milestones = measure.milestones.map((x) => ({
      ...x,
      doneOn: milestoneDoneOn(x.dueDate, today, x.dueDate.endsWith('-09-30') || x.dueDate.endsWith('-12-15')),
    }));
    const status = measureStatusOn(
      milestones.map((x) => ({ dueDate: x.dueDate, done: x.doneOn !== null })),
      today,
    );
    const f = measure.fields;
    const id = await insertId(
      m,
      `INSERT INTO plan_measure (plan_id, position, title, description, purpose, responsibility_ministry, responsibility_ok_stat, responsibility_agencies, implementation, status,
                                 title_en, description_en, purpose_en, responsibility_ministry_en, responsibility_ok_stat_en, responsibility_agencies_en, implementation_en)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
      [
        plan,
        position,
        f.title,
        f.description,
        f.purpose,
        f.responsibilityMinistry,
        f.responsibilityOkStat,
        f.responsibilityAgencies,
        f.implementation,
        status,
        f.titleEn,
        f.descriptionEn,
        f.purposeEn,
        f.responsibilityMinistryEn,
        f.responsibilityOkStatEn,
        f.responsibilityAgenciesEn,
        f.implementationEn,
      ],
    );
    await m.query(`INSERT INTO plan_measure_owner (measure_id, user_id) VALUES ($1, $2)`, [id, kari]);
    if (position === 2) await m.query(`INSERT INTO plan_measure_owner (measure_id, user_id) VALUES ($1, $2)`, [id, ola]);
    for (const x of milestones)
      await m.query(`INSERT INTO plan_milestone (measure_id, title, title_en, due_date, done_at) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        x.title,
        x.titleEn,
        x.dueDate,
        x.doneOn ? at(x.doneOn, '15:00') : null,
      ]);
    for (const [i, cr] of measure.criteria.entries()) {
      // Manual criteria: ticked once their day has passed; those without a day from October, all but the measure's last.
      const last = i === measure.criteria.length - 1;
      const tickedOn =
        cr.kind !== CriterionKind.MANUAL
          ? null
          : cr.dueDate
            ? milestoneDoneOn(cr.dueDate, today)
            : !last && today >= `${year}-10-01`
              ? `${year}-10-01`
              : null;
      await m.query(
        `INSERT INTO plan_criterion (measure_id, position, kind, label, label_en, due_date, threshold, checked, comment, checked_by_user_id, checked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          i + 1,
          cr.kind,
          cr.label,
          cr.labelEn,
          cr.dueDate,
          cr.threshold,
          tickedOn !== null,
          tickedOn ? 'Gjennomgått i nettverket.' : '',
          tickedOn ? kari : null,
          tickedOn ? at(tickedOn, '12:00') : null,
        ],
      );
    }
  }
  const days = bilateralMeetingDays(year, today, MEETINGS_ON_TIME.length);
  const meetings: [string, IsoDate | null][] = [
    ...MEETINGS_ON_TIME.map((n, i): [string, IsoDate | null] => [n, days.onTime[i]]),
    [MEETING_LATE, days.late],
  ];
  for (const [name, heldOn] of meetings) {
    if (!heldOn) continue;
    const a = agency(name);
    await m.query(
      `INSERT INTO bilateral_meeting (plan_id, agency_id, held_on, participants, notes, target_set, help_requested, recorded_by_user_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        plan,
        a.id,
        heldOn,
        'HR-sjef, faglig leder og Kari Nordmann (KDD)',
        `Gikk gjennom lærlingordningen og hvilke lærefag ${name} kan ta inn.`,
        a.target,
        a.apprentices.length ? '' : 'Hjelp fra OK stat til å finne et lærefag som passer',
        kari,
      ],
    );
  }

  // ——— Gatherings: the staff series since August, and the apprentices' own ———
  const season = seasonYear(today);
  const answerAll = async (
    gatheringId: string,
    date: IsoDate,
    startsAt: Date,
    phase: GatheringPhase,
    invitees: { id: string; agencyId: string | null }[],
  ) => {
    for (const [i, p] of invitees.entries()) {
      // Held: most said yes and came; one said no, one stayed away. Sent: some have answered (Emma not yet).
      const state =
        phase === GatheringPhase.HELD ? (i % 6 === 5 ? 'NO' : 'YES') : p.id === emma || i % 3 === 1 ? null : i % 3 === 2 ? 'NO' : 'YES';
      if (!state) continue;
      const checkedIn =
        phase === GatheringPhase.HELD && state === 'YES' && i % 7 !== 3 ? new Date(startsAt.getTime() + (5 + i) * 60_000) : null;
      const answeredOn = addDays(date, -(3 + (i % 5)));
      await m.query(
        `INSERT INTO gathering_rsvp (gathering_id, user_id, agency_id, state, answered_at, checked_in_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [gatheringId, p.id, p.agencyId, state, at(answeredOn < today ? answeredOn : today, '08:30'), checkedIn],
      );
    }
  };
  const live = async (g: {
    id: string;
    date: IsoDate;
    startsAt: Date;
    month: string;
    invitees: { id: string; agencyId: string | null }[];
    host: string | null;
  }) => {
    const phase = gatheringPhase(g.date, today);
    const th = THEMES[g.month];
    const place =
      g.host === DIGDIR
        ? 'Digdir, Grev Wedels plass 9, Oslo'
        : g.host === STATSBYGG
          ? 'Statsbygg, Biskop Gunnerus gate 6, Oslo'
          : 'Departementenes sikkerhets- og serviceorganisasjon, Akersgata 59, Oslo';
    await m.query(`UPDATE gathering SET theme = $2, agenda = $3, place = $4, host_agency_id = $5 WHERE id = $1`, [
      g.id,
      th?.theme ?? '',
      th ? `10:00 Velkommen\n10:15 ${th.theme}\n12:00 Lunsj\n12:45 Erfaringsdeling\n13:45 Oppsummering` : '',
      place,
      g.host ? agency(g.host).id : null,
    ]);
    if (phase === GatheringPhase.PLANNED) return;
    await m.query(`UPDATE gathering SET status = 'PUBLISHED', detached = true, minutes = $2 WHERE id = $1`, [
      g.id,
      phase === GatheringPhase.HELD ? (th?.minutes ?? 'Erfaringsdeling mellom lærlingene.') : '',
    ]);
    await answerAll(g.id, g.date, g.startsAt, phase, g.invitees);
    if (phase === GatheringPhase.HELD && th) {
      const due = addDays(g.date, 21);
      await m.query(
        `INSERT INTO gathering_action (gathering_id, text, owner, due_date, done, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [g.id, th.action, 'Kari Nordmann', due, due < today, at(g.date, '15:00')],
      );
    }
  };
  const occurrences: { id: string; rule_date: string; starts_at: Date }[] = await m.query(
    `SELECT id, rule_date::text, starts_at FROM gathering WHERE series_id = $1 ORDER BY starts_at`,
    [c.staffSeriesId],
  );
  for (const [i, o] of occurrences.entries()) {
    const date = o.starts_at.toISOString().slice(0, 10);
    await live({
      id: o.id,
      date,
      startsAt: o.starts_at,
      month: o.rule_date.slice(5, 7),
      invitees: staff,
      host: [DIGDIR, STATSBYGG, DSS][i % 3],
    });
  }
  const apprenticeInvitees = [{ id: ola, agencyId: agency(DIGDIR).id }, ...apprentices];
  for (const [month, y] of [
    [9, season],
    [3, season + 1],
  ] as const) {
    const date = nthWeekday(y, month, 4, 3);
    const startsAt = at(date, '12:00');
    const id = await insertId(
      m,
      `INSERT INTO gathering (area_id, audience, title, starts_at, ends_at) VALUES ($1, 'APPRENTICE', 'Lærlingtreff', $2, $3) RETURNING id`,
      [areaId, startsAt, at(date, '15:00')],
    );
    await live({ id, date, startsAt, month: `A${String(month).padStart(2, '0')}`, invitees: apprenticeInvitees, host: DIGDIR });
  }

  // ——— The pool: events from the agencies, with shifts and sign-ups ———
  const signup = async (
    shiftId: string,
    who: { id: string; agencyId: string },
    state: 'APPROVED' | 'PENDING',
    on: IsoDate,
    extra: { attendance?: 'PRESENT' | 'NO_SHOW'; hours?: number; origin?: 'ASSIGNED' } = {},
  ) => {
    const decided = state === 'APPROVED' ? (coordinatorOf.get(who.agencyId) ?? kari) : null;
    await m.query(
      `INSERT INTO shift_signup (shift_id, user_id, agency_id, state, origin, decided_by_user_id, decided_at, attendance, hours, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        shiftId,
        who.id,
        who.agencyId,
        state,
        extra.origin ?? 'SIGNUP',
        decided,
        decided ? at(addDays(on, 1), '09:00') : null,
        extra.attendance ?? null,
        extra.hours ?? null,
        at(on, '10:00'),
      ],
    );
  };
  const event = async (e: {
    host: string;
    title: string;
    kind: string;
    place: string;
    day: number;
    description: string;
    status: string;
    comment?: string;
    feedback?: string;
    shifts: [string, string, number, string][];
  }) => {
    const date = addDays(today, e.day);
    const registered = addDays(today, Math.min(e.day - 30, -5));
    const id = await insertId(
      m,
      `INSERT INTO pooled_event (area_id, agency_id, created_by_user_id, title, kind, place, starts_on, ends_on, description, signup_deadline, status, review_comment, reviewed_at, feedback, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        areaId,
        agency(e.host).id,
        coordinatorOf.get(agency(e.host).id) ?? kari,
        e.title,
        e.kind,
        e.place,
        date,
        e.description,
        at(addDays(date, -3), '16:00'),
        e.status,
        e.comment ?? '',
        e.status === 'SUBMITTED' ? null : at(addDays(registered, 2), '11:00'),
        e.feedback ?? '',
        at(registered, '10:00'),
      ],
    );
    const shifts: string[] = [];
    for (const [from, to, places, tasks] of e.shifts) {
      shifts.push(
        await insertId(
          m,
          `INSERT INTO event_shift (event_id, starts_at, ends_at, tasks, places) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [id, at(date, from), at(date, to), tasks, places],
        ),
      );
    }
    return { shifts, signupOn: addDays(registered, 4) };
  };
  const conference = await event({
    host: DIGDIR,
    title: 'Digitaliseringskonferansen',
    kind: 'EVENT',
    place: 'Oslo Kongressenter',
    day: -40,
    status: 'APPROVED',
    feedback: FEEDBACK,
    description: 'Digdirs årlige konferanse. Lærlingene tar imot deltakerne og hjelper til i salene.',
    shifts: [
      ['08:00', '12:00', 3, 'Registrering og garderobe'],
      ['12:00', '16:00', 3, 'Teknisk hjelp i salene'],
    ],
  });
  await signup(conference.shifts[0], apprentices[0], 'APPROVED', conference.signupOn, { attendance: 'PRESENT' });
  await signup(conference.shifts[0], statsbygg1, 'APPROVED', conference.signupOn, { attendance: 'PRESENT', hours: 3.5 });
  await signup(conference.shifts[1], digdir2, 'APPROVED', conference.signupOn, { attendance: 'PRESENT', origin: 'ASSIGNED' });
  await signup(conference.shifts[1], kartverket1, 'APPROVED', conference.signupOn, { attendance: 'NO_SHOW' });
  const course = await event({
    host: STATSBYGG,
    title: 'Kurs i klarspråk for nyansatte',
    kind: 'COURSE',
    place: 'Statsbygg, Biskop Gunnerus gate 6',
    day: -12,
    status: 'APPROVED',
    description: 'Lærlingene rigger rommet og tar imot kursdeltakerne.',
    shifts: [['09:00', '15:00', 2, 'Rigging, vertskap og opprydding']],
  });
  await signup(course.shifts[0], dss1, 'APPROVED', course.signupOn, { attendance: 'PRESENT', hours: 5.5 });
  await signup(course.shifts[0], ministry1, 'APPROVED', course.signupOn, { attendance: 'PRESENT' });
  const seminar = await event({
    host: STATSBYGG,
    title: 'Seminar om bærekraftige bygg',
    kind: 'SEMINAR',
    place: 'Statsbygg, Biskop Gunnerus gate 6',
    day: 12,
    status: 'APPROVED',
    description: 'Halvdagsseminar for byggforvaltere i staten.',
    shifts: [
      ['08:30', '11:30', 2, 'Registrering og vertskap'],
      ['11:30', '14:30', 2, 'Lunsj og opprydding'],
    ],
  });
  await signup(seminar.shifts[0], apprentices[0], 'APPROVED', seminar.signupOn);
  await signup(seminar.shifts[0], statsbygg1, 'APPROVED', seminar.signupOn);
  await signup(seminar.shifts[1], digdir2, 'PENDING', seminar.signupOn);
  const election = await event({
    host: 'Valgdirektoratet',
    title: 'Opplæring av valgmedarbeidere',
    kind: 'ELECTION',
    place: 'Valgdirektoratet, Tønsberg',
    day: 30,
    status: 'APPROVED',
    description: 'Lærlingene hjelper til med opplæringen i valgsystemet EVA.',
    shifts: [
      ['09:00', '12:00', 2, 'Brukerstøtte i opplæringen'],
      ['12:30', '15:30', 2, 'Brukerstøtte i opplæringen'],
    ],
  });
  await signup(election.shifts[0], dss1, 'PENDING', election.signupOn);
  await event({
    host: DSS,
    title: 'Sikkerhetsdagen i regjeringskvartalet',
    kind: 'EVENT',
    place: 'Akersgata 59, Oslo',
    day: 45,
    status: 'SUBMITTED',
    description: 'Stands om informasjonssikkerhet for de ansatte.',
    shifts: [['10:00', '14:00', 4, 'Vertskap på standene']],
  });
  await event({
    host: DIGDIR,
    title: 'Lunsjseminar om universell utforming',
    kind: 'SEMINAR',
    place: 'Digdir, Grev Wedels plass 9',
    day: 25,
    status: 'RETURNED',
    comment: 'Skriv hva lærlingene skal gjøre på vakten, så godkjenner vi det.',
    description: 'Lunsjseminar for ansatte.',
    shifts: [['11:00', '13:00', 2, '']],
  });

  // ——— Competence apprentices and the help they are asked for ———
  const subject = async (name: string, description: string, who: { id: string }[]) => {
    const id = await insertId(m, `INSERT INTO competence_subject (area_id, name, description) VALUES ($1, $2, $3) RETURNING id`, [
      areaId,
      name,
      description,
    ]);
    for (const u of who) await m.query(`INSERT INTO competence_apprentice (subject_id, user_id) VALUES ($1, $2)`, [id, u.id]);
    return id;
  };
  const sharepoint = await subject('SharePoint', 'Teamområder, dokumentbibliotek og tilgangsstyring.', [apprentices[0], statsbygg1]);
  const video = await subject('Videokonferanse', 'Teams-møter og videoutstyret i møterommene.', [digdir2, dss1]);
  await subject('Universell utforming', 'Tilgjengelige dokumenter og presentasjoner.', []);
  const help = async (
    subjectId: string,
    requester: string,
    description: string,
    daysAgo: number,
    taken: { by: string; daysAgo: number } | null,
    closed: { note: string; daysAgo: number } | null,
  ) => {
    const status = closed ? 'CLOSED' : taken ? 'TAKEN' : 'OPEN';
    await m.query(
      `INSERT INTO help_request (area_id, subject_id, requester_user_id, description, status, taken_by_user_id, taken_at, closed_at, closing_note, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        areaId,
        subjectId,
        requester,
        description,
        status,
        taken?.by ?? null,
        taken ? at(addDays(today, -taken.daysAgo), '10:00') : null,
        closed ? at(addDays(today, -closed.daysAgo), '14:00') : null,
        closed?.note ?? '',
        at(addDays(today, -daysAgo), '09:00'),
      ],
    );
  };
  await help(sharepoint, ingrid, 'Vi trenger et teamområde for lærlingene i Statsbygg, med riktige tilganger.', 2, null, null);
  await help(video, kari, 'Møterommet i 5. etasje kobler ikke til Teams-møter.', 3, { by: digdir2.id, daysAgo: 1 }, null);
  await help(
    sharepoint,
    ola,
    'Opplæring i versjonshistorikk for saksbehandlerne.',
    24,
    { by: emma, daysAgo: 22 },
    { note: 'Holdt en halvtimes opplæring for åtte saksbehandlere.', daysAgo: 20 },
  );
  await help(
    video,
    coordinatorOf.get(agency(HUSBANKEN).id)!,
    'Hjelp til hybridmøte med regionkontorene.',
    38,
    { by: dss1.id, daysAgo: 37 },
    { note: 'Satte opp møterommet og testet lyden sammen med dem.', daysAgo: 35 },
  );

  // ——— December: the agencies' reports on the year ———
  const reports = reportDays(defaultSummaryDates(year), today, 4);
  if (reports.open) {
    const trade = (code: string) => c.tradeIds.get(code)!;
    const texts: [string, string[], number][] = [
      [STATSBYGG, [trade('byggdrifter')], 8],
      [DSS, [trade('sikkerhet'), trade('ikt-service')], 10],
      [KARTVERKET, [trade('ikt-service')], 6],
      [HUSBANKEN, [trade('kontor-og-administrasjon')], 3],
      [DIGDIR, [trade('mediegrafiker'), trade('ikt-service')], 10],
      [NKOM, [trade('kokk')], 3],
    ];
    for (const [i, [name, trades, target]] of texts.entries()) {
      const submittedOn = reports.submittedOn[i] ?? null;
      const writer = coordinatorOf.get(agency(name).id)!;
      await m.query(
        `INSERT INTO agency_report (area_id, agency_id, year, year_in_review, what_worked, challenges, next_year_trade_ids, next_year_trades_note, target_next_year, submitted_at, submitted_by_user_id, updated_by_user_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8, $9, $10, $11, $12, $13)`,
        [
          areaId,
          agency(name).id,
          year,
          `Et godt år for lærlingene i ${name}.`,
          submittedOn ? 'Nettverkssamlingene og arrangementene i poolen.' : '',
          submittedOn ? 'Å finne nok faglige ledere.' : '',
          trades,
          '',
          target,
          submittedOn ? at(submittedOn, '14:00') : null,
          submittedOn ? writer : null,
          writer,
          at(earliest(defaultSummaryDates(year).opensOn, today), '09:00'),
        ],
      );
    }
  }
}
