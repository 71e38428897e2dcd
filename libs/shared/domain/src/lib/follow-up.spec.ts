import fc from 'fast-check';
import {
  addDays,
  AfterTermination,
  CellDisclosure,
  cellDisclosureText,
  CountyContactChannel,
  ExternalParticipantRole,
  FOLLOW_UP_PROBLEM_TEXTS,
  followUpErasureDay,
  followUpOpeningProblems,
  followUpOrderProblem,
  FollowUpConcern,
  FollowUpParticipantRole,
  FollowUpProblemCode,
  followUpProblemText,
  FollowUpStepContext,
  FollowUpStepKind,
  followUpStepProblems,
  FollowUpStepRecord,
  forApprentice,
  isDueForErasure,
  isFollowUpClosed,
  monthPeriodLastDay,
  nextFollowUpSteps,
  rightToEducationNormallyKept,
  suppressForPublication,
  suppressSmallCounts,
  SuppressionOptions,
  TerminationCause,
  TerminationMode,
  terminationPhase,
  TerminationPhase,
} from '../index';

/** Runs per property: modest in CI; more locally with FOLLOW_UP_RUNS=5000. */
const RUNS = Number(process.env['FOLLOW_UP_RUNS'] ?? 150);
const K = FollowUpStepKind;
const R = FollowUpParticipantRole;
const P = FollowUpProblemCode;

const day = (from: string, n: number) => addDays(from, n);
const daysFrom = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
const dateArb = fc.integer({ min: 0, max: 365 * 50 }).map((n) => day('1990-01-01', n));

// ---------------------------------------------------------------- the order of the steps

describe('the order of the steps', () => {
  it('starts with the concern talk, and closes after a resolution or a termination', () => {
    expect(nextFollowUpSteps([])).toEqual([K.CONCERN_TALK]);
    expect(nextFollowUpSteps([K.CONCERN_TALK])).toEqual([K.CONCERN_TALK, K.FOLLOW_UP_MEETING, K.RESOLUTION]);
    expect(nextFollowUpSteps([K.CONCERN_TALK, K.FOLLOW_UP_MEETING, K.FOLLOW_UP_PLAN])).toEqual([
      K.FOLLOW_UP_MEETING,
      K.RESOLUTION,
      K.TERMINATION,
    ]);
    expect(isFollowUpClosed([K.CONCERN_TALK, K.RESOLUTION])).toBe(true);
    expect(isFollowUpClosed([K.CONCERN_TALK, K.FOLLOW_UP_MEETING, K.TERMINATION])).toBe(true);
    expect(isFollowUpClosed([K.CONCERN_TALK])).toBe(false);
  });

  it('names what is wrong: a skipped step, or a closed case', () => {
    expect(followUpOrderProblem([], K.FOLLOW_UP_MEETING)).toEqual({ code: P.STEP_OUT_OF_ORDER, field: 'kind' });
    expect(followUpOrderProblem([], K.RESOLUTION)?.code).toBe(P.STEP_OUT_OF_ORDER);
    expect(followUpOrderProblem([K.CONCERN_TALK], K.FOLLOW_UP_PLAN)?.code).toBe(P.STEP_OUT_OF_ORDER);
    expect(followUpOrderProblem([K.CONCERN_TALK], K.TERMINATION)?.code).toBe(P.STEP_OUT_OF_ORDER);
    expect(followUpOrderProblem([K.CONCERN_TALK, K.FOLLOW_UP_MEETING, K.FOLLOW_UP_PLAN], K.FOLLOW_UP_PLAN)?.code).toBe(P.STEP_OUT_OF_ORDER);
    expect(followUpOrderProblem([K.CONCERN_TALK, K.RESOLUTION], K.CONCERN_TALK)?.code).toBe(P.CASE_CLOSED);
    expect(followUpOrderProblem([K.CONCERN_TALK, K.FOLLOW_UP_MEETING, K.FOLLOW_UP_PLAN], K.FOLLOW_UP_MEETING)).toBeNull();
  });

  /** The ladder in words, written apart from the table: what each step needs before it. */
  const mayFollow = (before: readonly FollowUpStepKind[], next: FollowUpStepKind): boolean => {
    const last = before[before.length - 1];
    if (last === K.RESOLUTION || last === K.TERMINATION) return false;
    switch (next) {
      case K.CONCERN_TALK:
        return last === undefined || last === K.CONCERN_TALK;
      case K.FOLLOW_UP_MEETING:
        return last !== undefined;
      case K.FOLLOW_UP_PLAN:
        return last === K.FOLLOW_UP_MEETING;
      case K.RESOLUTION:
        return last !== undefined;
      case K.TERMINATION:
        return last === K.FOLLOW_UP_MEETING || last === K.FOLLOW_UP_PLAN;
    }
  };

  it('accepts exactly the sequences the ladder allows, and none that skips a step (property)', () => {
    const kinds = Object.values(K);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...kinds), { maxLength: 8 }), (seq) => {
        let accepted = true;
        for (let n = 0; n < seq.length && accepted; n++) {
          const ok = followUpOrderProblem(seq.slice(0, n), seq[n]) === null;
          expect(ok).toBe(mayFollow(seq.slice(0, n), seq[n]));
          accepted = ok;
        }
        if (!accepted) return;
        // Nothing skipped: a meeting only after a talk, a plan or a termination only after a meeting.
        seq.forEach((k, n) => {
          const before = seq.slice(0, n);
          if (k === K.FOLLOW_UP_MEETING || k === K.RESOLUTION) expect(before).toContain(K.CONCERN_TALK);
          if (k === K.FOLLOW_UP_PLAN || k === K.TERMINATION) expect(before).toContain(K.FOLLOW_UP_MEETING);
          if (n < seq.length - 1) expect([K.RESOLUTION, K.TERMINATION]).not.toContain(k);
        });
      }),
      { numRuns: RUNS * 4 },
    );
  });
});

