import { Paragraph } from '@digdir/designsystemet-react';
import type { ActionPlanFieldsFragment } from '@laerenett/portal-data-access';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../layout/table-wrap';
import { Section } from '../layout/section';

/**
 * The year at a glance (Gantt-like): one row per measure, one column per month, a marker where a
 * milestone falls. A real table, so a screen reader reads it row by row with its headers.
 */
export function PlanTimeline({ plan }: { plan: ActionPlanFieldsFragment }) {
  const { t } = useTranslation();
  const months = t('plan.months', { returnObjects: true }) as string[];
  const thisMonth = new Date().getFullYear() === plan.year ? new Date().getMonth() : -1;
  return (
    <Section id="timeline-title" title={<>{t('plan.timeline', { year: plan.year })}</>}>
      <Paragraph data-size="sm">{t('plan.timelineHint')}</Paragraph>
      <DataTable
        label={t('plan.timeline', { year: plan.year })}
        className="ln-timeline"
        testId="plan-timeline"
        head={
          <>
            <th scope="col">{t('plan.measure')}</th>
            {months.map((m, i) => (
              <th scope="col" key={m} className={i === thisMonth ? 'ln-now' : undefined}>
                {m}
              </th>
            ))}
          </>
        }
      >
        {plan.measures.map((measure, n) => (
          <tr key={measure.id}>
            <th scope="row">
              {n + 1}. {measure.title}
            </th>
            {months.map((m, month) => {
              const here = measure.milestones.filter(
                (x) => x.dueDate.startsWith(`${plan.year}-`) && Number(x.dueDate.slice(5, 7)) === month + 1,
              );
              return (
                <td key={m} className={month === thisMonth ? 'ln-now' : undefined}>
                  {here.map((x) => (
                    <span key={x.id} className={`ln-milestone ln-milestone-${x.status.toLowerCase()}`} title={`${x.title} – ${x.dueDate}`}>
                      <span aria-hidden="true">{x.status === 'DONE' ? '✓' : '●'}</span>
                      <span className="ln-visually-hidden">
                        {x.title}, {x.dueDate}, {t(`plan.milestoneStatus.${x.status}`)}
                      </span>
                      <span aria-hidden="true"> {Number(x.dueDate.slice(8))}.</span>
                    </span>
                  ))}
                </td>
              );
            })}
          </tr>
        ))}
      </DataTable>
    </Section>
  );
}
