import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { GqlError } from '@laerenett/portal-data-access';
import { useTranslation } from 'react-i18next';

const KNOWN = [
  'NETWORK',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'INVALID_TOKEN',
  'CONFLICT',
  'VALIDATION_FAILED',
  'DEADLINE_PASSED',
];

/**
 * Shows an API error in the reader's language, keyed on the stable code, with the field-level
 * guidance we have. The API's own sentence is specific but English: an English reader gets it as
 * the detail; a Norwegian reader gets it folded away, marked as English, so the page never mixes
 * languages in the flow of the text.
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
      {detail &&
        (i18n.language === 'en' ? (
          <Paragraph data-size="sm">
            {t('errors.details')}: {detail}
          </Paragraph>
        ) : (
          <details className="ln-error-detail">
            <summary>{t('errors.detailsInEnglish')}</summary>
            <Paragraph data-size="sm" lang="en">
              {detail}
            </Paragraph>
          </details>
        ))}
    </Alert>
  );
}
