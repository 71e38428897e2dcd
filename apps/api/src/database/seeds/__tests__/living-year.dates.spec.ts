import { defaultSummaryDates, MeasureStatus, weekday } from '@laerenett/shared-domain';
import {
  bilateralMeetingDays,
  GatheringPhase,
  gatheringPhase,
  measureStatusOn,
  milestoneDoneOn,
  nthWeekday,
  reportDays,
  seasonYear,
  spreadWorkingDays,
} from '../living-year.dates';

describe('the living year of the demo', () => {
  it('counts the network season from August', () => {
    expect(seasonYear('2026-12-02')).toBe(2026);
    expect(seasonYear('2026-08-01')).toBe(2026);
    expect(seasonYear('2026-07-31')).toBe(2025);
    expect(seasonYear('2027-02-15')).toBe(2026);
  });

  it('finds the n-th and the last weekday of a month', () => {
    expect(nthWeekday(2026, 8, 3, -1)).toBe('2026-08-26');
    expect(nthWeekday(2026, 9, 4, 3)).toBe('2026-09-17');
    expect(nthWeekday(2026, 12, 3, -1)).toBe('2026-12-30');
    expect(nthWeekday(2027, 2, 1, 1)).toBe('2027-02-01');
    expect(nthWeekday(2026, 11, 3, 2)).toBe('2026-11-11');
  });

  it('says what has become of a gathering by today', () => {
    expect(gatheringPhase('2026-12-01', '2026-12-02')).toBe(GatheringPhase.HELD);
    expect(gatheringPhase('2026-12-02', '2026-12-02')).toBe(GatheringPhase.SENT);
    expect(gatheringPhase('2027-01-13', '2026-12-02')).toBe(GatheringPhase.SENT);
    expect(gatheringPhase('2027-01-14', '2026-12-02')).toBe(GatheringPhase.PLANNED);
  });

  it('marks milestones done before they were due, once that day has passed', () => {
    expect(milestoneDoneOn('2026-04-30', '2026-12-02')).toBe('2026-04-27');
    expect(milestoneDoneOn('2026-12-07', '2026-12-02')).toBeNull();
    expect(milestoneDoneOn('2026-12-07', '2026-12-04')).toBeNull();
    expect(milestoneDoneOn('2026-12-07', '2026-12-05')).toBe('2026-12-04');
    expect(milestoneDoneOn('2026-12-07', '2026-12-31')).toBe('2026-12-04');
    expect(milestoneDoneOn('2026-04-30', '2026-12-02', true)).toBeNull();
  });

  it('sets a measure planned, under way or done from its milestones', () => {
    const ms = (done: boolean[]) => ['2026-04-30', '2026-07-01'].map((dueDate, i) => ({ dueDate, done: done[i] }));
    expect(measureStatusOn(ms([false, false]), '2026-02-15')).toBe(MeasureStatus.PLANNED);
    expect(measureStatusOn(ms([false, false]), '2026-04-05')).toBe(MeasureStatus.IN_PROGRESS);
    expect(measureStatusOn(ms([true, false]), '2026-06-20')).toBe(MeasureStatus.IN_PROGRESS);
    expect(measureStatusOn(ms([true, true]), '2026-12-02')).toBe(MeasureStatus.DONE);
    expect(measureStatusOn([], '2026-12-02')).toBe(MeasureStatus.PLANNED);
  });

  it('spreads days over working days between the ends', () => {
    const days = spreadWorkingDays('2026-05-05', '2026-06-30', 9);
    expect(days).toHaveLength(9);
    expect(days[0]).toBe('2026-05-05');
    expect(days[8]).toBe('2026-06-30');
    expect(days.every((d) => weekday(d) <= 5 && d >= '2026-05-05' && d <= '2026-06-30')).toBe(true);
    expect([...days].sort()).toEqual(days);
    // 1 December 2029 is a Saturday: the first day moves forwards, not back into November.
    expect(spreadWorkingDays('2029-12-01', '2029-12-07', 3)[0]).toBe('2029-12-03');
    expect(spreadWorkingDays('2029-12-01', '2029-12-09', 2)[1]).toBe('2029-12-07');
  });

  it('holds the bilateral meetings in May and June, and one late in September', () => {
    const december = bilateralMeetingDays(2026, '2026-12-02', 9);
    expect(december.onTime.every((d) => d !== null && d < '2026-07-01')).toBe(true);
    expect(december.late).toBe('2026-09-17');
    const june = bilateralMeetingDays(2026, '2026-06-20', 9);
    expect(june.onTime.filter((d) => d !== null).length).toBeGreaterThan(4);
    expect(june.onTime.filter((d) => d === null).length).toBeGreaterThan(0);
    expect(june.late).toBeNull();
    expect(bilateralMeetingDays(2027, '2027-02-15', 9).onTime.every((d) => d === null)).toBe(true);
  });

  it('has December reports only once reporting has opened, one of them late after the deadline', () => {
    const d = defaultSummaryDates(2026);
    expect(reportDays(d, '2026-11-30', 4)).toEqual({ open: false, submittedOn: [] });
    const second = reportDays(d, '2026-12-02', 4);
    expect(second.open).toBe(true);
    expect(second.submittedOn).toEqual(['2026-12-01', null, null, null]);
    const last = reportDays(d, '2026-12-31', 4).submittedOn;
    expect(last.slice(0, 3).every((x) => x !== null && x >= '2026-12-01' && x <= '2026-12-07')).toBe(true);
    expect(last[3]).toBe('2026-12-09');
  });
});
