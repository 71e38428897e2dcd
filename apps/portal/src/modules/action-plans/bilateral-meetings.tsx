import { Alert, Button, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useRecordBilateralMeeting, type ActionPlanFieldsFragment } from '@laerenett/portal-data-access';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../layout/error-alert';
import { DataTable } from '../layout/table-wrap';
import { formatDay } from '../gatherings/format';
import { Section } from '../layout/section';

const EMPTY = { agencyId: '', heldOn: '', participants: '', notes: '', targetSet: '', helpRequested: '' };

/** Which agencies the ministry has met this year, and the form to record a meeting. */
export function BilateralMeetings({ plan }: { plan: ActionPlanFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const record = useRecordBilateralMeeting();
  // The plan's criterion for the meetings gives their due date; a meeting after it was held late.
  const criterion = plan.measures.flatMap((m) => m.criteria).find((c) => c.kind === 'BILATERAL_MEETINGS');
  const due = criterion?.dueDate ?? null;
  const [form, setForm] = useState(EMPTY);
  const [saved, setSaved] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    try {
      await record.mutateAsync({
        input: {
          planId: plan.id,
          agencyId: form.agencyId,
          heldOn: form.heldOn,
          participants: form.participants,
          notes: form.notes,
          helpRequested: form.helpRequested,
          targetSet: form.targetSet === '' ? null : Number(form.targetSet),
        },
      });
      setForm(EMPTY);
      setSaved(true);
    } catch {
      /* shown below */
    }
  };

  return (
    <Section id="meetings-title" title={t('plan.meetings')}>
      <Paragraph data-size="sm">{t('plan.meetingsHint')}</Paragraph>
      <DataTable
        label={t('plan.meetings')}
        testId="plan-meetings"
        columns={[t('plan.agency'), t('plan.heldOn'), { label: t('plan.targetSet'), numeric: true }, t('plan.help')]}
      >
        {plan.bilateralMeetings.map((b) => (
          <tr key={b.agencyId}>
            <th scope="row">{b.agencyName}</th>
            <td>
              {b.meeting ? (
                <>
                  {formatDay(b.meeting.heldOn, i18n.language)}
                  {due && b.meeting.heldOn > due && (
                    <>
                      {' '}
                      <Tag data-color="warning">{t('plan.heldLate', { date: formatDay(due, i18n.language) })}</Tag>
                    </>
                  )}
                </>
              ) : (
                <Tag data-color="danger">{t('plan.notHeld')}</Tag>
              )}
            </td>
            <td className="ln-num">{b.meeting?.targetSet ?? '–'}</td>
            <td>{b.meeting?.helpRequested ?? ''}</td>
          </tr>
        ))}
      </DataTable>
      {plan.canEdit && (
        <details>
          <summary>{t('plan.record')}</summary>
          <form onSubmit={submit} noValidate>
            <div className="ln-row">
              <div>
                <label htmlFor="meeting-agency">{t('plan.agency')}</label>
                <Select id="meeting-agency" value={form.agencyId} onChange={set('agencyId')}>
                  <Select.Option value="">{t('plan.chooseAgency')}</Select.Option>
                  {plan.bilateralMeetings.map((b) => (
                    <Select.Option key={b.agencyId} value={b.agencyId}>
                      {b.agencyName}
                    </Select.Option>
                  ))}
                </Select>
              </div>
              <Textfield label={t('plan.heldOn')} type="date" value={form.heldOn} onChange={set('heldOn')} />
              <Textfield label={t('plan.targetSet')} type="number" min={0} value={form.targetSet} onChange={set('targetSet')} />
            </div>
            <Textfield label={t('plan.participants')} value={form.participants} onChange={set('participants')} />
            <Textfield label={t('plan.help')} value={form.helpRequested} onChange={set('helpRequested')} />
            <Textfield label={t('plan.notes')} multiline rows={3} value={form.notes} onChange={set('notes')} />
            <Button type="submit">{t('plan.saveMeeting')}</Button>
          </form>
          <ErrorAlert error={record.error} />
          {saved && (
            <Alert data-color="success" role="status">
              {t('plan.saved')}
            </Alert>
          )}
        </details>
      )}
    </Section>
  );
}
