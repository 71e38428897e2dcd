import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useMyApprenticeship } from '@laerenett/portal-data-access';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../layout/error-alert';
import { Section } from '../layout/section';
import { ContractFacts, FactsSection, InterruptionPeriod, NextFacts, TalkList, WarningTags } from './parts';

/** The apprentice's own page: the contract and its dates, what is next, the people, whom to contact, gatherings and shifts. */
export function MyApprenticeshipPage() {
  const { t } = useTranslation();
  const q = useMyApprenticeship();
  if (q.isLoading) return <Spinner aria-label={t('app.loading')} />;
  const a = q.data?.myApprenticeship;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('apprenticeship.mine')}
      </Heading>
      <ErrorAlert error={q.error} />
      {!a && !q.error && <Alert data-color="info">{t('apprenticeship.none')}</Alert>}
      {a && (
        <div className="ln-stack">
          <ContractFacts a={a} />
          <NextFacts a={a} />
          {a.warnings.length > 0 && (
            <div className="ln-row">
              <WarningTags warnings={a.warnings} />
            </div>
          )}
          <FactsSection
            id="people-title"
            title={t('apprenticeship.people')}
            testId="people"
            rows={[
              [t('apprenticeship.leader'), a.leader ? `${a.leader.name} (${a.leader.email})` : t('apprenticeship.noLeader')],
              [t('apprenticeship.instructors'), a.instructors.map((p) => p.name).join(', ') || '–'],
            ]}
          />
          <Section id="contact-title" title={t('apprenticeship.contact')}>
            <ul>
              {a.trainingOfficeName && <li>{t('apprenticeship.contactOffice', { name: a.trainingOfficeName })}</li>}
              <li>{a.county ? t('apprenticeship.contactOmbud', { county: a.county }) : t('apprenticeship.contactOmbudUnknown')}</li>
            </ul>
          </Section>
          <TalkList a={a} />
          <Section id="interruptions-title" title={t('apprenticeship.interruptions')}>
            <ul>
              {a.interruptions.length === 0 && <li>{t('apprenticeship.noInterruptions')}</li>}
              {a.interruptions.map((x) => (
                <li key={x.id}>
                  {t(`apprenticeship.interruptionKinds.${x.kind}`)}: <InterruptionPeriod x={x} />
                </li>
              ))}
            </ul>
          </Section>
          <Section id="schedule-title" title={t('apprenticeship.mySchedule')}>
            <Paragraph>
              <Link to="/samlinger">{t('apprenticeship.myGatherings')}</Link> ·{' '}
              <Link to="/mine-vakter">{t('apprenticeship.myShifts')}</Link>
            </Paragraph>
          </Section>
        </div>
      )}
    </>
  );
}
