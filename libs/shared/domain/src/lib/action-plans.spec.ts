import {
  CriterionKind,
  CriterionStatus,
  dueForDigest,
  evaluateCriterion,
  milestoneStatus,
  MilestoneStatus,
  networkCriteria,
  PILOT_GATHERING_CRITERIA,
  pilotCriterionInput,
  PlanFacts,
  weekStart,
} from '../index';

const agencies = [
  { id: 'kdd', name: 'Kommunal- og distriktsdepartementet', isMinistry: true, hasApprentices: true },
  { id: 'digdir', name: 'Digdir', isMinistry: false, hasApprentices: true },
  { id: 'statsbygg', name: 'Statsbygg', isMinistry: false, hasApprentices: true },
  { id: 'husbanken', name: 'Husbanken', isMinistry: false, hasApprentices: false },
];
const facts = (over: Partial<PlanFacts> = {}): PlanFacts => ({
  year: 2026,
  today: '2026-09-15',
  agencies,
  meetings: [],
  agenciesWithTarget: [],
  gatherings: [],
  agenciesWithPooledEvents: null,
  ...over,
});
const c = (kind: CriterionKind, dueDate: string | null = null, threshold: number | null = null, checked = false) => ({
  kind,
  dueDate,
  threshold,
  checked,
});

describe('milestones', () => {
  it('is overdue after its day, due soon within 14 days, upcoming after that', () => {
    expect(milestoneStatus({ dueDate: '2026-06-30', done: false }, '2026-07-01')).toBe(MilestoneStatus.OVERDUE);
    expect(milestoneStatus({ dueDate: '2026-07-01', done: false }, '2026-07-01')).toBe(MilestoneStatus.DUE_SOON);
    expect(milestoneStatus({ dueDate: '2026-07-15', done: false }, '2026-07-01')).toBe(MilestoneStatus.DUE_SOON);
    expect(milestoneStatus({ dueDate: '2026-07-16', done: false }, '2026-07-01')).toBe(MilestoneStatus.UPCOMING);
    expect(milestoneStatus({ dueDate: '2026-01-01', done: true }, '2026-07-01')).toBe(MilestoneStatus.DONE);
  });
  it('puts overdue and soon-due milestones in the digest, earliest first, never done ones', () => {
    const ms = [
      { id: 'later', dueDate: '2026-08-31', done: false },
      { id: 'soon', dueDate: '2026-06-30', done: false },
      { id: 'overdue', dueDate: '2026-04-30', done: false },
      { id: 'done', dueDate: '2026-05-01', done: true },
    ];
    expect(dueForDigest(ms, '2026-06-22').map((m) => m.id)).toEqual(['overdue', 'soon']);
  });
  it('finds the Monday of the week', () => {
    expect(weekStart('2026-06-22')).toBe('2026-06-22');
    expect(weekStart('2026-06-28')).toBe('2026-06-22');
    expect(weekStart('2026-01-01')).toBe('2025-12-29');
  });
});

