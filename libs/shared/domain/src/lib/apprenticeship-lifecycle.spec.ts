import fc from 'fast-check';
import {
  addDays,
  addMonths,
  AfterPlan,
  daysBetween,
  DEFAULT_LIFECYCLE_SETTINGS,
  interruptedDays,
  InterruptionPeriod,
  LifecycleFacts,
  lifecycleDates,
  lifecycleWarnings,
  mergeInterruptions,
  movedEnd,
  nextAssessmentDue,
  normaliseCounty,
  overAgeAtSigning,
  probationEnd,
  startupTalkDue,
  TalkKind,
  tradeTestRegistrationDue,
  TradeTestResult,
  tradeTestState,
  WarningKind,
} from '../index';

const RUNS = Number(process.env['LIFECYCLE_RUNS'] ?? 300);

/** A day within a few years of 2026. */
const dayArb = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2025-01-01', n));
const periodArb: fc.Arbitrary<InterruptionPeriod> = fc
  .record({ start: fc.integer({ min: 0, max: 900 }), length: fc.integer({ min: 0, max: 120 }), open: fc.boolean() })
  .map((r) => ({ startsOn: addDays('2025-01-01', r.start), endsOn: r.open ? null : addDays('2025-01-01', r.start + r.length) }));
const closedArb = periodArb.map((p) => ({ ...p, endsOn: p.endsOn ?? addDays(p.startsOn, 10) }));

/** The days covered, one by one: the oracle for the merged count. */
function coveredDays(periods: readonly InterruptionPeriod[], opts: { asOf?: string; from?: string } = {}): Set<string> {
  const days = new Set<string>();
  for (const p of periods) {
    const last = p.endsOn ?? opts.asOf;
    if (!last) continue;
    for (let d = p.startsOn; d <= last; d = addDays(d, 1)) if (!opts.from || d >= opts.from) days.add(d);
  }
  return days;
}

