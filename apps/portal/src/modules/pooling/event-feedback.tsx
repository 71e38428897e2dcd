import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useSetPoolEventFeedback, type PoolEventFieldsFragment } from '@laerenett/portal-data-access';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../layout/error-alert';
import { Disclosure } from './disclosure';

function FeedbackForm({ e }: { e: PoolEventFieldsFragment }) {
  const { t } = useTranslation();
  const save = useSetPoolEventFeedback();
  const [text, setText] = useState(e.feedback);
  const submit = (x: FormEvent) => {
    x.preventDefault();
    save.mutate({ input: { eventId: e.id, feedback: text } });
  };
  return (
    <form onSubmit={submit} noValidate className="ln-stack">
      <Textfield
        label={t('pool.feedbackLabel')}
        description={t('pool.feedbackHint')}
        multiline
        rows={3}
        value={text}
        onChange={(x) => setText(x.target.value)}
      />
      <div className="ln-row">
        <Button type="submit" variant="secondary">
          {t('pool.saveFeedback')}
        </Button>
      </div>
      <ErrorAlert error={save.error} />
      {save.isSuccess && (
        <Alert data-color="success" role="status">
          {t('pool.feedbackSaved')}
        </Alert>
      )}
    </form>
  );
}

/** The host's feedback after the event, for all who see the event; the host (or the ministry) writes it once the event has begun. */
export function EventFeedback({ e }: { e: PoolEventFieldsFragment }) {
  const { t } = useTranslation();
  if (!e.feedback && !e.canGiveFeedback) return null;
  return (
    <div className="ln-stack" data-testid="event-feedback">
      <Heading level={4} data-size="2xs">
        {t('pool.feedback')}
      </Heading>
      {e.feedback ? <Paragraph>{e.feedback}</Paragraph> : <Paragraph data-size="sm">{t('pool.noFeedback')}</Paragraph>}
      {e.canGiveFeedback && (
        <Disclosure summary={e.feedback ? t('pool.changeFeedback') : t('pool.writeFeedback')}>{() => <FeedbackForm e={e} />}</Disclosure>
      )}
    </div>
  );
}
