import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Link as DsLink,
  Paragraph,
  Spinner,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import {
  useAgencyReport,
  useMe,
  useReopenAgencyReport,
  useSaveAgencyReport,
  useSubmitAgencyReport,
  useTrades,
  type AgencyReportFieldsFragment,
} from '@laerenett/portal-data-access';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../layout/error-alert';
import { formatDay, formatInstant, thisYear } from '../gatherings/format';
import { REPORT_COLOUR } from './status';
import { Section } from '../layout/section';

function Figures({ r }: { r: AgencyReportFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const f = r.figures;
  const rule = !f.ruleApplies ? t('report.ruleNA') : f.meetsRule ? t('report.ruleMet') : t('report.ruleNotMet');
  return (
    <Section id="figures-title" className="ln-card" title={t('report.figures')}>
      <Paragraph data-size="sm">{t('report.figuresHint', { date: formatDay(f.asOf, i18n.language) })}</Paragraph>
      <dl className="ln-figures" data-testid="report-figures">
        <div>
          <dt>{t('report.snapshot')}</dt>
          <dd>{f.snapshot}</dd>
        </div>
        <div>
          <dt>{t('report.lastYear')}</dt>
          <dd>{f.snapshotLastYear}</dd>
        </div>
        <div>
          <dt>{t('report.now')}</dt>
          <dd>{f.now}</dd>
        </div>
        <div>
          <dt>{t('report.target')}</dt>
          <dd>{f.target ?? t('report.noTarget')}</dd>
        </div>
        <div>
          <dt>{t('report.rule', { n: f.threshold })}</dt>
          <dd>{rule}</dd>
        </div>
      </dl>
      <Heading level={3} data-size="2xs">
        {t('report.trades')}
      </Heading>
      {f.trades.length ? (
        <ul>
          {f.trades.map((x) => (
            <li key={x.name}>{t('report.tradeLine', { name: x.name, now: x.now, snapshot: x.snapshot })}</li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('report.none')}</Paragraph>
      )}
      <Heading level={3} data-size="2xs">
        {t('report.gatherings')}
      </Heading>
      {f.gatherings.length ? (
        <ul>
          {f.gatherings.map((g) => (
            <li key={`${g.date}${g.title}`}>
              {formatDay(g.date, i18n.language)}: {g.title} – {g.people.join(', ')}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('report.none')}</Paragraph>
      )}
      <Heading level={3} data-size="2xs">
        {t('report.pool')}
      </Heading>
      {f.poolEvents.length ? (
        <ul>
          {f.poolEvents.map((e) => (
            <li key={e.title}>{t('report.poolLine', { title: e.title, host: e.hostName, count: e.helpers, hours: e.hours })}</li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('report.none')}</Paragraph>
      )}
      <Paragraph data-size="sm">{t('report.poolTotal', { hours: f.poolHours, count: f.poolEventsHosted })}</Paragraph>
      <Heading level={3} data-size="2xs">
        {t('report.competence')}
      </Heading>
      <Paragraph>
        {f.competenceApprentices.length ? f.competenceApprentices.map((c) => `${c.name} (${c.subject})`).join(', ') : t('report.none')}
      </Paragraph>
    </Section>
  );
}

function NarrativeForm({ r }: { r: AgencyReportFieldsFragment }) {
  const { t } = useTranslation();
  const trades = useTrades().data?.trades ?? [];
  const save = useSaveAgencyReport();
  const submit = useSubmitAgencyReport();
  const [saved, setSaved] = useState(false);
  const [form, setForm] = useState({
    yearInReview: r.yearInReview,
    whatWorked: r.whatWorked,
    challenges: r.challenges,
    nextYearTradeIds: r.nextYearTradeIds,
    nextYearTradesNote: r.nextYearTradesNote,
    targetNextYear: r.targetNextYear === null || r.targetNextYear === undefined ? '' : String(r.targetNextYear),
  });
  const input = () => ({
    agencyId: r.agencyId,
    year: r.year,
    yearInReview: form.yearInReview,
    whatWorked: form.whatWorked,
    challenges: form.challenges,
    nextYearTradeIds: form.nextYearTradeIds,
    nextYearTradesNote: form.nextYearTradesNote,
    targetNextYear: form.targetNextYear === '' ? null : Number(form.targetNextYear),
  });
  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    try {
      await save.mutateAsync({ input: input() });
      setSaved(true);
    } catch {
      /* shown below */
    }
  };
  const onSubmit = async () => {
    setSaved(false);
    try {
      await save.mutateAsync({ input: input() });
      await submit.mutateAsync({ agencyId: r.agencyId, year: r.year });
    } catch {
      /* shown below */
    }
  };
  const field = (k: 'yearInReview' | 'whatWorked' | 'challenges', rows = 5) => (
    <Textfield
      label={t(`report.${k}`)}
      multiline
      rows={rows}
      value={form[k]}
      onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))}
    />
  );
  return (
    <form onSubmit={onSave} noValidate className="ln-card" aria-labelledby="narrative-title">
      <Heading level={2} data-size="sm" id="narrative-title">
        {t('report.narrative')}
      </Heading>
      <Paragraph data-size="sm">{t('report.privacy')}</Paragraph>
      {field('yearInReview', 6)}
      {field('whatWorked')}
      {field('challenges')}
      <Fieldset>
        <Fieldset.Legend>{t('report.nextTrades')}</Fieldset.Legend>
        {trades.map((tr) => (
          <Checkbox
            key={tr.id}
            label={tr.nameNb}
            value={tr.id}
            checked={form.nextYearTradeIds.includes(tr.id)}
            onChange={(e) =>
              setForm((f) => ({
                ...f,
                nextYearTradeIds: e.target.checked ? [...f.nextYearTradeIds, tr.id] : f.nextYearTradeIds.filter((x) => x !== tr.id),
              }))
            }
          />
        ))}
      </Fieldset>
      <Textfield
        label={t('report.nextTradesNote')}
        value={form.nextYearTradesNote}
        onChange={(e) => setForm((f) => ({ ...f, nextYearTradesNote: e.target.value }))}
      />
      <Textfield
        label={t('report.targetNextYear')}
        type="number"
        inputMode="numeric"
        min={0}
        max={500}
        value={form.targetNextYear}
        onChange={(e) => setForm((f) => ({ ...f, targetNextYear: e.target.value }))}
      />
      <div className="ln-row">
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          {t('report.save')}
        </Button>
        <Button type="button" onClick={() => void onSubmit()} disabled={save.isPending || submit.isPending}>
          {t('report.submit')}
        </Button>
      </div>
      {saved && (
        <Alert data-color="success" role="status">
          {t('report.saved')}
        </Alert>
      )}
      <ErrorAlert error={save.error ?? submit.error} />
    </form>
  );
}

function ReadOnly({ r }: { r: AgencyReportFieldsFragment }) {
  const { t } = useTranslation();
  const trades = useTrades().data?.trades ?? [];
  const names = r.nextYearTradeIds.map((id) => trades.find((x) => x.id === id)?.nameNb).filter(Boolean);
  const rows: [string, string][] = [
    [t('report.yearInReview'), r.yearInReview],
    [t('report.whatWorked'), r.whatWorked],
    [t('report.challenges'), r.challenges],
    [t('report.nextTrades'), [...names, r.nextYearTradesNote].filter(Boolean).join('; ')],
    [t('report.targetNextYear'), r.targetNextYear === null || r.targetNextYear === undefined ? '' : String(r.targetNextYear)],
  ];
  return (
    <Section id="narrative-title" className="ln-card" title={t('report.narrative')}>
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k}>
            <Heading level={3} data-size="2xs">
              {k}
            </Heading>
            <Paragraph className="ln-pre">{v}</Paragraph>
          </div>
        ))}
    </Section>
  );
}

