import { Button, Dialog, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useCancelGathering, useGatheringCancelReach } from '@laerenett/portal-data-access';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../layout/error-alert';
import { formatWhen } from './format';

interface Props {
  gathering: { id: string; title: string; startsAt: string; endsAt: string };
  /** Told when the gathering is cancelled, with its title. */
  onCancelled?: (title: string) => void;
}

/**
 * Cancelling a gathering mails everyone it reached, so it is asked first: the dialog says how many
 * people will be told (the server counts the cancellation's own recipients) before anything is sent.
 */
export function CancelGathering({ gathering, onCancelled }: Props) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const reach = useGatheringCancelReach(gathering.id, open);
  const cancel = useCancelGathering();
  const n = reach.data?.gatheringCancelReach;
  const titleId = `cancel-title-${gathering.id}`;

  const confirm = async () => {
    try {
      await cancel.mutateAsync({ id: gathering.id });
      setOpen(false);
      onCancelled?.(gathering.title);
    } catch {
      /* shown in the dialog */
    }
  };

  return (
    <>
      <Button data-size="sm" variant="secondary" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t('gatherings.cancel')}
        <span className="ln-visually-hidden"> {gathering.title}</span>
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} closeButton={t('app.closeDialog')}>
        <Dialog.Block>
          <Heading level={2} data-size="sm" id={titleId}>
            {t('gatherings.cancelTitle', { title: gathering.title })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <Paragraph>{t('gatherings.cancelWhen', { when: formatWhen(gathering.startsAt, gathering.endsAt, i18n.language) })}</Paragraph>
          {reach.isLoading && <Spinner aria-label={t('app.loading')} />}
          <ErrorAlert error={reach.error ?? cancel.error} />
          {n !== undefined && (
            <Paragraph data-testid="cancel-reach" role="status">
              {n > 0 ? t('gatherings.cancelReach', { count: n }) : t('gatherings.cancelReachNone')}
            </Paragraph>
          )}
          <div className="ln-row">
            <Button data-color="danger" onClick={() => void confirm()} disabled={n === undefined} loading={cancel.isPending}>
              {t('gatherings.cancelConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('gatherings.cancelKeep')}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
