import { Button, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { usePoolEventSignups, useRecordAttendance, type SignupFieldsFragment } from '@laerenett/portal-data-access';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShort } from '../gatherings/format';
import { ErrorAlert } from '../layout/error-alert';
import { DataTable } from '../layout/table-wrap';
import { formatHours, parseHours, shiftHours } from './hours';

/**
 * Present with the hours worked (the shift's length to begin with, or what was recorded), or a
 * no-show. Hours the form cannot read are not sent; the API's limits come back as its error.
 */
export function AttendanceControls({ signup: s }: { signup: SignupFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const record = useRecordAttendance();
  const full = shiftHours(s.startsAt, s.endsAt);
  const [text, setText] = useState(formatHours(s.hours ?? full, i18n.language));
  const [unreadable, setUnreadable] = useState(false);
  const present = () => {
    const hours = parseHours(text);
    setUnreadable(hours === undefined);
    if (hours !== undefined) record.mutate({ input: { signupId: s.id, attendance: 'PRESENT', hours } });
  };
  return (
    <div className="ln-stack">
      <div className="ln-row">
        <Textfield
          label={t('pool.hours')}
          description={t('pool.hoursHint', { hours: formatHours(full, i18n.language) })}
          inputMode="decimal"
          size={5}
          value={text}
          error={unreadable ? t('pool.hoursUnreadable') : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <Button data-size="sm" variant="secondary" aria-label={`${t('pool.present')}: ${s.name}`} onClick={present}>
          {t('pool.present')}
        </Button>
        <Button
          data-size="sm"
          variant="tertiary"
          aria-label={`${t('pool.noShow')}: ${s.name}`}
          onClick={() => record.mutate({ input: { signupId: s.id, attendance: 'NO_SHOW' } })}
        >
          {t('pool.noShow')}
        </Button>
      </div>
      <ErrorAlert error={record.error} />
      {record.isSuccess && !record.error && (
        <Paragraph data-size="sm" role="status">
          {t('pool.attendanceSaved')}
        </Paragraph>
      )}
    </div>
  );
}

/** What was recorded: present with the hours, or a no-show. */
export function AttendanceTag({ attendance, hours }: { attendance: SignupFieldsFragment['attendance']; hours: number | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!attendance) return null;
  return (
    <Tag data-color={attendance === 'PRESENT' ? 'success' : 'danger'}>
      {t(`pool.attendanceValues.${attendance}`)}
      {attendance === 'PRESENT' && hours != null ? ` · ${t('pool.hoursWorked', { hours: formatHours(hours, i18n.language) })}` : ''}
    </Tag>
  );
}

/** For the host agency and the ministry: who is on the event's shifts, and attendance once a shift has begun. */
export function EventSignups({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const q = usePoolEventSignups(eventId, open);
  const list = q.data?.poolEventSignups ?? [];
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('pool.signups')}</summary>
      {open && list.length === 0 && !q.isLoading && <p>{t('pool.noSignups')}</p>}
      {list.length > 0 && (
        <DataTable
          label={t('pool.signups')}
          testId="event-signups"
          columns={[t('pool.apprentice'), t('pool.when'), t('pool.state'), t('pool.attendance')]}
        >
          {list.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                {s.name} ({s.agencyName})
              </th>
              <td>{formatShort(s.startsAt, null, i18n.language)}</td>
              <td>
                {t(`pool.signupStates.${s.state}`)}
                {s.origin !== 'SIGNUP' && ` · ${t(`pool.origins.${s.origin}`)}`}
              </td>
              <td>
                <div className="ln-stack">
                  <AttendanceTag attendance={s.attendance} hours={s.hours} />
                  {s.state === 'APPROVED' && new Date(s.startsAt) <= new Date() && <AttendanceControls signup={s} />}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <ErrorAlert error={q.error} />
    </details>
  );
}
