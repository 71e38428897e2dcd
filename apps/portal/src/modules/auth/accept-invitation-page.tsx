import { Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useAcceptInvitation, useInvitationPreview } from '@laerenett/portal-data-access';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../layout/error-alert';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await accept.mutateAsync({ input: { token, password } });
      void navigate('/', { replace: true });
    } catch {
      /* shown below */
    }
  };

  return (
    <section className="ln-narrow" aria-labelledby="invitation-title">
      <Heading level={1} data-size="lg" id="invitation-title">
        {t('invitation.title')}
      </Heading>
      {preview.isLoading && <Spinner aria-label={t('app.loading')} />}
      <ErrorAlert error={preview.error} />
      {preview.data && (
        <form onSubmit={submit} noValidate>
          <Paragraph>
            {t('invitation.intro', { role: t(`roles.${preview.data.invitation.role}`), scope: preview.data.invitation.scope })}
          </Paragraph>
          <Paragraph>{preview.data.invitation.email}</Paragraph>
          <Textfield
            label={t('invitation.password')}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            minLength={12}
          />
          <ErrorAlert error={accept.error} />
          <Button type="submit" loading={accept.isPending}>
            {t('invitation.submit')}
          </Button>
        </form>
      )}
    </section>
  );
}
