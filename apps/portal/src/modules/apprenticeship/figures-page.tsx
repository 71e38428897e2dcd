import { Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useApprenticeshipFigures } from '@laerenett/portal-data-access';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../layout/error-alert';
import { DataTable } from '../layout/table-wrap';
import { useDay } from './parts';

/** The ministry's view: its agencies' apprenticeship figures, counts only. */
export function ApprenticeshipFiguresPage() {
  const { t } = useTranslation();
  const day = useDay();
  const q = useApprenticeshipFigures();
  if (q.isLoading) return <Spinner aria-label={t('app.loading')} />;
  const f = q.data?.apprenticeshipFigures;
  const cells = (r: {
    underContract: number;
    assessmentsOnTime: number;
    openInterruptions: number;
    tradeTestsPassed: number;
    completions: number;
  }) => (
    <>
      <td className="ln-num">{r.underContract}</td>
      <td className="ln-num">{r.assessmentsOnTime}</td>
      <td className="ln-num">{r.openInterruptions}</td>
      <td className="ln-num">{r.tradeTestsPassed}</td>
      <td className="ln-num">{r.completions}</td>
    </>
  );
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('apprenticeship.figures')}
      </Heading>
      <ErrorAlert error={q.error} />
      {f && (
        <>
          <Paragraph>{t('apprenticeship.figuresHelp', { asOf: day(f.asOf) })}</Paragraph>
          <DataTable
            label={t('apprenticeship.figures')}
            testId="apprenticeship-figures"
            columns={[
              t('apprenticeship.agency'),
              { label: t('apprenticeship.underContract'), numeric: true },
              { label: t('apprenticeship.assessmentsOnTime'), numeric: true },
              { label: t('apprenticeship.openInterruptions'), numeric: true },
              { label: t('apprenticeship.tradeTestsPassed'), numeric: true },
              { label: t('apprenticeship.completions'), numeric: true },
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
        </>
      )}
    </>
  );
}
