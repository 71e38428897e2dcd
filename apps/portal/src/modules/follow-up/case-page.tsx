import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useFollowUpCase, useSetFollowUpActionDone } from '@laerenett/portal-data-access';
import { FOLLOW_UP_CONCERN_LABELS, FollowUpConcern, TERMINATION_PHASE_LABELS, TerminationPhase } from '@laerenett/shared-domain';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Facts, useDay } from '../apprenticeship/parts';
import { ErrorAlert } from '../layout/error-alert';
import { Section } from '../layout/section';
import { StatusTag, StepList, useLabel } from './parts';
import { StepForm } from './step-form';

/** One follow-up case: the concern, the steps so far and the next one, for the agency (and, read-only, the apprentice). */
export function FollowUpCasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const day = useDay();
  const label = useLabel();
  const q = useFollowUpCase(id);
  const done = useSetFollowUpActionDone();
  if (q.isLoading) return <Spinner aria-label={t('app.loading')} />;
  const c = q.data?.followUpCase;
  return (
    <>
      <Heading level={1} data-size="lg">
        {c ? t('followUp.caseTitle', { name: c.apprenticeName }) : t('followUp.title')}
      </Heading>
      <ErrorAlert error={q.error} />
      {c && (
        <div className="ln-stack">
          <div className="ln-row">
            <StatusTag status={c.status} />
          </div>
          <Facts
            testId="follow-up-facts"
            rows={[
              [t('followUp.openedOn'), `${day(c.openedOn)}${c.openedByName ? ` (${c.openedByName})` : ''}`],
              [
                t('followUp.concerns'),
                [...c.concerns.map((k) => label(FOLLOW_UP_CONCERN_LABELS, k as FollowUpConcern)), c.concernText].filter(Boolean).join(', '),
              ],
              ...(c.closedOn ? [[t('followUp.closedOn'), day(c.closedOn)] as [string, string]] : []),
              ...(c.nextMeetingOn && !c.closedOn ? [[t('followUp.nextMeeting'), day(c.nextMeetingOn)] as [string, string]] : []),
              ...(c.terminationPhase
                ? [[t('followUp.phase'), label(TERMINATION_PHASE_LABELS, c.terminationPhase as TerminationPhase)] as [string, string]]
                : []),
              ...(c.erasureDay ? [[t('followUp.erasureDay'), day(c.erasureDay)] as [string, string]] : []),
            ]}
          />
          {c.rightToEducationNormallyKept && (
            <Alert data-color="info" data-testid="right-to-education">
              {t('followUp.rightToEducation')}
            </Alert>
          )}
          <Section id="steps-title" title={t('followUp.steps')}>
            <StepList steps={c.steps} onDone={c.canKeep ? (actionId, d) => done.mutate({ id: actionId, done: d }) : undefined} />
            <ErrorAlert error={done.error} />
          </Section>
          {c.canKeep && c.nextSteps.length > 0 && <StepForm key={c.steps.length} c={c} />}
          {c.nextSteps.length === 0 && <Paragraph>{t('followUp.closed')}</Paragraph>}
        </div>
      )}
    </>
  );
}
