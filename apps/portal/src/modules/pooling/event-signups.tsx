import { Button, Tag } from '@digdir/designsystemet-react';
import { usePoolEventSignups, useRecordAttendance } from '@laerenett/portal-data-access';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShort } from '../gatherings/format';
import { ErrorAlert } from '../layout/error-alert';
import { TableWrap } from '../layout/table-wrap';

/** For the host agency and the ministry: who is on the event's shifts, and attendance once a shift has begun. */
export function EventSignups({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const q = usePoolEventSignups(eventId, open);
  const record = useRecordAttendance();
  const list = q.data?.poolEventSignups ?? [];
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('pool.signups')}</summary>
      {open && list.length === 0 && !q.isLoading && <p>{t('pool.noSignups')}</p>}
      {list.length > 0 && (
        <TableWrap label={t('pool.signups')}>
          <table className="ds-table" data-testid="event-signups">
            <thead>
              <tr>
                <th scope="col">{t('pool.apprentice')}</th>
                <th scope="col">{t('pool.when')}</th>
                <th scope="col">{t('pool.state')}</th>
                <th scope="col">{t('pool.attendance')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {s.name} ({s.agencyName})
                  </th>
                  <td>{formatShort(s.startsAt, null, i18n.language)}</td>
                  <td>{t(`pool.signupStates.${s.state}`)}</td>
                  <td>
                    {s.attendance && (
                      <Tag data-color={s.attendance === 'PRESENT' ? 'success' : 'danger'}>
                        {t(`pool.attendanceValues.${s.attendance}`)}
                        {s.attendance === 'PRESENT' && s.hours !== null ? ` · ${s.hours} ${t('pool.hours').toLowerCase()}` : ''}
                      </Tag>
                    )}
                    {s.state === 'APPROVED' && new Date(s.startsAt) <= new Date() && (
                      <span className="ln-row">
                        <Button data-size="sm" variant="secondary" aria-label={`${t('pool.present')}: ${s.name}`} onClick={() => record.mutate({ input: { signupId: s.id, attendance: 'PRESENT' } })}>
                          {t('pool.present')}
                        </Button>
                        <Button data-size="sm" variant="tertiary" aria-label={`${t('pool.noShow')}: ${s.name}`} onClick={() => record.mutate({ input: { signupId: s.id, attendance: 'NO_SHOW' } })}>
                          {t('pool.noShow')}
                        </Button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <ErrorAlert error={q.error ?? record.error} />
    </details>
  );
}
