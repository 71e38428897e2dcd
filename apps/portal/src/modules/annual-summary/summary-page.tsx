import { Alert, Button, Heading, Link as DsLink, Paragraph, Spinner, Tag, Textfield } from '@digdir/designsystemet-react';
import {
  useCompileSummary,
  useLatestSummaryCompilation,
  useRefetch,
  useSendSummary,
  useSummaryOverview,
  useUpdateSummaryCycle,
  type SummaryOverviewQuery,
  type SummaryVersionListFieldsFragment,
} from '@laerenett/portal-data-access';
import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../layout/error-alert';
import { formatDay, formatInstant, thisYear } from '../gatherings/format';
import { REPORT_COLOUR } from './status';
import { DataTable } from '../layout/table-wrap';
import { Section } from '../layout/section';

type Cycle = SummaryOverviewQuery['summaryCycle'];
const DATE_FIELDS = ['opensOn', 'agencyDeadline', 'compileFrom', 'compileTo', 'sendBy'] as const;

function Dates({ c }: { c: Cycle }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateSummaryCycle();
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState(
    () => Object.fromEntries(DATE_FIELDS.map((k) => [k, c[k]])) as Record<(typeof DATE_FIELDS)[number], string>,
  );
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await update.mutateAsync({ input: { year: c.year, areaId: c.areaId, ...form } });
      setEditing(false);
    } catch {
      /* shown below */
    }
  };
  return (
    <Section id="dates-title" className="ln-card" title={t('summary.dates')}>
      {editing ? (
        <form onSubmit={save} noValidate>
          <div className="ln-row">
            {DATE_FIELDS.map((k) => (
              <Textfield
                key={k}
                type="date"
                label={t(`summary.${k}`)}
                value={form[k]}
                onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))}
              />
            ))}
          </div>
          <div className="ln-row">
            <Button type="submit" disabled={update.isPending}>
              {t('summary.saveDates')}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setEditing(false)}>
              {t('summary.cancel')}
            </Button>
          </div>
          <ErrorAlert error={update.error} />
        </form>
      ) : (
        <>
          <dl className="ln-figures">
            {DATE_FIELDS.map((k) => (
              <div key={k}>
                <dt>{t(`summary.${k}`)}</dt>
                <dd>{formatDay(c[k], i18n.language)}</dd>
              </div>
            ))}
          </dl>
          <Paragraph data-size="sm">
            {c.isDefault ? `${t('summary.defaults')} ` : ''}
            {t('summary.reminders', { days: c.reminderDays.map((d) => formatDay(d, i18n.language)).join(', ') })}{' '}
            {t('summary.autoCompile', { date: formatDay(c.autoCompileOn, i18n.language) })}
          </Paragraph>
          {!c.sentAt && (
            <div>
              <Button variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
                {t('summary.editDates')}
              </Button>
            </div>
          )}
        </>
      )}
    </Section>
  );
}

function Board({ board, year }: { board: SummaryOverviewQuery['summaryStatusBoard']; year: number }) {
  const { t, i18n } = useTranslation();
  const c = board.counts;
  return (
    <Section id="board-title" title={t('summary.board')}>
      <div className="ln-row" data-testid="board-counts">
        <Tag data-color="success">{`${t('report.status.SUBMITTED')}: ${c.submitted}`}</Tag>
        <Tag data-color="info">{`${t('report.status.DRAFT')}: ${c.draft}`}</Tag>
        <Tag data-color="neutral">{`${t('report.status.NOT_STARTED')}: ${c.notStarted}`}</Tag>
        <Tag data-color="danger">{`${t('report.status.LATE')}: ${c.late}`}</Tag>
      </div>
      <DataTable
        label={t('summary.board')}
        testId="summary-board"
        columns={[t('summary.agency'), t('summary.state'), t('summary.submittedAt')]}
      >
        {board.rows.map((r) => (
          <tr key={r.agencyId}>
            <th scope="row">
              <DsLink asChild>
                <Link to={`/arsrapport/${r.agencyId}?year=${year}`}>{r.agencyName}</Link>
              </DsLink>
            </th>
            <td>
              <Tag data-color={REPORT_COLOUR[r.status]}>{t(`report.status.${r.status}`)}</Tag>
            </td>
            <td>
              {r.submittedAt ? formatInstant(r.submittedAt, i18n.language) : '–'}
              {r.submittedLate ? ` (${t('summary.late')})` : ''}
            </td>
          </tr>
        ))}
      </DataTable>
    </Section>
  );
}

