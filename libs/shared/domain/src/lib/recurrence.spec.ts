import { DateTime } from 'luxon';
import {
  easterSunday,
  holidayName,
  isWorkingDay,
  nearestWorkingDayInWeek,
  networkCriteria,
  osloLocal,
  proposeOccurrences,
  scheduleProblem,
  seatFor,
  RsvpState,
} from '../index';

const local = (d: Date) => DateTime.fromJSDate(d, { zone: 'Europe/Oslo' }).toFormat("yyyy-MM-dd HH:mm 'UTC'ZZ");

describe('Norwegian holidays', () => {
  it('finds Easter and the days that follow from it', () => {
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(holidayName('2026-04-02')).toBe('Skjærtorsdag');
    expect(holidayName('2026-05-14')).toBe('Kristi himmelfartsdag');
    expect(holidayName('2026-05-25')).toBe('Andre pinsedag');
    expect(holidayName('2026-05-17')).toBe('Grunnlovsdag');
    expect(holidayName('2026-12-26')).toBe('Andre juledag');
    expect(holidayName('2026-04-07')).toBeNull();
  });
  it('treats weekends, holidays and July as no day for a gathering', () => {
    expect(isWorkingDay('2026-11-26')).toBe(true);
    expect(isWorkingDay('2026-11-28')).toBe(false);
    expect(isWorkingDay('2026-05-01')).toBe(false);
    expect(isWorkingDay('2026-07-15')).toBe(false);
  });
  it('moves a holiday to the nearest working day in the same week', () => {
    expect(nearestWorkingDayInWeek('2026-05-14')).toBe('2026-05-13'); // Ascension Thursday → Wednesday
    expect(nearestWorkingDayInWeek('2026-04-02')).toBe('2026-04-01'); // Maundy Thursday → Wednesday
    expect(nearestWorkingDayInWeek('2026-12-18')).toBe('2026-12-18'); // a working day stays
    expect(nearestWorkingDayInWeek('2026-12-24')).toBeNull(); // the whole week is in the Christmas holiday
  });
});

describe('gathering schedules', () => {
  const everyOtherMonthLastThursday = {
    rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TH',
    firstDate: '2026-01-01',
    startTime: '10:00',
    endTime: '14:00',
  };

  it('proposes every other month on the last Thursday, 10:00–14:00 in Oslo, skipping July', () => {
    const o = proposeOccurrences(everyOtherMonthLastThursday, '2026-01-01', '2026-12-31');
    expect(o.map((x) => x.date)).toEqual(['2026-01-29', '2026-03-26', '2026-05-28', '2026-09-24', '2026-11-26']);
    expect(o.every((x) => osloLocal(x.startsAt).time === '10:00' && osloLocal(x.endsAt).time === '14:00')).toBe(true);
  });

  it('keeps 10:00 local across the daylight-saving changes (UTC offset moves, local time does not)', () => {
    const o = proposeOccurrences(
      { rrule: 'FREQ=WEEKLY;BYDAY=TU', firstDate: '2026-03-17', startTime: '10:00', endTime: '11:30' },
      '2026-03-17',
      '2026-04-07',
    );
    expect(o.map((x) => local(x.startsAt))).toEqual([
      '2026-03-17 10:00 UTC+01:00',
      '2026-03-24 10:00 UTC+01:00',
      '2026-03-31 10:00 UTC+02:00',
      '2026-04-07 10:00 UTC+02:00',
    ]);
    expect(o[0].startsAt.toISOString()).toBe('2026-03-17T09:00:00.000Z');
    expect(o[2].startsAt.toISOString()).toBe('2026-03-31T08:00:00.000Z');
    const autumn = proposeOccurrences(
      { rrule: 'FREQ=WEEKLY;BYDAY=TU', firstDate: '2026-10-20', startTime: '10:00', endTime: '11:30' },
      '2026-10-20',
      '2026-10-27',
    );
    expect(autumn.map((x) => x.startsAt.toISOString())).toEqual(['2026-10-20T08:00:00.000Z', '2026-10-27T09:00:00.000Z']);
  });

  it('moves an occurrence off a public holiday and says why', () => {
    const o = proposeOccurrences(
      { rrule: 'FREQ=WEEKLY;BYDAY=TH', firstDate: '2026-05-07', startTime: '10:00', endTime: '12:00' },
      '2026-05-07',
      '2026-05-21',
    );
    expect(o.map((x) => [x.ruleDate, x.date, x.movedBecause])).toEqual([
      ['2026-05-07', '2026-05-07', null],
      ['2026-05-14', '2026-05-13', 'Kristi himmelfartsdag'],
      ['2026-05-21', '2026-05-21', null],
    ]);
  });

  it('refuses rules it cannot read and times that do not make sense', () => {
    expect(scheduleProblem({ ...everyOtherMonthLastThursday, rrule: 'every other month' })).toMatch(/cannot be read|FREQ/);
    expect(scheduleProblem({ ...everyOtherMonthLastThursday, rrule: 'FREQ=HOURLY' })).toMatch(/daily/);
    expect(scheduleProblem({ ...everyOtherMonthLastThursday, startTime: '14:00', endTime: '10:00' })).toMatch(/end after/);
    expect(scheduleProblem({ ...everyOtherMonthLastThursday, startTime: '25:00' })).toMatch(/HH:mm/);
    expect(scheduleProblem(everyOtherMonthLastThursday)).toBeNull();
  });
});

describe('seats and criteria', () => {
  it('seats until capacity, then per-agency limits, then the waitlist', () => {
    expect(seatFor({ capacity: 20, seatsPerAgency: null, taken: 19, takenByAgency: 5 })).toBe(RsvpState.YES);
    expect(seatFor({ capacity: 20, seatsPerAgency: null, taken: 20, takenByAgency: 5 })).toBe(RsvpState.WAITLIST);
    expect(seatFor({ capacity: 20, seatsPerAgency: 2, taken: 3, takenByAgency: 2 })).toBe(RsvpState.WAITLIST);
    expect(seatFor({ capacity: null, seatsPerAgency: null, taken: 500, takenByAgency: 500 })).toBe(RsvpState.YES);
  });

  it("computes the plan's network criteria and names the agencies missing", () => {
    const agencies = [
      { id: 'a', name: 'Statsbygg' },
      { id: 'b', name: 'Digdir' },
    ];
    const none = networkCriteria({ year: 2026, gatherings: [], agenciesWithApprentices: agencies });
    expect(none.map((c) => c.met)).toEqual([false, false, false, false]);
    expect(none[3].missing).toEqual(['Digdir', 'Statsbygg']);
    const all = networkCriteria({
      year: 2026,
      gatherings: [
        { date: '2026-08-27', participantAgencyIds: ['a'] },
        { date: '2026-09-24', participantAgencyIds: ['b'] },
        { date: '2026-11-26', participantAgencyIds: [] },
        { date: '2025-11-26', participantAgencyIds: [] },
      ],
      agenciesWithApprentices: agencies,
    });
    expect(all.map((c) => [c.key, c.met, c.value])).toEqual([
      ['FIRST_BY_END_OF_AUGUST', true, 1],
      ['AT_LEAST_THREE_IN_YEAR', true, 3],
      ['AT_LEAST_TWO_SEP_DEC', true, 2],
      ['EVERY_AGENCY_WITH_APPRENTICES_TOOK_PART', true, 2],
    ]);
  });
});
