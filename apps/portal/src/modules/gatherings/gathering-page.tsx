import { Alert, Button, Checkbox, Heading, Link as DsLink, Paragraph, Select, Spinner, Textfield } from '@digdir/designsystemet-react';
import {
  useAddGatheringAction,
  useAreaAgencies,
  useCheckIn,
  useGatheringAnswers,
  useGatheringDetail,
  useSetGatheringActionDone,
  useUpdateGathering,
} from '@laerenett/portal-data-access';
import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../layout/error-alert';
import { formatWhen } from './format';
import { DataTable } from '../layout/table-wrap';
import { Section } from '../layout/section';

const osloDate = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(iso));
const osloTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));

export function GatheringPage() {
  const { t, i18n } = useTranslation();
  const id = useParams().id ?? '';
  const detail = useGatheringDetail(id);
  const g = detail.data?.gathering;
  const organiser = !!g?.checkInLink;
  const answers = useGatheringAnswers(id, organiser);
  const update = useUpdateGathering();
  const agencies = useAreaAgencies();
  const checkIn = useCheckIn();
  const addAction = useAddGatheringAction();
  const setDone = useSetGatheringActionDone();
  const [form, setForm] = useState({
    host: '',
    theme: '',
    agenda: '',
    place: '',
    videoUrl: '',
    capacity: '',
    seats: '',
    date: '',
    start: '',
    end: '',
    minutes: '',
  });
  const [saved, setSaved] = useState(false);
  const [action, setAction] = useState({ text: '', owner: '', due: '' });

  useEffect(() => {
    if (g)
      setForm({
        host: g.hostAgencyId ?? '',
        theme: g.theme,
        agenda: g.agenda,
        place: g.place,
        videoUrl: g.videoUrl,
        capacity: String(g.capacity ?? 0),
        seats: String(g.seatsPerAgency ?? 0),
        date: osloDate(g.startsAt),
        start: osloTime(g.startsAt),
        end: osloTime(g.endsAt),
        minutes: g.minutes,
      });
  }, [g]);

  if (detail.isLoading) return <Spinner aria-label={t('app.loading')} />;
  if (!g) return <ErrorAlert error={detail.error} />;
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    try {
      await update.mutateAsync({
        id,
        input: {
          theme: form.theme,
          agenda: form.agenda,
          place: form.place,
          videoUrl: form.videoUrl,
          capacity: Number(form.capacity) || 0,
          seatsPerAgency: Number(form.seats) || 0,
          date: form.date,
          startTime: form.start,
          endTime: form.end,
          minutes: form.minutes,
          ...(form.host ? { hostAgencyId: form.host } : {}),
        },
      });
      setSaved(true);
    } catch {
      /* shown below */
    }
  };

  return (
    <>
      <Paragraph data-size="sm">
        <Link to="/samlinger">{t('gathering.back')}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {g.title}
      </Heading>
      <Paragraph>{formatWhen(g.startsAt, g.endsAt, i18n.language)}</Paragraph>
      {g.place && <Paragraph>{g.place}</Paragraph>}
      {g.videoUrl && (
        <Paragraph>
          <DsLink href={g.videoUrl}>{g.videoUrl}</DsLink>
        </Paragraph>
      )}
      <Paragraph>
        {t(`gatherings.statuses.${g.status}`)} ·{' '}
        {t('gatherings.answersText', { yes: g.counts.yes, no: g.counts.no, waitlist: g.counts.waitlist })} ·{' '}
        <DsLink href={`/api/gatherings/${g.id}/calendar.ics`}>{t('gathering.calendar')}</DsLink>
      </Paragraph>
      {g.theme && (
        <Paragraph>
          {t('gathering.theme')}: {g.theme}
        </Paragraph>
      )}
      {g.agenda && <Paragraph style={{ whiteSpace: 'pre-wrap' }}>{g.agenda}</Paragraph>}

      {organiser && g.status !== 'CANCELLED' && (
        <Section id="edit-title" title={t('gathering.edit')}>
          <form onSubmit={save} noValidate>
            <div className="ln-row">
              <Textfield label={t('gathering.date')} type="date" value={form.date} onChange={set('date')} />
              <Textfield label={t('gatherings.start')} type="time" value={form.start} onChange={set('start')} />
              <Textfield label={t('gatherings.end')} type="time" value={form.end} onChange={set('end')} />
              <Textfield label={t('gathering.capacity')} type="number" min={0} value={form.capacity} onChange={set('capacity')} />
              <Textfield label={t('gathering.seats')} type="number" min={0} value={form.seats} onChange={set('seats')} />
            </div>
            {agencies.data && (
              <div>
                <label htmlFor="gathering-host">{t('gathering.host')}</label>
                <Select id="gathering-host" value={form.host} onChange={set('host')}>
                  <Select.Option value="">{t('network.choose')}</Select.Option>
                  {agencies.data.agencies.map((a) => (
                    <Select.Option key={a.id} value={a.id}>
                      {a.name}
                    </Select.Option>
                  ))}
                </Select>
              </div>
            )}
            <Textfield label={t('gathering.theme')} value={form.theme} onChange={set('theme')} />
            <Textfield label={t('gathering.place')} value={form.place} onChange={set('place')} />
            <Textfield label={t('gathering.video')} value={form.videoUrl} onChange={set('videoUrl')} />
            <Textfield label={t('gathering.agenda')} multiline rows={4} value={form.agenda} onChange={set('agenda')} />
            <Textfield label={t('gathering.minutes')} multiline rows={4} value={form.minutes} onChange={set('minutes')} />
            <ErrorAlert error={update.error} />
            {saved && (
              <Alert data-color="success" role="status">
                {t('gathering.saved')}
              </Alert>
            )}
            <Button type="submit" loading={update.isPending}>
              {t('gathering.save')}
            </Button>
          </form>
        </Section>
      )}
      {!organiser && g.minutes && (
        <Section id="minutes-title" title={t('gathering.minutes')}>
          <Paragraph style={{ whiteSpace: 'pre-wrap' }}>{g.minutes}</Paragraph>
        </Section>
      )}

      <Section id="actions-title" title={t('gathering.actions')}>
        <ul>
          {g.actions.map((a) => (
            <li key={a.id}>
              {organiser ? (
                <Checkbox
                  label={`${a.text}${a.owner ? ` – ${a.owner}` : ''}${a.dueDate ? ` (${a.dueDate})` : ''}`}
                  checked={a.done}
                  onChange={(e) => setDone.mutate({ id: a.id, done: e.target.checked })}
                />
              ) : (
                <span>
                  {a.done ? '✓ ' : ''}
                  {a.text}
                  {a.owner ? ` – ${a.owner}` : ''}
                </span>
              )}
            </li>
          ))}
        </ul>
        {organiser && (
          <form
            className="ln-row"
            noValidate
            onSubmit={async (e) => {
              e.preventDefault();
              try {
                await addAction.mutateAsync({
                  input: { gatheringId: id, text: action.text, owner: action.owner, dueDate: action.due || null },
                });
                setAction({ text: '', owner: '', due: '' });
              } catch {
                /* shown below */
              }
            }}
          >
            <Textfield
              label={t('gathering.actionText')}
              value={action.text}
              onChange={(e) => setAction((a) => ({ ...a, text: e.target.value }))}
            />
            <Textfield
              label={t('gathering.owner')}
              value={action.owner}
              onChange={(e) => setAction((a) => ({ ...a, owner: e.target.value }))}
            />
            <Textfield
              label={t('gathering.due')}
              type="date"
              value={action.due}
              onChange={(e) => setAction((a) => ({ ...a, due: e.target.value }))}
            />
            <Button type="submit" variant="secondary">
              {t('gathering.addAction')}
            </Button>
          </form>
        )}
        <ErrorAlert error={addAction.error ?? setDone.error} />
      </Section>

      {organiser && (
        <Section id="answers-title" title={t('gathering.answers')}>
          <Paragraph data-size="sm">
            {t('gathering.checkInLink')}: <code>{g.checkInLink}</code>
          </Paragraph>
          {answers.data && (
            <>
              <Paragraph>
                {t('gathering.needs')}:{' '}
                {answers.data.gathering.needs.length ? answers.data.gathering.needs.join(', ') : t('gathering.noNeeds')}
              </Paragraph>
              <DataTable
                label={t('gathering.answers')}
                testId="answers-table"
                columns={[t('agency.name'), t('dashboard.table.name'), t('gatherings.answers'), t('gathering.present')]}
              >
                {answers.data.gathering.rsvps.map((r) => (
                  <tr key={r.userId}>
                    <th scope="row">{r.name}</th>
                    <td>{r.agencyName ?? '–'}</td>
                    <td>{t(`gatherings.states.${r.state}`)}</td>
                    <td>
                      <Checkbox
                        aria-label={`${t('gathering.present')}: ${r.name}`}
                        checked={!!r.checkedInAt}
                        onChange={(e) => checkIn.mutate({ gatheringId: id, userId: r.userId, present: e.target.checked })}
                      />
                    </td>
                  </tr>
                ))}
              </DataTable>
              <ErrorAlert error={checkIn.error} />
            </>
          )}
        </Section>
      )}
    </>
  );
}
