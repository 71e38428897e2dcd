import { Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ApprenticeshipFields } from '@laerenett/portal-data-access';
import { useTranslation } from 'react-i18next';
import { Section } from '../layout/section';

/** Today in Oslo (YYYY-MM-DD), the day the server judges dates by. */
export const todayInOslo = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

/** A calendar day (YYYY-MM-DD) as the reader writes it. */
export function useDay() {
  const { i18n } = useTranslation();
  return (iso: string | null | undefined) =>
    iso
      ? new Date(`${iso}T12:00:00Z`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nb-NO', {
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          timeZone: 'UTC',
        })
      : '–';
}

export const tradeName = (a: { tradeNameNb: string; tradeNameEn: string }, lang: string) => (lang === 'en' ? a.tradeNameEn : a.tradeNameNb);

/** The early warnings of one apprenticeship, as tags. */
export function WarningTags({ warnings }: { warnings: { kind: string; date: string }[] }) {
  const { t } = useTranslation();
  const day = useDay();
  return (
    <>
      {warnings.map((w) => (
        <Tag key={w.kind} data-color="warning" data-size="sm">
          {t(`apprenticeship.warningKinds.${w.kind}`, { date: day(w.date) })}
        </Tag>
      ))}
    </>
  );
}

type Fact = [term: string, value: string];

/** A list of terms and their values; a row that is `false` is left out. */
export function Facts({ rows, testId }: { rows: (Fact | false)[]; testId?: string }) {
  return (
    <dl className="ln-facts" data-testid={testId}>
      {rows
        .filter((r): r is Fact => r !== false)
        .map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

/** A part of the page that is a list of terms and their values. */
export function FactsSection({ id, title, testId, rows }: { id: string; title: string; testId: string; rows: (Fact | false)[] }) {
  return (
    <Section id={id} title={title}>
      <Facts rows={rows} testId={testId} />
    </Section>
  );
}

/** The contract and its dates, as the apprentice and the agency both see them. */
export function ContractFacts({ a }: { a: ApprenticeshipFields }) {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const moved = Math.round((Date.parse(a.plannedEnd) - Date.parse(a.originalEnd)) / 86_400_000);
  return (
    <FactsSection
      id="contract-title"
      title={t('apprenticeship.contract')}
      testId="contract-facts"
      rows={[
        [t('apprenticeship.trade'), tradeName(a, i18n.language)],
        [t('apprenticeship.kind'), t(`apprenticeship.kinds.${a.kind}`)],
        [t('apprenticeship.status'), t(`apprenticeship.statuses.${a.status}`)],
        [t('apprenticeship.start'), day(a.contractStart)],
        [
          t('apprenticeship.plannedEnd'),
          moved > 0 ? `${day(a.plannedEnd)} (${t('apprenticeship.plannedEndMoved', { count: moved })})` : day(a.plannedEnd),
        ],
        !!a.endedOn && [t('apprenticeship.endedOn'), day(a.endedOn)],
        [t('apprenticeship.probationEnd'), a.probationEnd ? day(a.probationEnd) : t('apprenticeship.noProbation')],
        [t('apprenticeship.county'), a.county ?? '–'],
        [t('apprenticeship.trainingOffice'), a.trainingOfficeName ?? '–'],
      ]}
    />
  );
}

/** What is due next: the start-up talk, the next assessment, the trade test. */
export function NextFacts({ a }: { a: ApprenticeshipFields }) {
  const { t } = useTranslation();
  const day = useDay();
  return (
    <FactsSection
      id="next-title"
      title={t('apprenticeship.next')}
      testId="next-facts"
      rows={[
        !!a.startupTalkDue && [t('apprenticeship.startupTalkDue'), day(a.startupTalkDue)],
        [t('apprenticeship.nextAssessmentDue'), day(a.nextAssessmentDue)],
        [t('apprenticeship.tradeTestDue'), day(a.tradeTestRegistrationDue)],
        [t('apprenticeship.tradeTest'), t(`apprenticeship.tradeTestStates.${a.tradeTestState}`)],
      ]}
    />
  );
}

/** An interruption's days away: from its first to its last, or still going on. */
export function InterruptionPeriod({ x }: { x: { startsOn: string; endsOn?: string | null } }) {
  const { t } = useTranslation();
  const day = useDay();
  return <>{`${day(x.startsOn)} – ${x.endsOn ? day(x.endsOn) : t('apprenticeship.ongoing')}`}</>;
}

/** The talks held, newest first. */
export function TalkList({ a }: { a: ApprenticeshipFields }) {
  const { t } = useTranslation();
  const day = useDay();
  return (
    <Section id="talks-title" title={t('apprenticeship.talks')}>
      <ul className="ln-plain-list" data-testid="talks">
        {a.talks.length === 0 && <li>{t('apprenticeship.noTalks')}</li>}
        {[...a.talks].reverse().map((x) => (
          <li key={x.id} className="ln-card">
            <strong>
              {t(`apprenticeship.talkKinds.${x.kind}`)} · {day(x.heldOn)}
            </strong>
            {x.summary && <Paragraph>{x.summary}</Paragraph>}
            {x.goals && (
              <Paragraph>
                {t('apprenticeship.goals')}: {x.goals}
              </Paragraph>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
