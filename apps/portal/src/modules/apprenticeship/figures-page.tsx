import { Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useApprenticeshipFigures } from '@laerenett/portal-data-access';
import type { ApprenticeshipFiguresFields } from '@laerenett/portal-data-access';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../layout/error-alert';
import { DataTable } from '../layout/table-wrap';
import { useDay } from './parts';

const COUNTS = ['underContract', 'assessmentsOnTime', 'openInterruptions', 'tradeTestsPassed', 'completions'] as const;

/**
 * The agencies' apprenticeship figures and the area's total: counts only. `inYear` names the
 * figures' year in the headings of the year's counts (the December summary of a past year).
 */
export function ApprenticeshipFiguresTable({
  f,
  label,
  testId,
  inYear = false,
}: {
  f: ApprenticeshipFiguresFields;
  label: string;
  testId: string;
  inYear?: boolean;
}) {
  const { t } = useTranslation();
  const cells = (r: ApprenticeshipFiguresFields['total']) =>
    COUNTS.map((k) => (
      <td key={k} className="ln-num">
        {r[k]}
      </td>
    ));
  return (
    <DataTable
      label={label}
      testId={testId}
      columns={[
        t('apprenticeship.agency'),
        { label: t('apprenticeship.underContract'), numeric: true },
        { label: t('apprenticeship.assessmentsOnTime'), numeric: true },
        { label: t('apprenticeship.openInterruptions'), numeric: true },
        { label: inYear ? t('apprenticeship.tradeTestsPassedIn', { year: f.year }) : t('apprenticeship.tradeTestsPassed'), numeric: true },
        { label: inYear ? t('apprenticeship.completionsIn', { year: f.year }) : t('apprenticeship.completions'), numeric: true },
      ]}
    >
      {f.agencies.map((r) => (
        <tr key={r.agencyId}>
          <th scope="row">{r.agencyName}</th>
          {cells(r)}
        </tr>
      ))}
      <tr>
        <th scope="row">{t('apprenticeship.total')}</th>
        {cells(f.total)}
      </tr>
    </DataTable>
  );
}

/** The ministry's view: its agencies' apprenticeship figures, counts only. */
export function ApprenticeshipFiguresPage() {
  const { t } = useTranslation();
  const day = useDay();
  const q = useApprenticeshipFigures();
  if (q.isLoading) return <Spinner aria-label={t('app.loading')} />;
  const f = q.data?.apprenticeshipFigures;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('apprenticeship.figures')}
      </Heading>
      <ErrorAlert error={q.error} />
      {f && (
        <>
          <Paragraph>{t('apprenticeship.figuresHelp', { asOf: day(f.asOf) })}</Paragraph>
          <ApprenticeshipFiguresTable f={f} label={t('apprenticeship.figures')} testId="apprenticeship-figures" />
        </>
      )}
    </>
  );
}
