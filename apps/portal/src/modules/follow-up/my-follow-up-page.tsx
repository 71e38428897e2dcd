import { Heading, Link as DsLink, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useMyFollowUpCases } from '@laerenett/portal-data-access';
import { useTranslation } from 'react-i18next';
import { useDay } from '../apprenticeship/parts';
import { ErrorAlert } from '../layout/error-alert';
import { Section } from '../layout/section';
import { StatusTag, StepList } from './parts';

/** The apprentice's own follow-up: the plan and the steps (not the staff's notes), and the download of everything held about them. */
export function MyFollowUpPage() {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const q = useMyFollowUpCases();
  const cases = q.data?.myFollowUpCases ?? [];
  const open = cases.filter((c) => c.status === 'OPEN');
  const actions = open.flatMap((c) => c.steps.flatMap((s) => s.actions)).filter((a) => !a.doneOn);
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('followUp.mine')}
      </Heading>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spinner aria-label={t('app.loading')} />}
      {q.data && cases.length === 0 && <Paragraph>{t('followUp.mineNone')}</Paragraph>}
      {open.length > 0 && (
        <Section id="my-plan-title" title={t('followUp.myPlan')}>
          <ul className="ln-stack" data-testid="my-plan">
            {actions.map((a) => (
              <li key={a.id}>
                <strong>{a.description}</strong> — {a.ownerName}, {t('followUp.due', { day: day(a.deadline) })}
                {a.overdue ? ` · ${t('followUp.overdue')}` : ''}
              </li>
            ))}
          </ul>
          {open.map(
            (c) => c.nextMeetingOn && <Paragraph key={c.id}>{t('followUp.nextMeetingOn', { day: day(c.nextMeetingOn) })}</Paragraph>,
          )}
        </Section>
      )}
      {cases.map((c) => (
        <Section key={c.id} id={`case-${c.id}`} title={t('followUp.caseSince', { day: day(c.openedOn) })}>
          <div className="ln-row">
            <StatusTag status={c.status} />
          </div>
          <StepList steps={c.steps} />
        </Section>
      ))}
      <Section id="my-data-title" title={t('followUp.myData')}>
        <Paragraph>{t('followUp.myDataHelp')}</Paragraph>
        <div className="ln-row">
          <DsLink href="/api/follow-up/mine.json">{t('followUp.downloadJson')}</DsLink>
          <DsLink href={`/api/follow-up/mine.pdf?lang=${i18n.language === 'en' ? 'en' : 'nb'}`}>{t('followUp.downloadPdf')}</DsLink>
        </div>
      </Section>
    </>
  );
}
