import { Alert, Button, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import {
  useAnswerGathering,
  useGatheringCriteria,
  useGatherings,
  useGatheringSeries,
  usePublishGathering,
  useSetGatheringSeriesPaused,
} from '@laerenett/portal-data-access';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../layout/error-alert';
import { usePlanner } from '../networks/use-planner';
import { formatWhen } from './format';
import { ScheduleForm } from './schedule-form';
import { CancelGathering } from './cancel-gathering';
import { DataTable } from '../layout/table-wrap';
import { Section } from '../layout/section';

const THIS_YEAR = new Date().getFullYear();

function Schedules() {
  const { t } = useTranslation();
  const series = useGatheringSeries();
  const setPaused = useSetGatheringSeriesPaused();
  if (!series.data || series.data.gatheringSeries.length === 0) return null;
  return (
    <Section id="schedules-title" title={t('gatherings.schedules')}>
      <Paragraph data-size="sm">{t('gatherings.pausedHint')}</Paragraph>
      <ul className="ln-plain-list">
        {series.data.gatheringSeries.map((s) => (
          <li key={s.id} className="ln-row" data-series={s.title}>
            <span>
              {s.title} · {t(`gatherings.audiences.${s.audience}`)} · {s.startTime}–{s.endTime} ·{' '}
              <Tag data-color={s.paused ? 'warning' : 'success'}>{s.paused ? t('gatherings.paused') : t('gatherings.active')}</Tag>
            </span>
            <Button data-size="sm" variant="secondary" onClick={() => setPaused.mutate({ seriesId: s.id, paused: !s.paused })}>
              {s.paused ? t('gatherings.resume') : t('gatherings.pause')}
            </Button>
          </li>
        ))}
      </ul>
      <ErrorAlert error={setPaused.error} />
    </Section>
  );
}

export function GatheringsPage() {
  const { t, i18n } = useTranslation();
  const { planner } = usePlanner();
  const gatherings = useGatherings();
  const criteria = useGatheringCriteria(THIS_YEAR);
  const publish = usePublishGathering();
  const [cancelled, setCancelled] = useState<string | null>(null);
  const answer = useAnswerGathering();

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('gatherings.title')}
      </Heading>
      {criteria.data && (
        <Section id="criteria-title" title={<>{t('gatherings.criteria', { year: THIS_YEAR })}</>}>
          <ul className="ln-stats">
            {criteria.data.gatheringCriteria.map((c) => (
              <li key={c.key} className="ln-stat" data-testid={`criterion-${c.key}`}>
                <Tag data-color={c.met ? 'success' : 'warning'}>{c.met ? t('gatherings.met') : t('gatherings.notMet')}</Tag>
                <Paragraph>
                  {t(`gatherings.crit.${c.key}`)} ({c.value}/{c.required})
                </Paragraph>
                {c.missing.length > 0 && <Paragraph data-size="sm">{t('gatherings.missing', { list: c.missing.join(', ') })}</Paragraph>}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {planner && <ScheduleForm />}
      {planner && <Schedules />}
      <Section id="list-title" title={t('gatherings.list')}>
        {gatherings.isLoading && <Spinner aria-label={t('app.loading')} />}
        <ErrorAlert error={gatherings.error ?? publish.error ?? answer.error} />
        {cancelled && (
          <Alert data-color="success" role="status">
            {t('gatherings.cancelled', { title: cancelled })}
          </Alert>
        )}
        {gatherings.data && gatherings.data.gatherings.length === 0 && <Paragraph>{t('gatherings.none')}</Paragraph>}
        {gatherings.data && gatherings.data.gatherings.length > 0 && (
          <DataTable
            label={t('gatherings.list')}
            testId="gatherings-table"
            columns={[
              t('gatherings.when'),
              t('gatherings.audience'),
              t('gatherings.status'),
              t('gatherings.answers'),
              t('gatherings.actions'),
            ]}
          >
            {gatherings.data.gatherings.map((g) => (
              <tr key={g.id} data-gathering={g.id}>
                <th scope="row">
                  <Link to={`/samlinger/${g.id}`}>{g.title}</Link>
                  <br />
                  <span>{formatWhen(g.startsAt, g.endsAt, i18n.language)}</span>
                  {g.place && (
                    <>
                      <br />
                      <span>{g.place}</span>
                    </>
                  )}
                </th>
                <td>{t(`gatherings.audiences.${g.audience}`)}</td>
                <td>{t(`gatherings.statuses.${g.status}`)}</td>
                <td data-col="answers">
                  {t('gatherings.answersText', { yes: g.counts.yes, no: g.counts.no, waitlist: g.counts.waitlist })}
                </td>
                <td>
                  <div className="ln-row">
                    {g.canManage && g.status === 'PLANNED' && (
                      <Button data-size="sm" onClick={() => publish.mutate({ id: g.id })}>
                        {t('gatherings.publish')}
                      </Button>
                    )}
                    {g.canManage && g.status !== 'CANCELLED' && (
                      <CancelGathering gathering={g} onCancelled={(title) => setCancelled(title)} />
                    )}
                    {g.status === 'PUBLISHED' && !g.canManage && (
                      <>
                        {g.myAnswer && <span>{t('gatherings.yourAnswer', { state: t(`gatherings.states.${g.myAnswer.state}`) })}</span>}
                        <Button
                          data-size="sm"
                          onClick={() =>
                            answer.mutate({ gatheringId: g.id, input: { answer: 'YES', accessibilityNeeds: '', dietaryNeeds: '' } })
                          }
                        >
                          {t('gatherings.yes')}
                        </Button>
                        <Button
                          data-size="sm"
                          variant="secondary"
                          onClick={() =>
                            answer.mutate({ gatheringId: g.id, input: { answer: 'NO', accessibilityNeeds: '', dietaryNeeds: '' } })
                          }
                        >
                          {t('gatherings.no')}
                        </Button>
                      </>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
    </>
  );
}