function Reopen({ r }: { r: AgencyReportFieldsFragment }) {
  const { t } = useTranslation();
  const reopen = useReopenAgencyReport();
  const [reason, setReason] = useState('');
  return (
    <form
      className="ln-card"
      onSubmit={(e) => {
        e.preventDefault();
        reopen.mutate({ input: { agencyId: r.agencyId, year: r.year, reason } });
      }}
    >
      <Textfield label={t('report.reopenReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div>
        <Button type="submit" variant="secondary" disabled={reopen.isPending}>
          {t('report.reopen')}
        </Button>
      </div>
      <ErrorAlert error={reopen.error} />
    </form>
  );
}

/** `/arsrapport` (your own agency) and `/arsrapport/:agencyId` (the ministry reading one). */
export function AgencyReportPage() {
  const { t, i18n } = useTranslation();
  const { agencyId } = useParams();
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || thisYear();
  const me = useMe().data?.me;
  const q = useAgencyReport(year, agencyId);
  const r = q.data?.agencyReport;
  if (q.isLoading) return <Spinner aria-label={t('app.loading')} />;
  if (!r) return <ErrorAlert error={q.error} />;
  const notOpenYet = r.opensOn > new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('report.title', { year })}: {r.agencyName}
      </Heading>
      <div className="ln-row">
        <Tag data-color={REPORT_COLOUR[r.status]} data-testid="report-status">
          {t(`report.status.${r.status}`)}
        </Tag>
        <Paragraph>{t('report.deadline', { date: formatDay(r.deadline, i18n.language) })}</Paragraph>
      </div>
      {me?.capabilities?.compileSummary && (
        <Paragraph>
          <DsLink asChild>
            <Link to={`/arsoppsummering?year=${year}`}>{t('report.backToBoard')}</Link>
          </DsLink>
        </Paragraph>
      )}
      {notOpenYet && <Alert data-color="info">{t('report.opens', { year, date: formatDay(r.opensOn, i18n.language) })}</Alert>}
      {r.submittedAt && (
        <Alert data-color="success">
          {t('report.submitted', { date: formatInstant(r.submittedAt, i18n.language), name: r.submittedByName ?? '' })}{' '}
          {r.submittedLate ? t('report.late') : ''}
        </Alert>
      )}
      {!r.submittedAt && r.reopenedAt && <Alert data-color="warning">{t('report.reopened', { reason: r.reopenReason })}</Alert>}
      <div className="ln-columns">
        <Figures r={r} />
        {r.editable ? <NarrativeForm key={`${r.id}-${r.updatedAt}`} r={r} /> : <ReadOnly r={r} />}
      </div>
      {r.canReopen && <Reopen r={r} />}
    </>
  );
}
