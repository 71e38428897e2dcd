import { Alert, Button, Paragraph, Select, Spinner } from '@digdir/designsystemet-react';
import { useAssignToShift, usePoolAssignees, type PoolEventFieldsFragment } from '@laerenett/portal-data-access';
import { FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShort } from '../gatherings/format';
import { ErrorAlert } from '../layout/error-alert';

/**
 * A coordinator puts one apprentice on a shift by hand. Which shifts and which apprentices come from
 * the API (an agency its own apprentices, the ministry those of the area); the agency's own
 * assignment is approved at once, the ministry's waits for the apprentice's agency.
 */
export function AssignToShift({ e }: { e: PoolEventFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const people = usePoolAssignees(true);
  const assign = useAssignToShift();
  const shifts = e.shifts.filter((s) => s.canAssign);
  const [form, setForm] = useState({ shiftId: shifts.length === 1 ? shifts[0].id : '', userId: '' });
  const list = people.data?.poolAssignees ?? [];
  const done = assign.data?.assignToShift;
  const submit = (x: FormEvent) => {
    x.preventDefault();
    assign.mutate({ input: form });
  };
  if (people.isLoading) return <Spinner aria-label={t('app.loading')} />;
  if (!list.length) return <Paragraph data-size="sm">{people.error ? '' : t('pool.noAssignees')}</Paragraph>;
  return (
    <form onSubmit={submit} noValidate className="ln-stack">
      <Paragraph data-size="sm">{t('pool.assignHint')}</Paragraph>
      <div className="ln-row">
        <div>
          <label htmlFor={`${id}-shift`}>{t('pool.assignShift')}</label>
          <Select id={`${id}-shift`} value={form.shiftId} onChange={(x) => setForm((f) => ({ ...f, shiftId: x.target.value }))}>
            <Select.Option value="">{t('pool.chooseShift')}</Select.Option>
            {shifts.map((s) => (
              <Select.Option key={s.id} value={s.id}>
                {formatShort(s.startsAt, s.endsAt, i18n.language)}
                {s.tasks ? ` – ${s.tasks}` : ''} ({s.taken}/{s.places})
              </Select.Option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor={`${id}-who`}>{t('pool.apprentice')}</label>
          <Select id={`${id}-who`} value={form.userId} onChange={(x) => setForm((f) => ({ ...f, userId: x.target.value }))}>
            <Select.Option value="">{t('pool.chooseApprentice')}</Select.Option>
            {list.map((p) => (
              <Select.Option key={p.userId} value={p.userId}>
                {p.name} ({p.agencyName})
              </Select.Option>
            ))}
          </Select>
        </div>
        <Button type="submit">{t('pool.assignSubmit')}</Button>
      </div>
      <ErrorAlert error={assign.error ?? people.error} />
      {done && !assign.error && (
        <Alert data-color="success" role="status">
          {done.state === 'APPROVED'
            ? t('pool.assignedApproved', { name: done.name })
            : t('pool.assignedPending', { name: done.name, agency: done.agencyName })}
        </Alert>
      )}
    </form>
  );
}
