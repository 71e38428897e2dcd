import { Alert, Heading, Link as DsLink, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useMe, useSummaryVersion } from '@laerenett/portal-data-access';
import type { ApprenticeshipFiguresFields } from '@laerenett/portal-data-access';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApprenticeshipFiguresTable } from '../apprenticeship/figures-page';
import { useDay } from '../apprenticeship/parts';
import { ActualTargetChart } from '../dashboard/charts';
import { FollowUpFigureTables } from '../follow-up/figures-page';
import { ErrorAlert } from '../layout/error-alert';
import { formatDay, formatInstant } from '../gatherings/format';
import { Files, SendButton } from './summary-page';
import { DataTable } from '../layout/table-wrap';
import { Section } from '../layout/section';

const CRITERION_COLOUR = { MET: 'success', IN_PROGRESS: 'warning', NOT_MET: 'danger', UNAVAILABLE: 'neutral' } as const;
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** Keeping apprentices: each agency's counts and the area's, as the version holds them (none in versions compiled before). */
function ApprenticeshipSection({ f }: { f: ApprenticeshipFiguresFields | null | undefined }) {
  const { t } = useTranslation();
  const day = useDay();
  const title = t('summary.apprenticeship');
  return (
    <Section id="apprenticeship-title" title={title}>
      {!f ? (
        <Paragraph>{t('summary.notInVersion')}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm">{t('summary.apprenticeshipHelp', { asOf: day(f.asOf), year: f.year })}</Paragraph>
          <ApprenticeshipFiguresTable f={f} label={title} testId="summary-apprenticeship" inYear />
        </>
      )}
    </Section>
  );
}