describe('calendar', () => {
  it('adds months, keeping the day or taking the month’s last', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
    expect(addMonths('2026-01-01', -1)).toBe('2025-12-01');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
  });

  it('months added and taken away come back to the day whenever the day exists in both months', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -40, max: 40 }), (d, n) => {
        if (Number(d.slice(8)) <= 28) expect(addMonths(addMonths(d, n), -n)).toBe(d);
        expect(addMonths(d, n) >= d).toBe(n >= 0);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('probation', () => {
  it('is six months for someone over 21 at signing, and none otherwise', () => {
    expect(probationEnd({ contractStart: '2026-08-15', birthDate: '2000-03-01' })).toBe('2027-02-14');
    expect(probationEnd({ contractStart: '2026-08-15', birthDate: '2007-03-01' })).toBeNull();
    // Unknown birth date: no probation is assumed.
    expect(probationEnd({ contractStart: '2026-08-15', birthDate: null })).toBeNull();
    // Signed before the start: the age on the day of signing counts.
    expect(probationEnd({ contractStart: '2026-08-15', signedOn: '2026-05-01', birthDate: '2005-06-01' })).toBeNull();
    expect(probationEnd({ contractStart: '2026-08-15', signedOn: '2026-07-01', birthDate: '2005-06-01' })).toBe('2027-02-14');
  });

  it('"over 21" is older than 21 years to the day: on the 21st birthday, not yet', () => {
    expect(overAgeAtSigning('2005-06-01', '2026-06-01')).toBe(false);
    expect(overAgeAtSigning('2005-06-01', '2026-06-02')).toBe(true);
    expect(overAgeAtSigning('2004-02-29', '2025-02-28')).toBe(false);
    expect(overAgeAtSigning('2004-02-29', '2025-03-01')).toBe(true);
  });

  it('property: probation exists exactly when the person was over 21 at signing, and lasts six months from the start', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 15 * 365, max: 30 * 365 }), (start, ageDays) => {
        const birthDate = addDays(start, -ageDays);
        const end = probationEnd({ contractStart: start, birthDate });
        expect(end !== null).toBe(overAgeAtSigning(birthDate, start));
        if (end) {
          expect(addDays(end, 1)).toBe(addMonths(start, 6));
          expect(end > start).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the planned end moved by interruptions', () => {
  const c = { contractStart: '2026-01-01', originalEnd: '2027-12-31' };

  it('moves by the days away; overlapping periods count once, adjacent ones add up', () => {
    expect(movedEnd(c, [])).toBe('2027-12-31');
    expect(movedEnd(c, [{ startsOn: '2026-03-01', endsOn: '2026-03-10' }])).toBe('2028-01-10');
    // Sickness 1–10 March and parental leave 5–20 March: 20 days, not 26.
    const overlapping = [
      { startsOn: '2026-03-01', endsOn: '2026-03-10' },
      { startsOn: '2026-03-05', endsOn: '2026-03-20' },
    ];
    expect(interruptedDays(overlapping)).toBe(20);
    expect(movedEnd(c, overlapping)).toBe('2028-01-20');
    // 1–10 and 11–20: adjacent, 20 days, one period.
    const adjacent = [
      { startsOn: '2026-03-11', endsOn: '2026-03-20' },
      { startsOn: '2026-03-01', endsOn: '2026-03-10' },
    ];
    expect(mergeInterruptions(adjacent)).toEqual([['2026-03-01', '2026-03-20']]);
    expect(movedEnd(c, adjacent)).toBe('2028-01-20');
    // A period inside another adds nothing.
    expect(interruptedDays([...overlapping, { startsOn: '2026-03-02', endsOn: '2026-03-03' }])).toBe(20);
  });

  it('counts an open interruption through today, and nothing before the start', () => {
    const open = [{ startsOn: '2026-05-01', endsOn: null }];
    expect(movedEnd(c, open)).toBe('2027-12-31');
    expect(movedEnd(c, open, '2026-05-14')).toBe('2028-01-14');
    expect(movedEnd(c, [{ startsOn: '2025-12-20', endsOn: '2026-01-05' }])).toBe('2028-01-05');
    expect(movedEnd(c, [{ startsOn: '2026-06-01', endsOn: null }], '2026-05-14')).toBe('2027-12-31');
  });

  it('property: the days counted are the days covered, each once', () => {
    fc.assert(
      fc.property(fc.array(periodArb, { maxLength: 8 }), dayArb, dayArb, (periods, asOf, from) => {
        expect(interruptedDays(periods, { asOf, from })).toBe(coveredDays(periods, { asOf, from }).size);
      }),
      { numRuns: RUNS },
    );
  });

  it('property: merged periods are sorted, disjoint and not adjacent', () => {
    fc.assert(
      fc.property(fc.array(closedArb, { maxLength: 8 }), (periods) => {
        const m = mergeInterruptions(periods);
        for (let i = 1; i < m.length; i++) expect(m[i][0] > addDays(m[i - 1][1], 1)).toBe(true);
        for (const [a, b] of m) expect(a <= b).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('property: order does not matter, a repeated period adds nothing, and another period never moves the end earlier', () => {
    fc.assert(
      fc.property(fc.array(closedArb, { minLength: 1, maxLength: 6 }), closedArb, (periods, extra) => {
        const end = movedEnd(c, periods);
        expect(movedEnd(c, [...periods].reverse())).toBe(end);
        expect(movedEnd(c, [...periods, periods[0]])).toBe(end);
        expect(movedEnd(c, [...periods, extra]) >= end).toBe(true);
        // Never more than the sum of the lengths.
        const sum = periods.reduce((n, p) => n + daysBetween(p.startsOn, p.endsOn as string) + 1, 0);
        expect(daysBetween(c.originalEnd, end)).toBeLessThanOrEqual(sum);
      }),
      { numRuns: RUNS },
    );
  });

  it('property: disjoint periods that do not touch add up exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 6 }), (lengths) => {
        let at = '2026-02-01';
        const periods = lengths.map((len) => {
          const p = { startsOn: at, endsOn: addDays(at, len - 1) };
          at = addDays(at, len + 3);
          return p;
        });
        expect(daysBetween(c.originalEnd, movedEnd(c, periods))).toBe(lengths.reduce((a, b) => a + b, 0));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('talks and assessments', () => {
  const c = { contractStart: '2026-08-17', lastDay: '2028-08-16' };

  it('the start-up talk is due four weeks after the start', () => {
    expect(startupTalkDue('2026-08-17')).toBe('2026-09-14');
    expect(startupTalkDue('2026-08-17', { ...DEFAULT_LIFECYCLE_SETTINGS, startupTalkWeeks: 2 })).toBe('2026-08-31');
  });

  it('an assessment is due six months from the start, then six months from the last one held', () => {
    expect(nextAssessmentDue(c, [])).toBe('2027-02-17');
    expect(nextAssessmentDue(c, ['2027-01-20'])).toBe('2027-07-20');
    expect(nextAssessmentDue(c, ['2027-07-20', '2027-01-20'])).toBe('2028-01-20');
    // A talk recorded before the start does not count.
    expect(nextAssessmentDue(c, ['2026-06-01'])).toBe('2027-02-17');
    // Nothing due after the contract's last day.
    expect(nextAssessmentDue(c, ['2028-03-01'])).toBeNull();
  });

  it('is later by the days the apprentice is away before it falls due', () => {
    expect(nextAssessmentDue(c, [], [{ startsOn: '2026-10-01', endsOn: '2026-10-10' }])).toBe('2027-02-27');
    // Away after the due day: no change.
    expect(nextAssessmentDue(c, [], [{ startsOn: '2027-03-01', endsOn: '2027-03-10' }])).toBe('2027-02-17');
    // Away across the due day: the whole period pushes it on.
    expect(nextAssessmentDue(c, [], [{ startsOn: '2027-02-10', endsOn: '2027-02-20' }])).toBe('2027-02-28');
  });

  it('property: never more than the interval plus the days away after the last talk, and never before the interval', () => {
    fc.assert(
      fc.property(fc.array(dayArb, { maxLength: 4 }), fc.array(closedArb, { maxLength: 4 }), (held, periods) => {
        const lastDay = '2031-01-01';
        const due = nextAssessmentDue({ contractStart: '2025-01-01', lastDay }, held, periods);
        const since = held.reduce((a, b) => (a > b ? a : b), '2025-01-01');
        expect(due).not.toBeNull();
        const base = addMonths(since, 6);
        expect(due! >= base).toBe(true);
        expect(daysBetween(base, due!)).toBeLessThanOrEqual(interruptedDays(periods, { from: addDays(since, 1) }));
        // The last talk recorded twice changes nothing.
        expect(nextAssessmentDue({ contractStart: '2025-01-01', lastDay }, [...held, since], periods)).toBe(due);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the trade test', () => {
  it('registration is due three months before the planned end (a setting)', () => {
    expect(tradeTestRegistrationDue('2028-08-16')).toBe('2028-05-16');
    expect(tradeTestRegistrationDue('2028-08-31', { ...DEFAULT_LIFECYCLE_SETTINGS, tradeTestLeadMonths: 2 })).toBe('2028-06-30');
  });

  it('the newest attempt stands: a failed test asks for a retake', () => {
    const reg = { registeredOn: '2028-05-01', testDate: null, result: null };
    expect(tradeTestState([])).toBe('NONE');
    expect(tradeTestState([reg])).toBe('REGISTERED');
    expect(tradeTestState([{ ...reg, testDate: '2028-06-01', result: TradeTestResult.FAILED }])).toBe('FAILED');
    expect(tradeTestState([{ ...reg, result: TradeTestResult.FAILED }, reg])).toBe('REGISTERED');
    expect(
      tradeTestState([
        { ...reg, result: TradeTestResult.FAILED },
        { ...reg, result: TradeTestResult.PASSED_WITH_DISTINCTION },
      ]),
    ).toBe('PASSED');
  });

  it('property: registration is due before the planned end, and moves with it', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 200 }), (end, lead, later) => {
        const s = { ...DEFAULT_LIFECYCLE_SETTINGS, tradeTestLeadMonths: lead };
        expect(tradeTestRegistrationDue(end, s) < end).toBe(true);
        expect(tradeTestRegistrationDue(addDays(end, later), s) >= tradeTestRegistrationDue(end, s)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('early warnings', () => {
  const base: LifecycleFacts = {
    contractStart: '2026-08-17',
    originalEnd: '2028-08-16',
    ended: false,
    birthDate: '2008-01-01',
    talks: [],
    interruptions: [],
    tradeTests: [],
    afterPlan: null,
  };
  const kinds = (f: LifecycleFacts, today: string) => lifecycleWarnings(f, today).map((w) => w.kind);

  it('none in the first weeks; the start-up talk overdue after four', () => {
    expect(kinds(base, '2026-09-14')).toEqual([]);
    expect(lifecycleWarnings(base, '2026-09-15')).toEqual([{ kind: WarningKind.STARTUP_TALK_OVERDUE, date: '2026-09-14' }]);
    expect(kinds({ ...base, talks: [{ kind: TalkKind.STARTUP, heldOn: '2026-08-30' }] }, '2026-09-15')).toEqual([]);
  });

  it('an assessment overdue six months on, until one is held', () => {
    const f = { ...base, talks: [{ kind: TalkKind.STARTUP, heldOn: '2026-08-30' }] };
    expect(kinds(f, '2027-02-17')).toEqual([]);
    expect(kinds(f, '2027-02-18')).toEqual([WarningKind.ASSESSMENT_OVERDUE]);
    expect(kinds({ ...f, talks: [...f.talks, { kind: TalkKind.ASSESSMENT, heldOn: '2027-02-18' }] }, '2027-02-19')).toEqual([]);
  });

  it('an open interruption longer than eight weeks; nothing overdue while away', () => {
    const f = { ...base, interruptions: [{ startsOn: '2026-09-01', endsOn: null }] };
    expect(kinds(f, '2026-10-26')).toEqual([]);
    expect(lifecycleWarnings(f, '2026-10-27')).toEqual([{ kind: WarningKind.LONG_INTERRUPTION, date: '2026-09-01' }]);
    // Closed: the talk is overdue again (its due day moved by nothing: the talk is not pushed on).
    expect(kinds({ ...f, interruptions: [{ startsOn: '2026-09-01', endsOn: '2026-10-27' }] }, '2026-10-28')).toEqual([
      WarningKind.STARTUP_TALK_OVERDUE,
    ]);
  });

  it('the trade test not registered when due, and the end near with no plan for after', () => {
    const f = {
      ...base,
      talks: [
        { kind: TalkKind.STARTUP, heldOn: '2026-08-30' },
        { kind: TalkKind.ASSESSMENT, heldOn: '2028-04-01' },
      ],
    };
    expect(kinds(f, '2028-05-15')).toEqual([]);
    expect(kinds(f, '2028-05-16')).toEqual([WarningKind.TRADE_TEST_NOT_REGISTERED]);
    expect(kinds(f, '2028-05-18')).toEqual([WarningKind.TRADE_TEST_NOT_REGISTERED, WarningKind.ENDING_WITHOUT_PLAN]);
    const registered = { ...f, afterPlan: AfterPlan.STAYS, tradeTests: [{ registeredOn: '2028-05-10', testDate: null, result: null }] };
    expect(kinds(registered, '2028-05-18')).toEqual([]);
    const failed = { ...registered, tradeTests: [{ registeredOn: '2028-05-10', testDate: '2028-06-01', result: TradeTestResult.FAILED }] };
    expect(kinds(failed, '2028-06-02')).toEqual([WarningKind.TRADE_TEST_NOT_REGISTERED]);
  });

  it('probation ending within thirty days, for someone over 21', () => {
    const f = { ...base, birthDate: '1999-01-01', talks: [{ kind: TalkKind.STARTUP, heldOn: '2026-08-30' }] };
    expect(lifecycleDates(f, '2027-01-01').probationEnd).toBe('2027-02-16');
    expect(kinds(f, '2027-01-16')).toEqual([]);
    expect(lifecycleWarnings(f, '2027-01-17')).toEqual([{ kind: WarningKind.PROBATION_ENDING, date: '2027-02-16' }]);
    expect(kinds(f, '2027-02-17')).toEqual([]);
  });

  it('nothing for a contract that has ended or not begun', () => {
    expect(kinds({ ...base, ended: true }, '2027-06-01')).toEqual([]);
    expect(kinds(base, '2026-01-01')).toEqual([]);
  });

  it('property: warnings are listed once each, in order, and each is about a day that has come or is near', () => {
    const factsArb = fc.record({
      talks: fc.array(fc.record({ kind: fc.constantFrom(TalkKind.STARTUP, TalkKind.ASSESSMENT), heldOn: dayArb }), { maxLength: 4 }),
      interruptions: fc.array(periodArb, { maxLength: 3 }),
      registered: fc.boolean(),
      afterPlan: fc.constantFrom(null, AfterPlan.STAYS),
      birthDate: fc.constantFrom('1990-05-05', '2008-05-05'),
    });
    fc.assert(
      fc.property(factsArb, dayArb, (r, today) => {
        const f: LifecycleFacts = {
          ...base,
          contractStart: '2025-01-01',
          originalEnd: '2027-01-01',
          birthDate: r.birthDate,
          talks: r.talks,
          interruptions: r.interruptions,
          tradeTests: r.registered ? [{ registeredOn: '2026-09-01', testDate: null, result: null }] : [],
          afterPlan: r.afterPlan,
        };
        const w = lifecycleWarnings(f, today);
        expect(new Set(w.map((x) => x.kind)).size).toBe(w.length);
        for (const x of w) {
          if (x.kind === WarningKind.PROBATION_ENDING || x.kind === WarningKind.ENDING_WITHOUT_PLAN) continue;
          expect(x.date <= today).toBe(true);
        }
        if (r.registered) expect(w.map((x) => x.kind)).not.toContain(WarningKind.TRADE_TEST_NOT_REGISTERED);
        if (r.afterPlan) expect(w.map((x) => x.kind)).not.toContain(WarningKind.ENDING_WITHOUT_PLAN);
        // Holding the start-up talk and an assessment today clears both talk warnings.
        const held = lifecycleWarnings(
          { ...f, talks: [...f.talks, { kind: TalkKind.STARTUP, heldOn: today }, { kind: TalkKind.ASSESSMENT, heldOn: today }] },
          today,
        ).map((x) => x.kind);
        expect(held).not.toContain(WarningKind.STARTUP_TALK_OVERDUE);
        expect(held).not.toContain(WarningKind.ASSESSMENT_OVERDUE);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('counties', () => {
  it('matches the county as written in the exports', () => {
    expect(normaliseCounty('oslo')).toBe('Oslo');
    expect(normaliseCounty('Møre og  Romsdal fylkeskommune')).toBe('Møre og Romsdal');
    expect(normaliseCounty('Hedmark')).toBeNull();
  });
});
