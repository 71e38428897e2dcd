import { Alert, Button, Heading } from '@digdir/designsystemet-react';
import { useCheckInWithCode } from '@laerenett/portal-data-access';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../layout/error-alert';

/** Opened from the link shown at the gathering: the signed-in attendee checks in. */
export function CheckInPage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const checkIn = useCheckInWithCode();
  return (
    <section className="ln-narrow" aria-labelledby="checkin-title">
      <Heading level={1} data-size="lg" id="checkin-title">
        {t('gathering.checkInTitle')}
      </Heading>
      {checkIn.isSuccess ? (
        <Alert data-color="success" role="status">
          {t('gathering.checkedIn')}
        </Alert>
      ) : (
        <Button onClick={() => checkIn.mutate({ code })} loading={checkIn.isPending}>
          {t('gathering.checkInButton')}
        </Button>
      )}
      <ErrorAlert error={checkIn.error} />
    </section>
  );
}
