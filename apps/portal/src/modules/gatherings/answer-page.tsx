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
  // The answer the mail's link chose (…?svar=ja|nei), to confirm with one press.
  const suggested = params.get('svar');
  const chosen = suggested === 'ja' ? 'YES' : suggested === 'nei' ? 'NO' : null;
  // Registered in this visit: only then is it thanked for.
  const saved = answer.data?.answerGatheringByLink.state ?? null;

  const send = (a: 'YES' | 'NO') =>
    answer.mutate({ token, input: { answer: a, accessibilityNeeds: accessibility, dietaryNeeds: dietary } });

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
              {/* A link in a mail never answers by itself (mail scanners open links): it preselects the
                  answer, which one press confirms. What is registered is said as it is, never as new. */}
              {chosen && !saved && (
                <Alert data-color="info" role="status">
                  {t('gatherings.chosen', { state: t(`gatherings.states.${chosen}`) })}
                </Alert>
              )}
              <div className="ln-row">
                <Button
                  variant={chosen === 'NO' ? 'secondary' : 'primary'}
                  onClick={() => send('YES')}
                  loading={answer.isPending && answer.variables?.input.answer === 'YES'}
                >
                  {t('gatherings.yes')}
                </Button>
                <Button
                  variant={chosen === 'NO' ? 'primary' : 'secondary'}
                  onClick={() => send('NO')}
                  loading={answer.isPending && answer.variables?.input.answer === 'NO'}
                >
                  {t('gatherings.no')}
                </Button>
              </div>
              <ErrorAlert error={answer.error} />
              {saved ? (
                <Alert data-color="success" role="status">
                  {t('gatherings.saved', { state: t(`gatherings.states.${saved}`) })}
                </Alert>
              ) : (
                inv.state && <Paragraph>{t('gatherings.current', { state: t(`gatherings.states.${inv.state}`) })}</Paragraph>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