/** `/arsoppsummering/:id`: a compiled version as a web page, with its files and (for the ministry) sending. */
export function SummaryVersionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe().data?.me;
  const q = useSummaryVersion(id);
  if (q.isLoading) return <Spinner aria-label={t('app.loading')} />;
  const v = q.data?.summaryVersion;
  if (!v?.content) return <ErrorAlert error={q.error} />;
  const c = v.content;
  const s = v.totals;
  const en = i18n.language === 'en';
  const ministry = !!me?.capabilities?.compileSummary;
  const percent = new Intl.NumberFormat(en ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 1 });
  const figures: [string, string][] = [
    [t('summary.apprenticesSnapshot', { year: c.year }), String(s.apprenticesSnapshot)],
    [
      t('summary.change'),
      `${signed(s.changeFromLastYear)}${s.changePercent === null || s.changePercent === undefined ? '' : ` (${s.changePercent > 0 ? '+' : ''}${percent.format(s.changePercent)} %)`}`,
    ],
    [t('summary.apprenticesNow'), String(s.apprenticesNow)],
    [t('summary.targetSum'), String(s.targetSum)],
    [t('summary.meetingTarget'), t('summary.of', { a: s.agenciesMeetingTarget, b: s.agenciesWithTarget })],
    [t('summary.breakingRule'), String(s.agenciesBreakingRule)],
    [t('summary.gatheringsHeld'), String(s.gatheringsHeld)],
    [t('summary.participants'), String(s.gatheringParticipants)],
    [t('summary.poolHours'), String(s.poolHours)],
    [t('summary.competence'), String(s.competenceApprentices)],
    [t('summary.reports'), t('summary.of', { a: s.agenciesReported, b: s.reportsExpected })],
  ];
  const charted = [...c.agencies].sort((a, b) => Math.max(b.snapshot, b.target ?? 0) - Math.max(a.snapshot, a.target ?? 0)).slice(0, 20);
  return (
    <>
      <Paragraph>
        <DsLink asChild>
          <Link to={`/arsoppsummering?year=${v.year}`}>{t('summary.back')}</Link>
        </DsLink>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t('summary.title', { year: v.year })}: {c.areaName}
      </Heading>
      <div className="ln-row">
        <Tag data-color="neutral">{t('summary.version', { n: v.version })}</Tag>
        <Paragraph data-size="sm">
          {t('summary.made')} {formatInstant(v.createdAt, i18n.language)}
        </Paragraph>
        {v.sentAt && <Tag data-color="success">{t('summary.sent', { date: formatInstant(v.sentAt, i18n.language) })}</Tag>}
      </div>
      <Files v={v} />
      {ministry && !v.sentAt && <SendButton v={v} />}
      {v.sentAt && <Alert data-color="info">{t('summary.sentTo', { n: v.recipients, d: v.delivered })}</Alert>}

      <Section id="key-title" title={t('summary.keyFigures')}>
        <dl className="ln-figures" data-testid="summary-key-figures">
          {figures.map(([k, val]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{val}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="agencies-title" title={t('summary.perAgency')}>
        <ActualTargetChart
          level={3}
          id="agency-chart"
          title={t('summary.chartTitle')}
          desc={t('summary.chartDesc')}
          data={charted.map((a) => ({ name: a.name, actual: a.snapshot, target: a.target ?? 0 }))}
          actualLabel={t('summary.snapshotShort')}
          targetLabel={t('report.target')}
        />
        <DataTable
          label={t('summary.perAgency')}
          testId="summary-agencies"
          columns={[
            t('summary.agency'),
            t('summary.lastYearShort'),
            t('summary.snapshotShort'),
            t('summary.nowShort'),
            t('report.target'),
            t('summary.gap'),
            t('summary.ruleShort'),
            t('summary.hoursShort'),
            t('summary.reportShort'),
          ]}
        >
          {c.agencies.map((a) => (
            <tr key={a.agencyId}>
              <th scope="row">{a.name}</th>
              <td>{a.snapshotLastYear}</td>
              <td>{a.snapshot}</td>
              <td>{a.now}</td>
              <td>{a.target ?? '–'}</td>
              <td>{a.gap === null || a.gap === undefined ? '–' : signed(a.gap)}</td>
              <td>{a.ruleApplies ? (a.meetsRule ? t('summary.met') : t('summary.notMet')) : '–'}</td>
              <td>{a.poolHours}</td>
              <td>{a.isMinistry ? '–' : a.reported ? t('summary.reported') : t('summary.notReported')}</td>
            </tr>
          ))}
        </DataTable>
      </Section>

      <Section id="trades-title" title={t('summary.perTrade')}>
        <ActualTargetChart
          level={3}
          id="trade-chart"
          title={t('summary.perTrade')}
          desc={t('summary.chartTitle')}
          data={c.trades.map((x) => ({ name: en ? x.nameEn : x.nameNb, actual: x.snapshot, target: x.target ?? 0 }))}
          actualLabel={t('summary.snapshotShort')}
          targetLabel={t('report.target')}
        />
      </Section>

      <Section id="gatherings-title" title={t('summary.gatherings')}>
        <ul>
          {c.gatherings.map((g) => (
            <li key={`${g.date}${g.title}`}>
              {formatDay(g.date, i18n.language)}: {g.title} – {g.participants} ({t('summary.agencyCount', { count: g.agencies })})
            </li>
          ))}
        </ul>
        <Heading level={3} data-size="xs">
          {t('summary.criteria')}
        </Heading>
        <ul>
          {c.criteria.map((x) => (
            <li key={x.label}>
              <Tag data-color={CRITERION_COLOUR[x.status]}>{t(`summary.criterionStatus.${x.status}`)}</Tag> {x.label} ({x.value}/
              {x.required}){x.missingNames.length ? ` – ${x.missingNames.join(', ')}` : ''}
            </li>
          ))}
        </ul>
      </Section>

      <ApprenticeshipSection f={c.apprenticeship} />

      <Section id="follow-up-title" title={t('summary.followUp')}>
        {c.followUp ? (
          <Paragraph data-size="sm">{t('followUp.figuresHelp', { year: c.followUp.year })}</Paragraph>
        ) : (
          <Paragraph>{t('summary.notInVersion')}</Paragraph>
        )}
      </Section>
      {c.followUp && <FollowUpFigureTables f={c.followUp} />}

      <Section id="narratives-title" title={t('summary.narratives')}>
        {c.narratives.map((n) => (
          <article key={n.agencyId} className="ln-card">
            <Heading level={3} data-size="xs">
              {n.agencyName}
              {n.submittedLate ? ` (${t('summary.late')})` : ''}
            </Heading>
            {[n.yearInReview, n.whatWorked, n.challenges].filter(Boolean).map((p, i) => (
              <Paragraph key={i} className="ln-pre">
                {p}
              </Paragraph>
            ))}
            {(n.nextYearTradesNb.length > 0 || n.targetNextYear !== null) && (
              <Paragraph data-size="sm">
                {[...(en ? n.nextYearTradesEn : n.nextYearTradesNb), n.nextYearTradesNote].filter(Boolean).join('; ')}
                {n.targetNextYear !== null && n.targetNextYear !== undefined ? ` – ${t('report.targetNextYear')}: ${n.targetNextYear}` : ''}
              </Paragraph>
            )}
          </article>
        ))}
        <Heading level={3} data-size="xs">
          {t('summary.missing')}
        </Heading>
        <Paragraph>{c.missing.length ? c.missing.join(', ') : t('summary.allReported')}</Paragraph>
      </Section>
    </>
  );
}