// ---------------------------------------------------------------- what each step records

const APPRENTICE = { role: R.APPRENTICE, userId: 'u-apprentice' };
const LEADER = { role: R.PROFESSIONAL_LEADER, userId: 'u-leader' };
const COORDINATOR = { role: R.COORDINATOR, userId: 'u-coordinator' };
const TODAY = '2025-10-20';

const ctx = (previous: FollowUpStepKind[], lastDate = '2025-09-10'): FollowUpStepContext => ({
  today: TODAY,
  openedOn: '2025-09-01',
  previous: previous.map((kind) => ({ kind, date: lastDate })),
  contractStart: '2025-08-15',
});

const base = {
  date: '2025-10-01',
  participants: [APPRENTICE, LEADER],
  externalParticipants: [],
  summary: 'Vi snakket om fraværet.',
  actions: [{ description: 'Møte presis hver dag', ownerUserId: APPRENTICE.userId, deadline: '2025-10-31' }],
  nextMeetingOn: '2025-10-15',
  internalNote: 'Leder bekymret for hjemmesituasjonen.',
};

const talk: FollowUpStepRecord = { ...base, kind: K.CONCERN_TALK };
const meeting: FollowUpStepRecord = {
  ...base,
  kind: K.FOLLOW_UP_MEETING,
  participants: [APPRENTICE, COORDINATOR],
  externalParticipants: [
    { role: ExternalParticipantRole.OMBUD, name: 'Kari Ombud' },
    { role: ExternalParticipantRole.OTHER, name: 'Per Hansen', roleText: 'Trener i idrettslaget' },
  ],
  countyAdviserInformed: { on: '2025-09-29', how: CountyContactChannel.PHONE },
  trustedPersonInvited: true,
};
const plan: FollowUpStepRecord = {
  ...base,
  kind: K.FOLLOW_UP_PLAN,
  actions: [
    { description: 'Legetime', ownerName: 'Fastlege', deadline: '2025-10-10' },
    { description: 'Ukentlig oppfølging', ownerUserId: LEADER.userId, deadline: '2025-11-30' },
  ],
  interruption: { startsOn: '2025-10-06', countyNotifiedOn: '2025-10-03' },
  agreement: { agreedOn: '2025-10-02', agreedBy: [APPRENTICE, LEADER] },
};
const resolution: FollowUpStepRecord = { ...base, kind: K.RESOLUTION, actions: [], nextMeetingOn: null };
const termination: FollowUpStepRecord = {
  ...base,
  kind: K.TERMINATION,
  actions: [],
  nextMeetingOn: null,
  mode: TerminationMode.BY_AGREEMENT,
  terminatedOn: '2025-10-31',
  causes: [TerminationCause.WRONG_TRADE, TerminationCause.OTHER],
  causeText: 'Flytter',
  afterwards: AfterTermination.SCHOOL,
  sentToCountyOn: '2025-10-02',
  countyDecidedOn: null,
  agreement: { agreedOn: '2025-10-01', agreedBy: [APPRENTICE, COORDINATOR] },
};