function Compile({ year, areaId, closed }: { year: number; areaId?: string; closed: boolean }) {
  const { t } = useTranslation();
  const latest = useLatestSummaryCompilation(year, areaId);
  const compile = useCompileSummary();
  const c = latest.data?.latestSummaryCompilation;
  const refetch = useRefetch();
  const versionId = c?.versionId;
  useEffect(() => {
    if (versionId) void refetch('SummaryOverview');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [versionId]);
  const running = c && (c.status === 'QUEUED' || c.status === 'RUNNING');
  const stepText = c ? t(`summary.steps.${c.step}`, { done: c.done, total: c.total, name: c.currentItem }) : '';
  return (
    <Section id="compile-title" className="ln-card" title={t('summary.compile')}>
      <Paragraph data-size="sm">{t('summary.compileHint')}</Paragraph>
      {!closed && (
        <div>
          <Button onClick={() => compile.mutate({ year, areaId })} disabled={!!running || compile.isPending}>
            {t('summary.compileNow')}
          </Button>
        </div>
      )}
      {running && c && (
        <div data-testid="compile-progress">
          <label htmlFor="compile-progress-bar">{t('summary.progress')}</label>
          <progress
            id="compile-progress-bar"
            className="ln-progress"
            max={100}
            value={c.percent}
            aria-valuetext={`${c.percent} % – ${stepText}`}
          />
          <Paragraph aria-live="polite" data-size="sm">
            {c.percent} % – {stepText}
          </Paragraph>
        </div>
      )}
      {c?.status === 'COMPLETE' && (
        <Alert data-color="success" role="status" data-testid="compile-done">
          {t('summary.steps.done')}
        </Alert>
      )}
      {c?.status === 'FAILED' && <Alert data-color="danger">{t('summary.failed', { error: c.error })}</Alert>}
      <ErrorAlert error={compile.error} />
    </Section>
  );
}

export function Files({ v }: { v: { id: string } }) {
  const { t } = useTranslation();
  return (
    <span className="ln-row">
      <DsLink href={`/api/annual-summary/${v.id}/summary.pdf`} target="_blank" rel="noopener">
        {t('summary.pdf')}
      </DsLink>
      <DsLink href={`/api/annual-summary/${v.id}/summary.pdf?lang=en`} target="_blank" rel="noopener" lang="en">
        {t('summary.pdfEn')}
      </DsLink>
      <DsLink href={`/api/annual-summary/${v.id}/summary.xlsx`}>{t('summary.xlsx')}</DsLink>
    </span>
  );
}

export function SendButton({ v }: { v: SummaryVersionListFieldsFragment }) {
  const { t } = useTranslation();
  const send = useSendSummary();
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <Button data-size="sm" onClick={() => setConfirming(true)}>
        {t('summary.send')}
      </Button>
    );
  return (
    <div role="group" aria-label={t('summary.send')}>
      <Paragraph data-size="sm">{t('summary.sendConfirm', { n: v.version })}</Paragraph>
      <div className="ln-row">
        <Button data-size="sm" onClick={() => send.mutate({ versionId: v.id })} disabled={send.isPending}>
          {t('summary.confirmSend')}
        </Button>
        <Button data-size="sm" variant="tertiary" onClick={() => setConfirming(false)}>
          {t('summary.cancel')}
        </Button>
      </div>
      <ErrorAlert error={send.error} />
    </div>
  );
}

function Versions({
  versions,
  closed,
  title,
  empty,
  testId,
}: {
  versions: SummaryVersionListFieldsFragment[];
  closed: boolean;
  title: string;
  empty: string;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-label={title}>
      <Heading level={2} data-size="sm">
        {title}
      </Heading>
      {versions.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <DataTable
          label={title}
          testId={testId}
          columns={[
            t('summary.year'),
            t('summary.versions'),
            t('summary.made'),
            t('report.snapshot'),
            t('summary.state'),
            t('summary.open'),
          ]}
        >
          {versions.map((v) => (
            <tr key={v.id}>
              <td>{v.year}</td>
              <th scope="row">
                <DsLink asChild>
                  <Link to={`/arsoppsummering/${v.id}`}>{t('summary.version', { n: v.version })}</Link>
                </DsLink>
              </th>
              <td>
                {formatInstant(v.createdAt, i18n.language)}
                {v.createdByName ? ` – ${v.createdByName}` : ''}
              </td>
              <td>{v.totals.apprenticesSnapshot}</td>
              <td>
                {v.sentAt ? (
                  <>
                    <Tag data-color="success">{t('summary.sent', { date: formatInstant(v.sentAt, i18n.language) })}</Tag>
                    <Paragraph data-size="xs">{t('summary.sentTo', { n: v.recipients, d: v.delivered })}</Paragraph>
                  </>
                ) : closed ? (
                  '–'
                ) : (
                  <SendButton v={v} />
                )}
              </td>
              <td>
                <Files v={v} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** `/arsoppsummering`: the ministry's December page — dates, status board, compile, versions, archive. */
export function SummaryPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || thisYear();
  const q = useSummaryOverview(year);
  if (q.isLoading) return <Spinner aria-label={t('app.loading')} />;
  const d = q.data;
  if (!d) return <ErrorAlert error={q.error} />;
  const closed = !!d.summaryCycle.sentAt;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('summary.title', { year })}
      </Heading>
      {closed && (
        <Alert data-color="success">
          {t('summary.closed', { year, date: formatInstant(d.summaryCycle.sentAt as string, i18n.language) })}
        </Alert>
      )}
      <Dates key={`${d.summaryCycle.opensOn}${d.summaryCycle.sendBy}`} c={d.summaryCycle} />
      <Board board={d.summaryStatusBoard} year={year} />
      <Compile year={year} closed={closed} />
      <Versions
        versions={d.summaryVersions}
        closed={closed}
        title={t('summary.versions')}
        empty={t('summary.noVersions')}
        testId="summary-versions"
      />
      <Versions versions={d.summaryArchive} closed title={t('summary.archive')} empty={t('summary.noArchive')} testId="summary-archive" />
    </>
  );
}
