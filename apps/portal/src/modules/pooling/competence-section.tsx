import { Alert, Button, Heading, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import {
  useCloseHelpRequest,
  useCompetenceSubjects,
  useHelpRequests,
  useMe,
  useRequestCompetenceHelp,
  useTakeHelpRequest,
} from '@laerenett/portal-data-access';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../layout/error-alert';
import { Section } from '../layout/section';

/** Competence apprentices: who covers what (public to the area), and help requests from staff. */
export function CompetenceSection() {
  const { t } = useTranslation();
  const me = useMe().data?.me;
  const subjects = useCompetenceSubjects().data?.competenceSubjects ?? [];
  const requests = useHelpRequests().data?.helpRequests ?? [];
  const ask = useRequestCompetenceHelp();
  const take = useTakeHelpRequest();
  const close = useCloseHelpRequest();
  const [form, setForm] = useState({ subjectId: '', description: '' });
  const [notes, setNotes] = useState<Record<string, string>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await ask.mutateAsync({ input: form });
      setForm({ subjectId: '', description: '' });
    } catch {
      /* shown below */
    }
  };
  return (
    <Section id="competence-title" className="ln-stack" title={t('pool.competence')}>
      <Paragraph data-size="sm">{t('pool.competenceHint')}</Paragraph>
      {subjects.length === 0 ? (
        <Paragraph>{t('pool.noSubjects')}</Paragraph>
      ) : (
        <ul>
          {subjects.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong>: {s.apprentices.map((a) => `${a.name} (${a.agencyName})`).join(', ') || '–'}
            </li>
          ))}
        </ul>
      )}
      {me?.capabilities?.askCompetenceHelp && subjects.length > 0 && (
        <details>
          <summary>{t('pool.askHelp')}</summary>
          <form onSubmit={submit} noValidate className="ln-stack">
            <div>
              <label htmlFor="help-subject">{t('pool.subject')}</label>
              <Select id="help-subject" value={form.subjectId} onChange={(e) => setForm((f) => ({ ...f, subjectId: e.target.value }))}>
                <Select.Option value="">{t('pool.chooseSubject')}</Select.Option>
                {subjects.map((s) => (
                  <Select.Option key={s.id} value={s.id}>
                    {s.name}
                  </Select.Option>
                ))}
              </Select>
            </div>
            <Textfield
              label={t('pool.helpDescription')}
              multiline
              rows={2}
              value={form.description}
              onChange={(e) => setForm((f) => ({ ...f, description: e.target.value }))}
            />
            <Button type="submit">{t('pool.send')}</Button>
          </form>
          <ErrorAlert error={ask.error} />
          {ask.isSuccess && (
            <Alert data-color="success" role="status">
              {t('pool.sent')}
            </Alert>
          )}
        </details>
      )}
      <Heading level={3} data-size="xs">
        {t('pool.requests')}
      </Heading>
      {requests.length === 0 ? (
        <Paragraph>{t('pool.noRequests')}</Paragraph>
      ) : (
        <ul className="ln-plain-list" data-testid="help-requests">
          {requests.map((r) => (
            <li key={r.id} className="ln-card">
              <div className="ln-row">
                <Tag data-color={r.status === 'OPEN' ? 'warning' : r.status === 'TAKEN' ? 'info' : 'success'}>
                  {t(`pool.requestStatus.${r.status}`, { name: r.takenByName ?? '' })}
                </Tag>
                <strong>{r.subjectName}</strong>
                <span>{r.requesterName}</span>
              </div>
              <Paragraph>{r.description}</Paragraph>
              {r.closingNote && <Paragraph data-size="sm">{r.closingNote}</Paragraph>}
              {r.canTake && (
                <Button data-size="sm" onClick={() => take.mutate({ requestId: r.id })}>
                  {t('pool.take')}
                </Button>
              )}
              {r.canClose && (
                <form
                  className="ln-row"
                  onSubmit={(e) => {
                    e.preventDefault();
                    close.mutate({ input: { requestId: r.id, note: notes[r.id] ?? '' } });
                  }}
                >
                  <Textfield
                    label={t('pool.closingNote')}
                    data-size="sm"
                    value={notes[r.id] ?? ''}
                    onChange={(e) => setNotes((n) => ({ ...n, [r.id]: e.target.value }))}
                  />
                  <Button type="submit" variant="secondary" data-size="sm">
                    {t('pool.close')}
                  </Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={take.error ?? close.error} />
    </Section>
  );
}
