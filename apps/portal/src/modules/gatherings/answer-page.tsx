import { Alert, Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useAnswerGatheringByLink, useGatheringInvitation } from '@laerenett/portal-data-access';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../layout/error-alert';
import { formatWhen } from './format';

/** The page an invitation's answer link opens: answer without signing in. */
export function AnswerPage() {
  const { t, i18n } = useTranslation();
  const token = useParams().token ?? '';
  const [params] = useSearchParams();
  const invitation = useGatheringInvitation(token);
  const answer = useAnswerGatheringByLink();
  const [accessibility, setAccessibility] = useState('');
  const [dietary, setDietary] = useState('');
  const inv = invitation.data?.gatheringInvitation;
  const suggested = params.get('svar');

  const send = (a: 'YES' | 'NO') => answer.mutate({ token, input: { answer: a, accessibilityNeeds: accessibility, dietaryNeeds: dietary } });

  return (
    <section className="ln-narrow" aria-labelledby="answer-title">
      <Heading level={1} data-size="lg" id="answer-title">
        {t('gatherings.answerTitle')}
      </Heading>
      {invitation.isLoading && <Spinner aria-label={t('app.loading')} />}
      <ErrorAlert error={invitation.error} />
      {inv && (
        <>
          <Heading level={2} data-size="md">
            {inv.title}
          </Heading>
          <Paragraph>{formatWhen(inv.startsAt, inv.endsAt, i18n.language)}</Paragraph>
          {inv.place && <Paragraph>{inv.place}</Paragraph>}
          {inv.status === 'CANCELLED' ? (
            <Alert data-color="warning">{t('gatherings.cancelledNotice')}</Alert>
          ) : (
            <>
              <Paragraph>{t('gatherings.answerIntro', { name: inv.personName })}</Paragraph>
              <Textfield label={t('gatherings.accessibility')} value={accessibility} onChange={(e) => setAccessibility(e.target.value)} />
              <Textfield label={t('gatherings.dietary')} value={dietary} onChange={(e) => setDietary(e.target.value)} />
              <div className="ln-row">
                <Button variant={suggested === 'nei' ? 'secondary' : 'primary'} onClick={() => send('YES')} loading={answer.isPending}>
                  {t('gatherings.yes')}
                </Button>
                <Button variant={suggested === 'nei' ? 'primary' : 'secondary'} onClick={() => send('NO')}>
                  {t('gatherings.no')}
                </Button>
              </div>
              <ErrorAlert error={answer.error} />
              {(answer.data?.answerGatheringByLink.state ?? inv.state) && (
                <Alert data-color="success" role="status">
                  {t('gatherings.saved', { state: t(`gatherings.states.${answer.data?.answerGatheringByLink.state ?? inv.state}`) })}
                </Alert>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
