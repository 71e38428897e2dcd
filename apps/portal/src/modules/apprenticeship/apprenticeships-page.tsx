import { Alert, Button, Checkbox, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import {
  useApplyApprenticeImport,
  useApprenticeships,
  useMe,
  useMyFollowUpDeadlines,
  usePreviewApprenticeImport,
} from '@laerenett/portal-data-access';
import type { PreviewApprenticeImportMutation } from '@laerenett/portal-data-access';
import { ChangeEvent, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../layout/error-alert';
import { Section } from '../layout/section';
import { DataTable } from '../layout/table-wrap';
import { tradeName, useDay, WarningTags } from './parts';

type ImportResult = PreviewApprenticeImportMutation['previewApprenticeImport'];

/** A table's column headings, from their texts' keys under `apprenticeship`. */
const headings = (t: TFunction, keys: string[]) => keys.map((k) => t(`apprenticeship.${k}`));

/** The agency's apprenticeships: the list with what is due, the early warnings, and the import of a list. */
export function ApprenticeshipsPage() {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const me = useMe().data?.me;
  const agencyId = me?.agencyId ?? '';
  const q = useApprenticeships(agencyId, !!agencyId);
  const keepsFollowUp = !!me?.capabilities?.keepFollowUp;
  const deadlines = useMyFollowUpDeadlines(keepsFollowUp).data?.myFollowUpDeadlines ?? [];
  const [showEnded, setShowEnded] = useState(false);
  if (q.isLoading) return <Spinner aria-label={t('app.loading')} />;
  const all = q.data?.apprenticeships ?? [];
  const list = all.filter((a) => showEnded || a.status === 'ACTIVE' || a.status === 'INTERRUPTED');
  const warned = all.filter((a) => a.warnings.length > 0);
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('apprenticeship.list')}
      </Heading>
      <ErrorAlert error={q.error} />
      <Section id="warnings-title" title={t('apprenticeship.warnings')}>
        <ul className="ln-plain-list" data-testid="warnings">
          {warned.length === 0 && (!keepsFollowUp || deadlines.length === 0) && <li>{t('apprenticeship.noWarnings')}</li>}
          {warned.map((a) => (
            <li key={a.apprenticeId} className="ln-row">
              <Link to={`/laerlinger/${a.apprenticeId}`}>{a.name}</Link>
              <WarningTags warnings={a.warnings} />
            </li>
          ))}
          {keepsFollowUp &&
            deadlines.map((d) => (
              <li key={`${d.caseId}-${d.kind}-${d.date}`} className="ln-row">
                <Link to={`/oppfolging/${d.caseId}`}>{d.apprenticeName ?? '–'}</Link>
                <Paragraph data-size="sm">{t(`apprenticeship.followUpDeadlines.${d.kind}`, { date: day(d.date) })}</Paragraph>
                {d.overdue && (
                  <Tag data-color="danger" data-size="sm">
                    {t('apprenticeship.followUpDeadlines.overdue')}
                  </Tag>
                )}
              </li>
            ))}
        </ul>
      </Section>
      <Section id="list-title" title={t('apprenticeship.list')}>
        <Checkbox label={t('apprenticeship.showEnded')} checked={showEnded} onChange={(e) => setShowEnded(e.target.checked)} />
        <DataTable
          label={t('apprenticeship.list')}
          testId="apprenticeships"
          columns={headings(t, ['name', 'trade', 'plannedEnd', 'nextAssessmentDue', 'tradeTest', 'leader'])}
        >
          {list.map((a) => (
            <tr key={a.apprenticeId}>
              <td>
                <Link to={`/laerlinger/${a.apprenticeId}`}>{a.name}</Link>
              </td>
              <td>{tradeName(a, i18n.language)}</td>
              <td>{day(a.plannedEnd)}</td>
              <td>{day(a.startupTalkDue ?? a.nextAssessmentDue)}</td>
              <td>{t(`apprenticeship.tradeTestStates.${a.tradeTestState}`)}</td>
              <td>{a.leader?.name ?? '–'}</td>
            </tr>
          ))}
        </DataTable>
      </Section>
      {agencyId && <ImportSection agencyId={agencyId} />}
    </>
  );
}

function ImportSection({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const preview = usePreviewApprenticeImport();
  const apply = useApplyApprenticeImport();
  const [file, setFile] = useState<{ filename: string; contentBase64: string } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    setResult(null);
    apply.reset();
    if (!f) return setFile(null);
    const bytes = new Uint8Array(await f.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    setFile({ filename: f.name, contentBase64: btoa(binary) });
  };
  const run = async (save: boolean) => {
    if (!file) return;
    try {
      const input = { agencyId, ...file };
      setResult(
        save ? (await apply.mutateAsync({ input })).applyApprenticeImport : (await preview.mutateAsync({ input })).previewApprenticeImport,
      );
    } catch {
      /* shown below */
    }
  };
  return (
    <Section id="import-title" title={t('apprenticeship.import')}>
      <Paragraph data-size="sm" id="import-help">
        {t('apprenticeship.importHelp')}
      </Paragraph>
      <div className="ln-row">
        <label htmlFor="import-file">{t('apprenticeship.importFile')}</label>
        <input id="import-file" type="file" accept=".csv,.xlsx" aria-describedby="import-help" onChange={(e) => void choose(e)} />
        <Button variant="secondary" disabled={!file} loading={preview.isPending} onClick={() => void run(false)}>
          {t('apprenticeship.preview')}
        </Button>
        <Button disabled={!result?.valid || result.applied} loading={apply.isPending} onClick={() => void run(true)}>
          {t('apprenticeship.apply')}
        </Button>
      </div>
      <ErrorAlert error={preview.error ?? apply.error} />
      {result && (
        <>
          <Alert data-color={result.applied ? 'success' : result.valid ? 'info' : 'danger'} role="status">
            {result.applied
              ? t('apprenticeship.importApplied', result)
              : result.valid
                ? t('apprenticeship.importSummary', result)
                : t('apprenticeship.importInvalid')}
          </Alert>
          <DataTable
            label={t('apprenticeship.import')}
            testId="import-rows"
            columns={headings(t, ['importRow', 'name', 'trade', 'importAction', 'importErrors'])}
          >
            {result.rows.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>
                  {r.name} ({r.email})
                </td>
                <td>{r.trade}</td>
                <td>{r.action ? t(`apprenticeship.importActions.${r.action}`) : '–'}</td>
                <td>{r.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </Section>
  );
}