const codes = (step: FollowUpStepRecord, c: FollowUpStepContext) => followUpStepProblems(step, c).map((p) => `${p.code}@${p.field}`);

describe('what each step must record', () => {
  it.each([
    ['concern talk', talk, []],
    ['follow-up meeting', meeting, [K.CONCERN_TALK]],
    ['follow-up plan', plan, [K.CONCERN_TALK, K.FOLLOW_UP_MEETING]],
    ['resolution', resolution, [K.CONCERN_TALK]],
    ['termination', termination, [K.CONCERN_TALK, K.FOLLOW_UP_MEETING]],
  ] as const)('a complete %s has no problems', (_, step, previous) => {
    expect(codes(step, ctx([...previous]))).toEqual([]);
  });

  it('every step: a date neither in the future nor before the previous step, a summary, complete actions and participants', () => {
    const broken = {
      ...talk,
      date: '2025-09-05',
      summary: '  ',
      actions: [
        { description: 'x', deadline: '2025-09-30' },
        { description: 'y', ownerName: 'Ola', deadline: '2025-09-01' },
      ],
      externalParticipants: [
        { role: ExternalParticipantRole.NAV, name: '' },
        { role: ExternalParticipantRole.OTHER, name: 'Anne' },
      ],
      nextMeetingOn: '2025-09-04',
    };
    expect(codes(broken, ctx([K.CONCERN_TALK]))).toEqual([
      'DATE_BEFORE_PREVIOUS@date',
      'SUMMARY_MISSING@summary',
      'EXTERNAL_PARTICIPANT_INCOMPLETE@externalParticipants[0]',
      'EXTERNAL_PARTICIPANT_INCOMPLETE@externalParticipants[1]',
      'ACTION_INCOMPLETE@actions[0]',
      'DEADLINE_BEFORE_STEP@actions[1].deadline',
      'DEADLINE_BEFORE_STEP@nextMeetingOn',
    ]);
    expect(codes({ ...talk, date: '2025-10-21', nextMeetingOn: null }, ctx([]))).toEqual(['DATE_IN_FUTURE@date']);
    expect(codes({ ...talk, date: '2025-02-30' }, ctx([]))).toEqual(['DATE_INVALID@date']);
    expect(codes({ ...talk, date: '2025-08-31' }, ctx([]))).toEqual(['DATE_BEFORE_PREVIOUS@date']);
  });

  it('the concern talk: the apprentice and the professional leader or an instructor', () => {
    expect(codes({ ...talk, participants: [LEADER] }, ctx([]))).toEqual(['APPRENTICE_ABSENT@participants']);
    expect(codes({ ...talk, participants: [APPRENTICE, COORDINATOR] }, ctx([]))).toEqual(['LEADER_ABSENT@participants']);
    expect(codes({ ...talk, participants: [APPRENTICE, { role: R.INSTRUCTOR, userId: 'u-i' }] }, ctx([]))).toEqual([]);
  });

  it('the follow-up meeting: the county adviser informed (when, how), the apprentice invited to bring a person they trust', () => {
    const c = ctx([K.CONCERN_TALK]);
    expect(codes({ ...meeting, countyAdviserInformed: null }, c)).toEqual(['COUNTY_ADVISER_NOT_INFORMED@countyAdviserInformed']);
    expect(codes({ ...meeting, countyAdviserInformed: { on: '2025-10-25', how: CountyContactChannel.EMAIL } }, c)).toEqual([
      'DATE_IN_FUTURE@countyAdviserInformed.on',
    ]);
    expect(codes({ ...meeting, trustedPersonInvited: false }, c)).toEqual(['TRUSTED_PERSON_NOT_INVITED@trustedPersonInvited']);
    expect(codes({ ...meeting, participants: [COORDINATOR] }, c)).toEqual(['APPRENTICE_ABSENT@participants']);
    expect(codes({ ...meeting, participants: [APPRENTICE] }, c)).toEqual(['AGENCY_ABSENT@participants']);
    expect(codes(meeting, ctx([]))).toEqual(['STEP_OUT_OF_ORDER@kind']);
  });

  it('the follow-up plan: actions, a new meeting, the county told of an interruption, signed by both parties', () => {
    const c = ctx([K.CONCERN_TALK, K.FOLLOW_UP_MEETING]);
    expect(codes({ ...plan, actions: [] }, c)).toEqual(['PLAN_WITHOUT_ACTIONS@actions']);
    expect(codes({ ...plan, nextMeetingOn: null }, c)).toEqual(['NEXT_MEETING_MISSING@nextMeetingOn']);
    expect(codes({ ...plan, interruption: { startsOn: '2025-10-06', countyNotifiedOn: null } }, c)).toEqual([
      'INTERRUPTION_COUNTY_NOT_NOTIFIED@interruption.countyNotifiedOn',
    ]);
    expect(codes({ ...plan, interruption: null }, c)).toEqual([]);
    expect(codes({ ...plan, agreement: null }, c)).toEqual(['NOT_AGREED@agreement']);
    expect(codes({ ...plan, agreement: { agreedOn: '2025-10-02', agreedBy: [LEADER] } }, c)).toEqual([
      'NOT_AGREED_BY_BOTH_PARTIES@agreement.agreedBy',
    ]);
    expect(codes({ ...plan, agreement: { agreedOn: '2025-09-30', agreedBy: [APPRENTICE, LEADER] } }, c)).toEqual([
      'DATE_BEFORE_PREVIOUS@agreement.agreedOn',
    ]);
    expect(codes(plan, ctx([K.CONCERN_TALK]))).toEqual(['STEP_OUT_OF_ORDER@kind']);
  });

  it('the termination: causes, sent to the county, signed by both or decided by the county; only after a meeting', () => {
    const c = ctx([K.CONCERN_TALK, K.FOLLOW_UP_MEETING, K.FOLLOW_UP_PLAN]);
    expect(codes({ ...termination, causes: [] }, c)).toEqual(['TERMINATION_CAUSE_MISSING@causes']);
    expect(codes({ ...termination, causeText: null }, c)).toEqual(['TERMINATION_CAUSE_TEXT_MISSING@causeText']);
    expect(codes({ ...termination, causes: [TerminationCause.PERSONAL_HEALTH], causeText: null }, c)).toEqual([]);
    expect(codes({ ...termination, sentToCountyOn: null }, c)).toEqual(['NOT_SENT_TO_COUNTY@sentToCountyOn']);
    expect(codes({ ...termination, terminatedOn: '2025-08-14' }, c)).toEqual(['TERMINATION_BEFORE_CONTRACT_START@terminatedOn']);
    expect(codes({ ...termination, agreement: { agreedOn: '2025-10-01', agreedBy: [APPRENTICE] } }, c)).toEqual([
      'NOT_AGREED_BY_BOTH_PARTIES@agreement.agreedBy',
    ]);
    const byCounty = { ...termination, mode: TerminationMode.BY_COUNTY_DECISION, agreement: null };
    expect(codes(byCounty, c)).toEqual(['COUNTY_DECISION_MISSING@countyDecidedOn']);
    expect(codes({ ...byCounty, countyDecidedOn: '2025-10-10' }, c)).toEqual([]);
    expect(codes(termination, ctx([K.CONCERN_TALK]))).toEqual(['STEP_OUT_OF_ORDER@kind']);
    expect(codes(termination, ctx([K.CONCERN_TALK, K.RESOLUTION]))).toEqual(['CASE_CLOSED@kind']);
  });

  it('opening a case: at least one concern, words for "other serious breach"', () => {
    const open = { openedOn: '2025-09-01', concerns: [FollowUpConcern.HIGH_ABSENCE, FollowUpConcern.SICKNESS], concernText: null };
    expect(followUpOpeningProblems(open, TODAY)).toEqual([]);
    expect(followUpOpeningProblems({ ...open, concerns: [] }, TODAY)).toEqual([{ code: P.CONCERN_MISSING, field: 'concerns' }]);
    expect(followUpOpeningProblems({ ...open, concerns: [FollowUpConcern.OTHER_SERIOUS_BREACH] }, TODAY)).toEqual([
      { code: P.CONCERN_TEXT_MISSING, field: 'concernText' },
    ]);
    expect(followUpOpeningProblems({ ...open, openedOn: '2025-10-21' }, TODAY)).toEqual([{ code: P.DATE_IN_FUTURE, field: 'openedOn' }]);
  });

  it('every problem has a message in both languages', () => {
    for (const code of Object.values(P)) {
      expect(FOLLOW_UP_PROBLEM_TEXTS[code].nb.length).toBeGreaterThan(0);
      expect(FOLLOW_UP_PROBLEM_TEXTS[code].en.length).toBeGreaterThan(0);
    }
    expect(followUpProblemText({ code: P.CASE_CLOSED, field: 'kind' }, 'nb')).toBe('Saken er avsluttet.');
  });

  it('the apprentice sees the step without the staff’s internal note', () => {
    const seen = forApprentice(plan);
    expect(seen).not.toHaveProperty('internalNote');
    expect(seen).toMatchObject({ summary: plan.summary, actions: plan.actions });
  });
});

