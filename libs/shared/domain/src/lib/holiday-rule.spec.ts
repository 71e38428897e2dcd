import {
  dayOff,
  DayOffKind,
  HolidayRule,
  isWorkingDay,
  NorwegianHoliday,
  proposeOccurrences,
  ScheduleOutcome,
  scheduleDates,
  ScheduleRule,
} from '../index';

const lastThursday = (holidayRule: HolidayRule, firstDate = '2027-01-01'): ScheduleRule => ({
  rrule: 'FREQ=MONTHLY;BYDAY=-1TH',
  firstDate,
  startTime: '10:00',
  endTime: '14:00',
  holidayRule,
});

/** Each date as `rule date → outcome date (reason)`, the way a person reads the preview. */
const readable = (rule: ScheduleRule, from: string, to: string) =>
  scheduleDates(rule, from, to).map(
    (d) => `${d.ruleDate} ${d.outcome}${d.date && d.date !== d.ruleDate ? ` ${d.date}` : ''}${d.reason ? ` (${d.reason.label})` : ''}`,
  );

describe('days off for gatherings', () => {
  it('names why a date is off: the holiday first, then the Christmas and July holidays, then the weekend', () => {
    expect(dayOff('2027-03-25')).toEqual({ kind: DayOffKind.HOLIDAY, holiday: NorwegianHoliday.MAUNDY_THURSDAY, label: 'Skjærtorsdag' });
    expect(dayOff('2026-12-25')).toEqual({ kind: DayOffKind.HOLIDAY, holiday: NorwegianHoliday.CHRISTMAS_DAY, label: 'Første juledag' });
    expect(dayOff('2026-12-21')).toEqual({ kind: DayOffKind.CHRISTMAS_HOLIDAY, holiday: null, label: 'Juleferie' });
    expect(dayOff('2026-12-31')?.label).toBe('Juleferie');
    expect(dayOff('2027-01-01')?.label).toBe('Første nyttårsdag');
    expect(dayOff('2026-07-01')).toEqual({ kind: DayOffKind.JULY_HOLIDAY, holiday: null, label: 'Fellesferie i juli' });
    expect(dayOff('2026-11-28')).toEqual({ kind: DayOffKind.WEEKEND, holiday: null, label: 'Helg' });
    expect(dayOff('2026-05-01')?.label).toBe('Arbeidernes dag');
    expect(dayOff('2026-12-18')).toBeNull();
    expect(dayOff('2027-01-04')).toBeNull();
  });

  it('keeps 21 December to 1 January free, and no more', () => {
    expect(isWorkingDay('2026-12-18')).toBe(true);
    for (let d = 21; d <= 31; d++) expect(isWorkingDay(`2026-12-${d}`)).toBe(false);
    expect(isWorkingDay('2027-01-01')).toBe(false);
    expect(isWorkingDay('2027-01-04')).toBe(true);
  });
});

