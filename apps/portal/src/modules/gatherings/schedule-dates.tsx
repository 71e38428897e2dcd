import { Tag } from '@digdir/designsystemet-react';
import type { ScheduledDate } from '@laerenett/portal-data-access';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../layout/table-wrap';
import { formatDayWithWeekday } from './format';

const COLORS = { KEPT: 'success', MOVED: 'warning', SKIPPED: 'danger' } as const;

/**
 * The dates a schedule's rhythm gives and what happens to each: held, moved to another day of
 * the same week, or skipped, with the holiday or free period that decided it. `saved` says it in
 * the past tense, for the confirmation after saving.
 */
export function ScheduleDates({
  dates,
  caption,
  saved = false,
  testId,
}: {
  dates: ScheduledDate[];
  caption: string;
  saved?: boolean;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const reasonOf = (d: ScheduledDate) =>
    d.holiday ? t(`schedule.holidays.${d.holiday}`) : d.reason && d.reason !== 'HOLIDAY' ? t(`schedule.reasons.${d.reason}`) : '';
  const outcomes = saved ? 'savedOutcomes' : 'outcomes';
  return (
    <DataTable label={caption} showCaption testId={testId} size="sm" columns={[t('schedule.ruleDate'), t('schedule.outcome')]}>
      {dates.map((d) => (
        <tr key={d.ruleDate} data-outcome={d.outcome}>
          <th scope="row">{formatDayWithWeekday(d.ruleDate, i18n.language)}</th>
          <td>
            <Tag data-color={COLORS[d.outcome]}>
              {t(`schedule.${outcomes}.${d.outcome}`, {
                date: d.date ? formatDayWithWeekday(d.date, i18n.language) : '',
                reason: reasonOf(d),
              })}
            </Tag>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