// ---------------------------------------------------------------- the first three months

describe('the first three months', () => {
  it.each([
    ['2025-01-15', '2025-04-14'],
    ['2025-01-30', '2025-04-29'],
    ['2025-01-31', '2025-04-30'],
    ['2025-02-01', '2025-04-30'],
    ['2024-11-28', '2025-02-27'],
    ['2024-11-29', '2025-02-28'],
    ['2024-11-30', '2025-02-28'],
    ['2023-11-29', '2024-02-28'],
    ['2023-11-30', '2024-02-29'],
    ['2024-12-31', '2025-03-30'],
    ['2025-03-31', '2025-06-30'],
    ['2025-10-31', '2026-01-30'],
  ])('from %s run through %s', (start, last) => {
    expect(monthPeriodLastDay(start, 3)).toBe(last);
    expect(terminationPhase(start, start)).toBe(TerminationPhase.FIRST_THREE_MONTHS);
    expect(terminationPhase(start, last)).toBe(TerminationPhase.FIRST_THREE_MONTHS);
    expect(rightToEducationNormallyKept(start, last)).toBe(true);
    expect(terminationPhase(start, day(last, 1))).toBe(TerminationPhase.LATER);
    expect(rightToEducationNormallyKept(start, day(last, 1))).toBe(false);
  });

  /** Written apart: the first day of the fourth month is the same day-of-month three months on, or the month after that when the third month has no such day. */
  const firstLaterDay = (start: string): string => {
    const [y, m, d] = start.split('-').map(Number);
    let probe = start;
    for (;;) {
      probe = day(probe, 1);
      const [py, pm, pd] = probe.split('-').map(Number);
      const months = (py - y) * 12 + (pm - m);
      if (months > 3 || (months === 3 && pd >= d)) return probe;
    }
  };

  it('lasts 89 to 92 days, agrees with counting day by day, and a termination is early exactly up to its last day (property)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 200 }), (start, offset) => {
        const last = monthPeriodLastDay(start, 3);
        expect(day(last, 1)).toBe(firstLaterDay(start));
        expect(daysFrom(start, last) + 1).toBeGreaterThanOrEqual(89);
        expect(daysFrom(start, last) + 1).toBeLessThanOrEqual(92);
        const ended = day(start, offset);
        expect(terminationPhase(start, ended) === TerminationPhase.FIRST_THREE_MONTHS).toBe(ended <= last);
        // A later start never ends its first months earlier.
        expect(monthPeriodLastDay(day(start, 1), 3) >= last).toBe(true);
      }),
      { numRuns: RUNS * 4 },
    );
  });
});

