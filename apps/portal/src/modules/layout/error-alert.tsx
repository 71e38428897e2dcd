import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { GqlError } from '@laerenett/portal-data-access';
import { useTranslation } from 'react-i18next';

const KNOWN = ['NETWORK', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_CREDENTIALS', 'RATE_LIMITED', 'INVALID_TOKEN', 'CONFLICT', 'VALIDATION_FAILED', 'DEADLINE_PASSED'];

/**
 * Shows an API error in the reader's language, keyed on the stable code, with the field-level
 * guidance we have; the API's own sentence (English, specific) follows as the detail.
 */
export function ErrorAlert({ error }: { error: GqlError | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const headline = KNOWN.includes(error.code) ? t(`errors.${error.code}`) : t('errors.generic');
  const fieldHelp = Object.keys(error.fields)
    .map((f) => f.split('.')[0])
    .filter((f, i, all) => all.indexOf(f) === i && i18n.exists(`errors.fields.${f}`))
    .map((f) => t(`errors.fields.${f}`));
  const detail = error.code === 'INTERNAL' || error.code === 'NETWORK' ? null : error.message;
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{headline}</Paragraph>
      {fieldHelp.map((h) => (
        <Paragraph key={h}>{h}</Paragraph>
      ))}
      {detail && (
        <Paragraph data-size="sm" lang="en">
          {t('errors.details')}: {detail}
        </Paragraph>
      )}
    </Alert>
  );
}