describe('the holiday rule of a series', () => {
  it('MOVE: Holy Thursday 2027 moves to Wednesday 24 March and says so', () => {
    expect(readable(lastThursday(HolidayRule.MOVE), '2027-01-01', '2027-04-30')).toEqual([
      '2027-01-28 KEPT',
      '2027-02-25 KEPT',
      '2027-03-25 MOVED 2027-03-24 (Skjærtorsdag)',
      '2027-04-29 KEPT',
    ]);
  });

  it('SKIP: Holy Thursday 2027 is left out and says so', () => {
    const dates = scheduleDates(lastThursday(HolidayRule.SKIP), '2027-01-01', '2027-04-30');
    expect(readable(lastThursday(HolidayRule.SKIP), '2027-01-01', '2027-04-30')).toEqual([
      '2027-01-28 KEPT',
      '2027-02-25 KEPT',
      '2027-03-25 SKIPPED (Skjærtorsdag)',
      '2027-04-29 KEPT',
    ]);
    expect(dates[2]).toMatchObject({ date: null, startsAt: null, endsAt: null, reason: { holiday: NorwegianHoliday.MAUNDY_THURSDAY } });
    expect(proposeOccurrences(lastThursday(HolidayRule.SKIP), '2027-01-01', '2027-04-30').map((o) => o.date)).toEqual([
      '2027-01-28',
      '2027-02-25',
      '2027-04-29',
    ]);
  });

  it('moves nothing when left out of the rule: MOVE is the default', () => {
    const { holidayRule: _, ...rule } = lastThursday(HolidayRule.MOVE);
    expect(scheduleDates(rule, '2027-03-01', '2027-03-31').map((d) => [d.outcome, d.date])).toEqual([
      [ScheduleOutcome.MOVED, '2027-03-24'],
    ]);
  });

  it.each([HolidayRule.MOVE, HolidayRule.SKIP])(
    '%s: a schedule started 1 December 2026 never lands in the Christmas holiday',
    (holidayRule) => {
      expect(readable(lastThursday(holidayRule, '2026-12-01'), '2026-12-01', '2027-01-31')).toEqual([
        '2026-12-31 SKIPPED (Juleferie)',
        '2027-01-28 KEPT',
      ]);
      expect(readable({ ...lastThursday(holidayRule, '2026-12-01'), rrule: 'FREQ=WEEKLY;BYDAY=TH' }, '2026-12-01', '2027-01-10')).toEqual([
        '2026-12-03 KEPT',
        '2026-12-10 KEPT',
        '2026-12-17 KEPT',
        '2026-12-24 SKIPPED (Juleferie)',
        '2026-12-31 SKIPPED (Juleferie)',
        '2027-01-07 KEPT',
      ]);
      const daily = proposeOccurrences(
        { ...lastThursday(holidayRule, '2026-12-01'), rrule: 'FREQ=DAILY' },
        '2026-12-01',
        '2027-01-10',
        100,
      ).map((o) => o.date);
      expect(daily.filter((d) => d >= '2026-12-21' && d <= '2027-01-01')).toEqual([]);
      expect(daily).toContain('2026-12-18');
      expect(daily).toContain('2027-01-04');
    },
  );

  it('MOVE: a day in the Christmas holiday moves within its week when the week has a working day', () => {
    // 21 December 2027 is a Tuesday; Monday 20 December is a working day.
    expect(readable({ ...lastThursday(HolidayRule.MOVE), rrule: 'FREQ=MONTHLY;BYMONTHDAY=21' }, '2027-12-01', '2027-12-31')).toEqual([
      '2027-12-21 MOVED 2027-12-20 (Juleferie)',
    ]);
    expect(readable({ ...lastThursday(HolidayRule.SKIP), rrule: 'FREQ=MONTHLY;BYMONTHDAY=21' }, '2027-12-01', '2027-12-31')).toEqual([
      '2027-12-21 SKIPPED (Juleferie)',
    ]);
  });

  it('keeps July free: a Wednesday 1 July moves back into June under MOVE, the rest of July is skipped', () => {
    const weekly = (holidayRule: HolidayRule) => ({
      rrule: 'FREQ=WEEKLY;BYDAY=WE',
      firstDate: '2026-06-24',
      startTime: '10:00',
      endTime: '11:00',
      holidayRule,
    });
    expect(readable(weekly(HolidayRule.MOVE), '2026-06-24', '2026-08-05')).toEqual([
      '2026-06-24 KEPT',
      '2026-07-01 MOVED 2026-06-30 (Fellesferie i juli)',
      '2026-07-08 SKIPPED (Fellesferie i juli)',
      '2026-07-15 SKIPPED (Fellesferie i juli)',
      '2026-07-22 SKIPPED (Fellesferie i juli)',
      '2026-07-29 SKIPPED (Fellesferie i juli)',
      '2026-08-05 KEPT',
    ]);
    expect(proposeOccurrences(weekly(HolidayRule.SKIP), '2026-06-24', '2026-08-05').map((o) => o.date)).toEqual([
      '2026-06-24',
      '2026-08-05',
    ]);
  });

  it('17 May, Ascension Day and Easter Monday move within their week or are skipped', () => {
    const on17th = (holidayRule: HolidayRule) => ({
      rrule: 'FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=17',
      firstDate: '2026-01-01',
      startTime: '10:00',
      endTime: '11:00',
      holidayRule,
    });
    // 17 May 2026 is a Sunday: Friday 15 May is the nearest working day of that week. In 2027 it is
    // a Monday, and Whit Monday too.
    expect(readable(on17th(HolidayRule.MOVE), '2026-01-01', '2027-12-31')).toEqual([
      '2026-05-17 MOVED 2026-05-15 (Grunnlovsdag)',
      '2027-05-17 MOVED 2027-05-18 (Andre pinsedag)',
    ]);
    expect(readable(on17th(HolidayRule.SKIP), '2026-01-01', '2027-12-31')).toEqual([
      '2026-05-17 SKIPPED (Grunnlovsdag)',
      '2027-05-17 SKIPPED (Andre pinsedag)',
    ]);
    const thursdays = { rrule: 'FREQ=WEEKLY;BYDAY=TH', firstDate: '2027-05-01', startTime: '10:00', endTime: '11:00' };
    expect(readable({ ...thursdays, holidayRule: HolidayRule.MOVE }, '2027-05-01', '2027-05-13')).toEqual([
      '2027-05-06 MOVED 2027-05-05 (Kristi himmelfartsdag)',
      '2027-05-13 KEPT',
    ]);
    expect(readable({ ...thursdays, holidayRule: HolidayRule.SKIP }, '2027-05-01', '2027-05-13')).toEqual([
      '2027-05-06 SKIPPED (Kristi himmelfartsdag)',
      '2027-05-13 KEPT',
    ]);
    const mondays = {
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      firstDate: '2027-03-22',
      startTime: '10:00',
      endTime: '11:00',
      holidayRule: HolidayRule.MOVE,
    };
    expect(readable(mondays, '2027-03-22', '2027-04-05')).toEqual([
      '2027-03-22 KEPT',
      '2027-03-29 MOVED 2027-03-30 (Andre påskedag)',
      '2027-04-05 KEPT',
    ]);
  });

  it('never moves a date onto another of its own dates, nor before the schedule starts', () => {
    const daily = { rrule: 'FREQ=DAILY', firstDate: '2027-03-23', startTime: '10:00', endTime: '11:00', holidayRule: HolidayRule.MOVE };
    expect(readable(daily, '2027-03-23', '2027-03-30')).toEqual([
      '2027-03-23 KEPT',
      '2027-03-24 KEPT',
      '2027-03-25 SKIPPED (Skjærtorsdag)',
      '2027-03-26 SKIPPED (Langfredag)',
      '2027-03-27 SKIPPED (Helg)',
      '2027-03-28 SKIPPED (Første påskedag)',
      '2027-03-29 SKIPPED (Andre påskedag)',
      '2027-03-30 KEPT',
    ]);
    // Started on Holy Thursday itself: Wednesday is before the start and the rest of the week is off.
    expect(readable(lastThursday(HolidayRule.MOVE, '2027-03-25'), '2027-03-25', '2027-03-31')).toEqual([
      '2027-03-25 SKIPPED (Skjærtorsdag)',
    ]);
  });

  it('counts the limit in gatherings held', () => {
    const held = proposeOccurrences({ ...lastThursday(HolidayRule.SKIP), rrule: 'FREQ=WEEKLY;BYDAY=TH' }, '2027-03-01', '2027-12-31', 4);
    expect(held.map((o) => o.date)).toEqual(['2027-03-04', '2027-03-11', '2027-03-18', '2027-04-01']);
  });
});
