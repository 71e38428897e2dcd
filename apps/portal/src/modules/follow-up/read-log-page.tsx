import { Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useFollowUpReadLog, useMe } from '@laerenett/portal-data-access';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../layout/error-alert';
import { DataTable } from '../layout/table-wrap';

/** Who has read the agency's follow-up cases, when and how: for its coordinators. */
export function FollowUpReadLogPage() {
  const { t, i18n } = useTranslation();
  const agencyId = useMe().data?.me?.agencyId ?? '';
  const q = useFollowUpReadLog(agencyId, !!agencyId);
  const time = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nb-NO', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Oslo',
    });
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('followUp.readLog')}
      </Heading>
      <Paragraph>{t('followUp.readLogHelp')}</Paragraph>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spinner aria-label={t('app.loading')} />}
      {q.data && (
        <DataTable
          label={t('followUp.readLog')}
          testId="follow-up-read-log"
          columns={[t('followUp.readAt'), t('followUp.reader'), t('followUp.apprentice'), t('followUp.what')]}
        >
          {q.data.followUpReadLog.map((r) => (
            <tr key={r.id}>
              <td>{time(r.readAt)}</td>
              <td>
                {r.readerName} ({t(`roles.${r.readerRole}`)})
              </td>
              <td>
                <Link to={`/oppfolging/${r.caseId}`}>{r.apprenticeName}</Link>
              </td>
              <td>{t(`followUp.readKinds.${r.what}`)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