describe('computed follow-up criteria', () => {
  it('bilateral meetings: every agency but the ministry, held by the due date, and names who is missing', () => {
    const f = facts({ today: '2026-06-01', meetings: [{ agencyId: 'digdir', heldOn: '2026-05-20' }] });
    const r = evaluateCriterion(c(CriterionKind.BILATERAL_MEETINGS, '2026-07-01'), f);
    expect(r).toEqual({
      status: CriterionStatus.IN_PROGRESS,
      value: 1,
      required: 3,
      missing: [
        { id: 'husbanken', name: 'Husbanken' },
        { id: 'statsbygg', name: 'Statsbygg' },
      ],
      late: [],
    });
    const late = evaluateCriterion(c(CriterionKind.BILATERAL_MEETINGS, '2026-07-01'), { ...f, today: '2026-07-02' });
    expect(late.status).toBe(CriterionStatus.NOT_MET);
    const all = facts({ meetings: ['digdir', 'statsbygg', 'husbanken'].map((agencyId) => ({ agencyId, heldOn: '2026-06-30' })) });
    expect(evaluateCriterion(c(CriterionKind.BILATERAL_MEETINGS, '2026-07-01'), all).status).toBe(CriterionStatus.MET);
    // A meeting after the due date does not count towards it, but it is told as held late, not missing.
    const tooLate = facts({
      today: '2026-11-20',
      meetings: [
        { agencyId: 'digdir', heldOn: '2026-06-30' },
        { agencyId: 'husbanken', heldOn: '2026-11-20' },
      ],
    });
    expect(evaluateCriterion(c(CriterionKind.BILATERAL_MEETINGS, '2026-07-01'), tooLate)).toEqual({
      status: CriterionStatus.NOT_MET,
      value: 1,
      required: 3,
      missing: [{ id: 'statsbygg', name: 'Statsbygg' }],
      late: [{ id: 'husbanken', name: 'Husbanken', on: '2026-11-20' }],
    });
  });
  it('targets: every agency, the ministry included', () => {
    const r = evaluateCriterion(c(CriterionKind.TARGETS_SET), facts({ agenciesWithTarget: ['digdir', 'statsbygg', 'husbanken'] }));
    expect(r).toMatchObject({ status: CriterionStatus.IN_PROGRESS, value: 3, required: 4, missing: [{ id: 'kdd' }] });
    expect(evaluateCriterion(c(CriterionKind.TARGETS_SET), facts({ agenciesWithTarget: agencies.map((a) => a.id) })).status).toBe(
      CriterionStatus.MET,
    );
  });
  it('first gathering: counts only gatherings whose day has come, by the due date', () => {
    const planned = facts({ today: '2026-08-01', gatherings: [{ date: '2026-08-27', participantAgencyIds: [] }] });
    expect(evaluateCriterion(c(CriterionKind.FIRST_GATHERING, '2026-08-31'), planned).status).toBe(CriterionStatus.IN_PROGRESS);
    expect(evaluateCriterion(c(CriterionKind.FIRST_GATHERING, '2026-08-31'), { ...planned, today: '2026-08-28' }).status).toBe(
      CriterionStatus.MET,
    );
    const september = facts({ gatherings: [{ date: '2026-09-10', participantAgencyIds: [] }] });
    expect(evaluateCriterion(c(CriterionKind.FIRST_GATHERING, '2026-08-31'), september).status).toBe(CriterionStatus.NOT_MET);
  });
  it('gatherings held: at least the threshold in the year', () => {
    const two = facts({
      today: '2027-01-05',
      gatherings: ['2025-11-01', '2026-03-01', '2026-10-01'].map((date) => ({ date, participantAgencyIds: [] })),
    });
    expect(evaluateCriterion(c(CriterionKind.GATHERINGS_HELD, null, 3), two)).toMatchObject({
      status: CriterionStatus.NOT_MET,
      value: 2,
      required: 3,
    });
    expect(evaluateCriterion(c(CriterionKind.GATHERINGS_HELD, null, 2), two).status).toBe(CriterionStatus.MET);
    expect(evaluateCriterion(c(CriterionKind.GATHERINGS_HELD, null, 3), { ...two, today: '2026-11-01' }).status).toBe(
      CriterionStatus.IN_PROGRESS,
    );
  });
  it('participants: every agency with apprentices took part in a gathering held', () => {
    const f = facts({
      gatherings: [
        { date: '2026-09-01', participantAgencyIds: ['digdir', 'kdd'] },
        { date: '2026-12-01', participantAgencyIds: ['statsbygg'] },
      ],
    });
    expect(evaluateCriterion(c(CriterionKind.PARTICIPANTS_FROM_AGENCIES), f)).toMatchObject({
      value: 2,
      required: 3,
      missing: [{ name: 'Statsbygg' }],
    });
    expect(evaluateCriterion(c(CriterionKind.PARTICIPANTS_FROM_AGENCIES), { ...f, today: '2026-12-01' }).status).toBe(CriterionStatus.MET);
  });
  it('pooled events: unavailable without the pool, otherwise every agency', () => {
    expect(evaluateCriterion(c(CriterionKind.EVENTS_REPORTED), facts()).status).toBe(CriterionStatus.UNAVAILABLE);
    expect(evaluateCriterion(c(CriterionKind.EVENTS_REPORTED), facts({ agenciesWithPooledEvents: ['digdir'] }))).toMatchObject({
      value: 1,
      required: 4,
    });
  });
  it('manual: met when ticked', () => {
    expect(evaluateCriterion(c(CriterionKind.MANUAL, '2026-04-30', null, true), facts()).status).toBe(CriterionStatus.MET);
    expect(evaluateCriterion(c(CriterionKind.MANUAL, '2026-04-30'), facts()).status).toBe(CriterionStatus.NOT_MET);
    expect(evaluateCriterion(c(CriterionKind.MANUAL), facts()).status).toBe(CriterionStatus.IN_PROGRESS);
  });
});

describe("the pilot's gathering criteria, defined once", () => {
  const gatherings = [
    { date: '2026-03-12', participantAgencyIds: ['digdir'] },
    { date: '2026-09-17', participantAgencyIds: ['statsbygg'] },
    { date: '2026-11-19', participantAgencyIds: ['kdd'] },
  ];
  const withApprentices = agencies.filter((a) => a.hasApprentices);

  it('counts gatherings from a day on where the criterion has one (September–December), and only those held', () => {
    const sepDec = PILOT_GATHERING_CRITERIA.find((x) => x.key === 'AT_LEAST_TWO_SEP_DEC')!;
    const input = pilotCriterionInput(sepDec, 2026);
    expect(input).toEqual({ kind: CriterionKind.GATHERINGS_HELD, dueDate: null, from: '2026-09-01', threshold: 2, checked: false });
    expect(evaluateCriterion(input, facts({ today: '2026-10-20', gatherings }))).toMatchObject({
      status: CriterionStatus.IN_PROGRESS,
      value: 1,
    });
    expect(evaluateCriterion(input, facts({ today: '2026-12-31', gatherings }))).toMatchObject({ status: CriterionStatus.MET, value: 2 });
  });

  it('the network page judges them as the plan judges the same criteria, on any day', () => {
    for (const today of ['2026-03-11', '2026-08-31', '2026-10-20', '2026-12-31']) {
      const held = gatherings.filter((g) => g.date <= today);
      const page = networkCriteria({ year: 2026, gatherings: held, agenciesWithApprentices: withApprentices, asOf: today });
      const plan = PILOT_GATHERING_CRITERIA.map((x) => evaluateCriterion(pilotCriterionInput(x, 2026), facts({ today, gatherings })));
      expect(page.map((p) => [p.key, p.met, p.value, p.required, p.missing])).toEqual(
        plan.map((e, i) => [
          PILOT_GATHERING_CRITERIA[i].key,
          e.status === CriterionStatus.MET,
          e.value,
          e.required,
          e.missing.map((m) => m.name),
        ]),
      );
    }
  });

  it('has a bokmål and an English label for each', () => {
    for (const x of PILOT_GATHERING_CRITERIA) {
      expect(x.label.nb.length).toBeGreaterThan(10);
      expect(x.label.en.length).toBeGreaterThan(10);
      expect(x.label.en).not.toBe(x.label.nb);
    }
  });
});
