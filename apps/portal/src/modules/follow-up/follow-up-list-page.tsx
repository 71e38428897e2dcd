import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Link as DsLink,
  Paragraph,
  Select,
  Spinner,
  Textfield,
} from '@digdir/designsystemet-react';
import {
  useAgencyApprentices,
  useFollowUpCases,
  useFollowUpSettings,
  useMe,
  useOpenFollowUpCase,
  useSetFollowUpSettings,
} from '@laerenett/portal-data-access';
import { FOLLOW_UP_CONCERN_LABELS, FOLLOW_UP_STEP_LABELS, FollowUpConcern, FollowUpStepKind } from '@laerenett/shared-domain';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { todayInOslo, useDay } from '../apprenticeship/parts';
import { ErrorAlert } from '../layout/error-alert';
import { Section } from '../layout/section';
import { DataTable } from '../layout/table-wrap';
import { StatusTag, useLabel } from './parts';

/** The agency's follow-up cases for its coordinators, and opening a new one on a concern. */
export function FollowUpListPage() {
  const { t } = useTranslation();
  const day = useDay();
  const label = useLabel();
  const agencyId = useMe().data?.me?.agencyId ?? '';
  const q = useFollowUpCases(agencyId, !!agencyId);
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('followUp.title')}
      </Heading>
      <Paragraph>{t('followUp.intro')}</Paragraph>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spinner aria-label={t('app.loading')} />}
      <Section id="follow-up-cases-title" title={t('followUp.cases')}>
        {q.data && q.data.followUpCases.length === 0 && <Paragraph>{t('followUp.noCases')}</Paragraph>}
        {q.data && q.data.followUpCases.length > 0 && (
          <DataTable
            label={t('followUp.cases')}
            testId="follow-up-cases"
            columns={[
              t('followUp.apprentice'),
              t('followUp.status'),
              t('followUp.openedOn'),
              t('followUp.lastStep'),
              t('followUp.nextDate'),
            ]}
          >
            {q.data.followUpCases.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/oppfolging/${c.id}`}>{c.apprenticeName}</Link>
                </th>
                <td>
                  <StatusTag status={c.status} />
                </td>
                <td>{day(c.openedOn)}</td>
                <td>{c.lastStep ? label(FOLLOW_UP_STEP_LABELS, c.lastStep as FollowUpStepKind) : t('followUp.justOpened')}</td>
                <td>{day([c.nextDeadline, c.nextMeetingOn].filter(Boolean).sort()[0])}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
      <Paragraph>
        <DsLink asChild>
          <Link to="/oppfolging/logg">{t('followUp.readLog')}</Link>
        </DsLink>
      </Paragraph>
      {agencyId && <OpenCaseForm agencyId={agencyId} />}
      {agencyId && <RetentionForm agencyId={agencyId} />}
    </>
  );
}

function OpenCaseForm({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const apprentices = useAgencyApprentices(agencyId);
  const open = useOpenFollowUpCase();
  const [v, setV] = useState({ apprenticeId: '', openedOn: todayInOslo(), concerns: [] as FollowUpConcern[], concernText: '' });
  const toggle = (c: FollowUpConcern, on: boolean) => setV({ ...v, concerns: on ? [...v.concerns, c] : v.concerns.filter((x) => x !== c) });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await open.mutateAsync({ input: { ...v, concernText: v.concernText || null } });
      void navigate(`/oppfolging/${r.openFollowUpCase.id}`);
    } catch {
      /* shown below */
    }
  };
  const running = (apprentices.data?.apprentices ?? []).filter((a) => a.status === 'ACTIVE' || a.status === 'INTERRUPTED');
  return (
    <Section id="open-case-title" title={t('followUp.openCase')}>
      <form className="ln-stack" onSubmit={(e) => void submit(e)} noValidate data-testid="open-case-form">
        <div>
          <label htmlFor="open-case-apprentice">{t('followUp.apprentice')}</label>
          <Select id="open-case-apprentice" value={v.apprenticeId} onChange={(e) => setV({ ...v, apprenticeId: e.target.value })}>
            <Select.Option value="">{t('followUp.chooseApprentice')}</Select.Option>
            {running.map((a) => (
              <Select.Option key={a.id} value={a.id}>
                {a.name}
              </Select.Option>
            ))}
          </Select>
        </div>
        <Textfield
          label={t('followUp.openedOn')}
          type="date"
          value={v.openedOn}
          onChange={(e) => setV({ ...v, openedOn: e.target.value })}
        />
        <Fieldset>
          <Fieldset.Legend>{t('followUp.concerns')}</Fieldset.Legend>
          {Object.values(FollowUpConcern).map((c) => (
            <Checkbox
              key={c}
              label={label(FOLLOW_UP_CONCERN_LABELS, c)}
              value={c}
              checked={v.concerns.includes(c)}
              onChange={(e) => toggle(c, e.target.checked)}
            />
          ))}
        </Fieldset>
        <Textfield
          label={t('followUp.concernText')}
          multiline
          rows={3}
          value={v.concernText}
          onChange={(e) => setV({ ...v, concernText: e.target.value })}
        />
        <div>
          <Button type="submit" loading={open.isPending}>
            {t('followUp.openCase')}
          </Button>
        </div>
      </form>
      <ErrorAlert error={open.error} />
    </Section>
  );
}

function RetentionForm({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const q = useFollowUpSettings(agencyId);
  const save = useSetFollowUpSettings();
  const [months, setMonths] = useState<string | null>(null);
  const value = months ?? String(q.data?.followUpSettings.retentionMonths ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ input: { agencyId, retentionMonths: Number(value) } });
  };
  return (
    <Section id="retention-title" title={t('followUp.retention')}>
      <Paragraph>{t('followUp.retentionHelp')}</Paragraph>
      <form className="ln-row" onSubmit={submit} noValidate>
        <Textfield
          label={t('followUp.retentionMonths')}
          type="number"
          min={1}
          max={120}
          value={value}
          onChange={(e) => setMonths(e.target.value)}
        />
        <Button type="submit" variant="secondary" loading={save.isPending}>
          {t('followUp.saveRetention')}
        </Button>
      </form>
      <ErrorAlert error={save.error ?? q.error} />
      {save.isSuccess && (
        <Alert data-color="success" role="status">
          {t('followUp.saved')}
        </Alert>
      )}
    </Section>
  );
}
