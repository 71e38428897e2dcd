import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useSignIn } from '@laerenett/portal-data-access';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../layout/error-alert';

export function SignInPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await signIn.mutateAsync({ input: { email, password } });
      void navigate(from, { replace: true });
    } catch {
      /* shown below */
    }
  };

  return (
    <section className="ln-narrow" aria-labelledby="sign-in-title">
      <Heading level={1} data-size="lg" id="sign-in-title">
        {t('signIn.title')}
      </Heading>
      <Paragraph>{t('signIn.intro')}</Paragraph>
      <form onSubmit={submit} noValidate>
        <Textfield
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <Textfield
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <ErrorAlert error={signIn.error} />
        <Button type="submit" loading={signIn.isPending}>
          {t('signIn.submit')}
        </Button>
      </form>
    </section>
  );
}
