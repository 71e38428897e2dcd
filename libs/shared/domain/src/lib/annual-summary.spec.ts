import {
  autoCompileDay,
  change,
  defaultSummaryDates,
  reminderDays,
  ReportStatus,
  reportStatus,
  SummaryAction,
  summaryActionsOn,
  summaryDateProblems,
} from './annual-summary';
import { addDays } from './holidays';

describe('the December cycle', () => {
  const d = defaultSummaryDates(2026);

  it("follows the pilot's dates", () => {
    expect(d).toEqual({
      opensOn: '2026-12-01',
      agencyDeadline: '2026-12-07',
      compileFrom: '2026-12-07',
      compileTo: '2026-12-14',
      sendBy: '2026-12-15',
    });
    expect(reminderDays(d)).toEqual(['2026-12-01', '2026-12-05', '2026-12-07']);
    expect(autoCompileDay(d)).toBe('2026-12-08');
  });

  it('acts on the right days of the month, and on no others', () => {
    const acted: Record<string, SummaryAction[]> = {};
    for (let day = '2026-11-01'; day <= '2027-01-10'; day = addDays(day, 1)) {
      const a = summaryActionsOn(day, d);
      if (a.length) acted[day] = a;
    }
    expect(acted).toEqual({
      '2026-12-01': [SummaryAction.OPEN],
      '2026-12-05': [SummaryAction.REMIND],
      '2026-12-07': [SummaryAction.REMIND],
      '2026-12-08': [SummaryAction.LATE_NOTICE, SummaryAction.AUTO_COMPILE],
      '2026-12-09': [SummaryAction.LATE_NOTICE, SummaryAction.AUTO_COMPILE],
      '2026-12-10': [SummaryAction.LATE_NOTICE, SummaryAction.AUTO_COMPILE],
      '2026-12-11': [SummaryAction.LATE_NOTICE, SummaryAction.AUTO_COMPILE],
      '2026-12-12': [SummaryAction.LATE_NOTICE, SummaryAction.AUTO_COMPILE],
      '2026-12-13': [SummaryAction.LATE_NOTICE, SummaryAction.AUTO_COMPILE],
      '2026-12-14': [SummaryAction.LATE_NOTICE, SummaryAction.AUTO_COMPILE],
      '2026-12-15': [SummaryAction.LATE_NOTICE],
    });
  });

  it('follows dates the ministry moved', () => {
    const moved = {
      opensOn: '2026-11-20',
      agencyDeadline: '2026-12-04',
      compileFrom: '2026-12-09',
      compileTo: '2026-12-11',
      sendBy: '2026-12-12',
    };
    expect(reminderDays(moved)).toEqual(['2026-11-20', '2026-12-02', '2026-12-04']);
    expect(autoCompileDay(moved)).toBe('2026-12-09');
    expect(summaryActionsOn('2026-12-05', moved)).toEqual([SummaryAction.LATE_NOTICE]);
  });

  it('refuses dates out of order or outside the year', () => {
    expect(summaryDateProblems(2026, d)).toEqual({});
    expect(summaryDateProblems(2026, { ...d, compileFrom: '2026-12-06' })).toEqual({
      compileFrom: 'must not be before agencyDeadline (2026-12-07)',
    });
    expect(summaryDateProblems(2026, { ...d, sendBy: '2027-01-02' })).toEqual({ sendBy: 'must be a day in 2026' });
    expect(summaryDateProblems(2026, { ...d, opensOn: '2026-12-07' })).toEqual({ agencyDeadline: 'must be after the day reporting opens' });
  });

  it('tells where a report stands', () => {
    expect(reportStatus(null, '2026-12-07', '2026-12-07')).toBe(ReportStatus.NOT_STARTED);
    expect(reportStatus({ submitted: false }, '2026-12-07', '2026-12-03')).toBe(ReportStatus.DRAFT);
    expect(reportStatus({ submitted: false }, '2026-12-07', '2026-12-08')).toBe(ReportStatus.LATE);
    expect(reportStatus(null, '2026-12-07', '2026-12-08')).toBe(ReportStatus.LATE);
    expect(reportStatus({ submitted: true }, '2026-12-07', '2026-12-20')).toBe(ReportStatus.SUBMITTED);
  });

  it('computes the change from last year', () => {
    expect(change(36, 40)).toEqual({ delta: 4, percent: 11.1 });
    expect(change(0, 3)).toEqual({ delta: 3, percent: null });
  });
});