// ---------------------------------------------------------------- retention

describe('retention', () => {
  const closed = { closedOn: '2024-07-01', contractEndedOn: '2024-06-15' };
  it('erases two years after the contract ended, by default', () => {
    expect(followUpErasureDay(closed)).toBe('2026-06-15');
    expect(followUpErasureDay({ ...closed, contractEndedOn: '2024-02-29', closedOn: '2024-03-01' })).toBe('2026-03-01');
    expect(followUpErasureDay({ ...closed, contractEndedOn: '2023-12-31' })).toBe('2025-12-31');
    expect(followUpErasureDay(closed, 12)).toBe('2025-06-15');
  });
  it('keeps an open case, and a case whose contract still runs; never erases before the case closed', () => {
    expect(followUpErasureDay({ ...closed, closedOn: null })).toBeNull();
    expect(followUpErasureDay({ ...closed, contractEndedOn: null })).toBeNull();
    expect(followUpErasureDay({ closedOn: '2027-01-10', contractEndedOn: '2024-06-15' })).toBe('2027-01-10');
  });
  it('is due from the erasure day on', () => {
    expect(isDueForErasure(closed, '2026-06-14')).toBe(false);
    expect(isDueForErasure(closed, '2026-06-15')).toBe(true);
    expect(isDueForErasure({ ...closed, closedOn: null }, '2099-01-01')).toBe(false);
  });
  it('two years are 730 or 731 days, and later ends are erased no earlier (property)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 40 }), (ended, closeAfter, later) => {
        const c = { contractEndedOn: ended, closedOn: day(ended, closeAfter) };
        const erase = followUpErasureDay(c) as string;
        expect(erase >= c.closedOn).toBe(true);
        if (erase > c.closedOn) expect([730, 731]).toContain(daysFrom(ended, erase));
        const next = followUpErasureDay({ ...c, contractEndedOn: day(ended, later) }) as string;
        expect(next >= erase).toBe(true);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

// ---------------------------------------------------------------- small numbers

/**
 * Brute force, apart from the algorithm: every table of non-negative whole numbers that agrees with
 * what is published (shown cells, the published totals, "under 5" = 0–4, hidden = at least 5),
 * and the values each hidden cell takes in them. Stops early once every cell has two values.
 */
function feasibleValues(
  counts: number[][],
  disclosure: CellDisclosure[][],
  o: { threshold: number; rowTotals: boolean; columnTotals: boolean },
): Map<string, Set<number>> {
  const rows = counts.length;
  const cols = counts[0].length;
  const rowLeft = counts.map((r) => r.reduce((s, v) => s + v, 0));
  const colLeft = counts[0].map((_, j) => counts.reduce((s, r) => s + r[j], 0));
  let totalLeft = rowLeft.reduce((s, v) => s + v, 0);
  const cells: [number, number][] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (disclosure[i][j] === CellDisclosure.SHOWN) {
        rowLeft[i] -= counts[i][j];
        colLeft[j] -= counts[i][j];
        totalLeft -= counts[i][j];
      } else cells.push([i, j]);
    }
  }
  const lastInRow = new Map<number, number>();
  const lastInCol = new Map<number, number>();
  cells.forEach(([i, j], n) => (lastInRow.set(i, n), lastInCol.set(j, n)));
  const values = new Map(cells.map(([i, j]) => [`${i},${j}`, new Set<number>()]));
  const chosen: number[] = [];
  let nodes = 0;
  const settled = () => [...values.values()].every((s) => s.size >= 2);
  const walk = (n: number): boolean => {
    if (++nodes > 3_000_000) throw new Error('table too large for brute force');
    if (n === cells.length) {
      if (totalLeft !== 0) return false;
      if (o.rowTotals && rowLeft.some((v) => v !== 0)) return false;
      if (o.columnTotals && colLeft.some((v) => v !== 0)) return false;
      cells.forEach(([i, j], k) => values.get(`${i},${j}`)?.add(chosen[k]));
      return settled();
    }
    const [i, j] = cells[n];
    const under = disclosure[i][j] === CellDisclosure.UNDER_THRESHOLD;
    let lo = under ? 0 : o.threshold;
    let hi = Math.min(under ? o.threshold - 1 : Infinity, totalLeft);
    if (o.rowTotals) hi = Math.min(hi, rowLeft[i]);
    if (o.columnTotals) hi = Math.min(hi, colLeft[j]);
    if (o.rowTotals && lastInRow.get(i) === n) lo = Math.max(lo, rowLeft[i]);
    if (o.columnTotals && lastInCol.get(j) === n) lo = Math.max(lo, colLeft[j]);
    if (o.rowTotals && lastInRow.get(i) === n) hi = Math.min(hi, rowLeft[i]);
    if (o.columnTotals && lastInCol.get(j) === n) hi = Math.min(hi, colLeft[j]);
    for (let v = lo; v <= hi; v++) {
      chosen[n] = v;
      rowLeft[i] -= v;
      colLeft[j] -= v;
      totalLeft -= v;
      const stop = walk(n + 1);
      rowLeft[i] += v;
      colLeft[j] += v;
      totalLeft += v;
      if (stop) return true;
    }
    return false;
  };
  walk(0);
  return values;
}

const allHidden = (counts: number[][], threshold: number) =>
  counts.map((r) => r.map((v) => (v < threshold ? CellDisclosure.UNDER_THRESHOLD : CellDisclosure.HIDDEN)));
const key = ([i, j]: readonly [number, number]) => `${i},${j}`;

/** Every hidden cell takes two values; each exposed one takes a single value even with every cell hidden. */
function expectSafe(counts: number[][], options: SuppressionOptions = {}) {
  const o = { threshold: options.threshold ?? 5, rowTotals: options.rowTotals ?? true, columnTotals: options.columnTotals ?? true };
  const t = suppressSmallCounts(counts, options);
  const exposed = new Set(t.exposed.map(key));
  const feasible = feasibleValues(counts, t.disclosure, o);
  for (const [cell, vals] of feasible) {
    if (exposed.has(cell)) expect(vals.size).toBe(1);
    else expect({ cell, twoOrMoreValues: vals.size >= 2 }).toEqual({ cell, twoOrMoreValues: true });
  }
  if (exposed.size > 0) {
    const full = feasibleValues(counts, allHidden(counts, o.threshold), o);
    for (const cell of exposed) expect({ cell, values: full.get(cell)?.size }).toEqual({ cell, values: 1 });
  }
  return t;
}

/** Cells bunched at the limits (0, 4, 5, 6) so that the bounds bind. */
const countArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, 4, 5, 5, 6) },
  { weight: 3, arbitrary: fc.integer({ min: 5, max: 9 }) },
);
const tableArb = (maxRows: number, maxCols: number, cell = countArb) =>
  fc
    .record({ rows: fc.integer({ min: 1, max: maxRows }), cols: fc.integer({ min: 1, max: maxCols }) })
    .chain(({ rows, cols }) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));

