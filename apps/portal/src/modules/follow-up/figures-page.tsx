import { Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useFollowUpFigures } from '@laerenett/portal-data-access';
import type { FigureTableFields, FollowUpFiguresFields } from '@laerenett/portal-data-access';
import { AFTER_TERMINATION_LABELS, Bilingual, TERMINATION_CAUSE_LABELS, TERMINATION_PHASE_LABELS } from '@laerenett/shared-domain';
import { useTranslation } from 'react-i18next';
import { useDay } from '../apprenticeship/parts';
import { ErrorAlert } from '../layout/error-alert';
import { Section } from '../layout/section';
import { DataTable } from '../layout/table-wrap';

type Cell = { count?: number | null; disclosure: string } | null | undefined;

/** A count as published: the number, "under 5", or hidden (so that a small count cannot be worked out); '' where not published. */
function useCell() {
  const { t } = useTranslation();
  return (c: Cell) => (!c ? '' : c.disclosure === 'SHOWN' ? String(c.count) : t(`followUp.disclosure.${c.disclosure}`));
}

function FigureTable({
  id,
  title,
  rowHeader,
  table,
  rowLabel,
}: {
  id: string;
  title: string;
  rowHeader: string;
  table: FigureTableFields;
  rowLabel: (k: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const cell = useCell();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const column = (k: string) => (TERMINATION_PHASE_LABELS as Record<string, Bilingual>)[k]?.[lang] ?? t(`followUp.statuses.${k}`);
  const rowTotals = table.rows.some((r) => r.total);
  return (
    <Section id={id} title={title}>
      <DataTable
        label={title}
        testId={id}
        columns={[
          rowHeader,
          ...table.columns.map((c) => ({ label: column(c), numeric: true })),
          rowTotals && { label: t('followUp.total'), numeric: true },
        ]}
      >
        {table.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{rowLabel(r.key)}</th>
            {r.cells.map((c, j) => (
              <td key={j} className="ln-num">
                {cell(c)}
              </td>
            ))}
            {rowTotals && <td className="ln-num">{cell(r.total)}</td>}
          </tr>
        ))}
        <tr>
          <th scope="row">{t('followUp.total')}</th>
          {table.columns.map((c, j) => (
            <td key={c} className="ln-num">
              {cell(table.columnTotals?.[j])}
            </td>
          ))}
          {rowTotals && <td className="ln-num">{cell(table.total)}</td>}
        </tr>
      </DataTable>
      {!rowTotals && (
        <Paragraph data-size="sm">
          {t('followUp.total')}: {cell(table.total)}
        </Paragraph>
      )}
    </Section>
  );
}

/**
 * The area's follow-up counts as published: the open cases and the three tables (each its own
 * section), small counts as "under 5". The figures page, the dashboard and the December summary show them.
 */
export function FollowUpFigureTables({ f }: { f: FollowUpFiguresFields }) {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const cell = useCell();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const labelOf = (labels: Record<string, Bilingual>) => (k: string) => labels[k]?.[lang] ?? k;
  return (
    <>
      <Paragraph data-testid="open-cases">
        {t('followUp.openCases', { day: day(f.asOf) })}: <strong>{cell(f.openCases)}</strong>
      </Paragraph>
      {(
        [
          ['terminations', 'followUp.causes', 'followUp.terminationsByCause', f.terminations, labelOf(TERMINATION_CAUSE_LABELS)],
          ['afterwards', 'followUp.afterwards', 'followUp.terminationsByAfter', f.afterwards, labelOf(AFTER_TERMINATION_LABELS)],
          ['outcomes', 'followUp.closedOn', 'followUp.outcomes', f.outcomes, (k: string) => k],
        ] as const
      ).map(([id, rowHeader, title, table, rowLabel]) => (
        <FigureTable key={id} id={id} rowHeader={t(rowHeader)} title={t(title)} table={table} rowLabel={rowLabel} />
      ))}
    </>
  );
}

/** The ministry's follow-up figures for its area: counts only, small ones shown as "under 5". */
export function FollowUpFiguresPage() {
  const { t } = useTranslation();
  const q = useFollowUpFigures();
  const f = q.data?.followUpFigures;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('followUp.figures')}
      </Heading>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spinner aria-label={t('app.loading')} />}
      {f && (
        <div className="ln-stack">
          <Paragraph>{t('followUp.figuresHelp', { year: f.year })}</Paragraph>
          <FollowUpFigureTables f={f} />
        </div>
      )}
    </>
  );
}