describe('small-number suppression', () => {
  it('shows a table without small counts as it is, totals included', () => {
    const t = suppressSmallCounts([
      [5, 7],
      [9, 12],
    ]);
    expect(t.shown).toEqual([
      [5, 7],
      [9, 12],
    ]);
    expect(t.rowTotals).toEqual([12, 21]);
    expect(t.columnTotals).toEqual([14, 19]);
    expect(t.total).toBe(33);
    expect(t.exposed).toEqual([]);
  });

  it('hides a second cell in the row and in the column of a small one, and the corner that closes them', () => {
    const t = expectSafe([
      [3, 8, 9],
      [7, 10, 11],
      [12, 6, 8],
    ]);
    expect(t.disclosure[0][0]).toBe(CellDisclosure.UNDER_THRESHOLD);
    expect(t.disclosure.flat().filter((d) => d === CellDisclosure.HIDDEN)).toHaveLength(3);
    expect(t.shown[2]).toEqual([12, 6, 8]);
  });

  it('the counting rule alone is not enough: a rectangle whose partners sit at 5 is solved by the totals', () => {
    // Hiding the rectangle (0,0) (0,1) (1,0) (1,1) puts two hidden cells in each of its rows and
    // columns, yet 1 is the only value: lowering it needs a 5 to fall to 4, raising it needs the other 5 to.
    const rectangle = [
      [CellDisclosure.UNDER_THRESHOLD, CellDisclosure.HIDDEN, CellDisclosure.SHOWN],
      [CellDisclosure.HIDDEN, CellDisclosure.HIDDEN, CellDisclosure.SHOWN],
    ];
    const counts = [
      [1, 5, 7],
      [5, 5, 9],
    ];
    const o = { threshold: 5, rowTotals: true, columnTotals: true };
    expect(feasibleValues(counts, rectangle, o).get('0,0')).toEqual(new Set([1]));
    const t = expectSafe(counts);
    expect(t.exposed).toEqual([]);
    expect(t.disclosure[0][2]).toBe(CellDisclosure.HIDDEN);
  });

  it('reports what the totals give away whatever is hidden, and that hiding the totals helps', () => {
    const counts = [
      [1, 5],
      [5, 5],
    ];
    expect(expectSafe(counts).exposed).toEqual([[0, 0]]);
    expect(expectSafe(counts, { rowTotals: false }).exposed).toEqual([]);
  });

  it('hides zeros with the other small counts: a row of one apprentice does not say which column', () => {
    const t = expectSafe([
      [1, 0, 0],
      [6, 7, 5],
      [2, 9, 8],
    ]);
    expect(t.disclosure[0]).toEqual([CellDisclosure.UNDER_THRESHOLD, CellDisclosure.UNDER_THRESHOLD, CellDisclosure.UNDER_THRESHOLD]);
    expect(t.exposed).toEqual([]);
    expect(cellDisclosureText(CellDisclosure.UNDER_THRESHOLD)).toEqual({ nb: 'under 5', en: 'under 5' });
  });

  it('a list with only its grand total published', () => {
    expectSafe([[3], [12], [40]], { rowTotals: false });
    expect(suppressSmallCounts([[3], [12], [40]], { rowTotals: false }).disclosure.flat()).toEqual([
      CellDisclosure.UNDER_THRESHOLD,
      CellDisclosure.HIDDEN,
      CellDisclosure.SHOWN,
    ]);
  });

  it('publishes without the totals that give a cell away, and says so when only the grand total may be shown', () => {
    const counts = [
      [4, 9, 2],
      [4, 1, 2],
    ];
    expect(suppressSmallCounts(counts)).toMatchObject({
      safe: false,
      exposed: [
        [0, 0],
        [1, 0],
      ],
    });
    const t = suppressForPublication(counts);
    expect(t.safe).toBe(true);
    // Column 0 holds 8 in two "under 5" cells: both are 4. Without the columns' totals they are not.
    expect(t.rowTotals).toEqual([15, 7]);
    expect(t.columnTotals).toBeNull();
    expectSafe(counts, { columnTotals: false });
    expect(suppressForPublication([[4], [4]])).toMatchObject({ safe: false, rowTotals: null, columnTotals: null, total: 8 });
  });

  it('what is published for publication is safe (property)', () => {
    fc.assert(
      fc.property(tableArb(3, 3), (counts) => {
        const t = suppressForPublication(counts);
        const o = { rowTotals: t.rowTotals !== null, columnTotals: t.columnTotals !== null };
        expect(suppressSmallCounts(counts, o)).toEqual(t);
        if (!t.safe) expect(o).toEqual({ rowTotals: false, columnTotals: false });
        else expectSafe(counts, o);
      }),
      { numRuns: RUNS },
    );
  });

  it('rejects what is not a table of counts', () => {
    expect(() => suppressSmallCounts([[1, 2], [3]])).toThrow(RangeError);
    expect(() => suppressSmallCounts([[1.5]])).toThrow(RangeError);
    expect(() => suppressSmallCounts([[1]], { threshold: 0 })).toThrow(RangeError);
  });

  it('no hidden count can be worked out from what is published, and every cell hidden beside the small ones is needed: brute force over small tables (property)', () => {
    fc.assert(
      fc.property(tableArb(3, 3), fc.boolean(), fc.boolean(), fc.constantFrom(3, 5), (counts, rowTotals, columnTotals, threshold) => {
        const o = { rowTotals, columnTotals, threshold };
        const t = expectSafe(counts, o);
        const exposed = new Set(t.exposed.map(key));
        t.disclosure.forEach((row, i) =>
          row.forEach((d, j) => {
            if (d !== CellDisclosure.HIDDEN) return;
            const fewer = t.disclosure.map((r, a) => r.map((x, b) => (a === i && b === j ? CellDisclosure.SHOWN : x)));
            const pinned = [...feasibleValues(counts, fewer, o)].filter(([cell, vals]) => vals.size < 2 && !exposed.has(cell));
            expect({ cell: [i, j], needed: pinned.length > 0 }).toEqual({ cell: [i, j], needed: true });
          }),
        );
        counts.forEach((row, i) =>
          row.forEach((v, j) => {
            const d = t.disclosure[i][j];
            expect(d === CellDisclosure.UNDER_THRESHOLD).toBe(v < threshold);
            if (d === CellDisclosure.SHOWN) expect(t.shown[i][j]).toBe(v);
            else expect(t.shown[i][j]).toBeNull();
          }),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('larger tables: the totals stay published and sum the cells; a line with a hidden cell has at least two (property)', () => {
    fc.assert(
      fc.property(tableArb(7, 6), (counts) => {
        const t = suppressSmallCounts(counts);
        expect(t.rowTotals).toEqual(counts.map((r) => r.reduce((s, v) => s + v, 0)));
        expect(t.columnTotals).toEqual(counts[0].map((_, j) => counts.reduce((s, r) => s + r[j], 0)));
        expect(suppressSmallCounts(counts)).toEqual(t);
        if (t.exposed.length > 0) return;
        const hidden = t.disclosure.map((r) => r.map((d) => d !== CellDisclosure.SHOWN));
        for (const row of hidden) expect(row.filter(Boolean).length).not.toBe(1);
        for (let j = 0; j < counts[0].length; j++) expect(hidden.filter((r) => r[j]).length).not.toBe(1);
      }),
      { numRuns: RUNS },
    );
  });

  it('brute force on 4 × 3 tables with realistic counts (property)', () => {
    const realistic = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 5, max: 14 }));
    fc.assert(
      fc.property(tableArb(4, 3, realistic), (counts) => {
        expectSafe(counts);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
