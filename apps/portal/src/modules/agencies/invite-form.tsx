import { Alert, Button, Heading, Select, Textfield } from '@digdir/designsystemet-react';
import { useInviteUser } from '@laerenett/portal-data-access';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../layout/error-alert';

/** Invite a colleague or an apprentice of this agency; the invitation goes out by e-mail. */
export function InviteForm({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'AGENCY_COORDINATOR' | 'APPRENTICE'>('APPRENTICE');
  const [language, setLanguage] = useState('nb');
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSentTo(null);
    try {
      const r = await invite.mutateAsync({ input: { name, email, role, agencyId, language } });
      setSentTo(r.inviteUser.email);
      setName('');
      setEmail('');
    } catch {
      /* shown below */
    }
  };

  return (
    <section aria-labelledby="invite-title">
      <Heading level={2} data-size="sm" id="invite-title">
        {t('invite.title')}
      </Heading>
      <form onSubmit={submit} noValidate className="ln-row">
        <Textfield label={t('invite.name')} value={name} onChange={(e) => setName(e.target.value)} required />
        <Textfield label={t('invite.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        <div>
          <label htmlFor="invite-role">{t('invite.role')}</label>
          <Select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
            <Select.Option value="APPRENTICE">{t('roles.APPRENTICE')}</Select.Option>
            <Select.Option value="AGENCY_COORDINATOR">{t('roles.AGENCY_COORDINATOR')}</Select.Option>
          </Select>
        </div>
        <div>
          <label htmlFor="invite-language">{t('invite.language')}</label>
          <Select id="invite-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
            <Select.Option value="nb">Norsk (bokmål)</Select.Option>
            <Select.Option value="en">English</Select.Option>
          </Select>
        </div>
        <Button type="submit" loading={invite.isPending}>
          {t('invite.submit')}
        </Button>
      </form>
      <ErrorAlert error={invite.error} />
      {sentTo && (
        <Alert data-color="success" role="status">
          {t('invite.sent', { email: sentTo })}
        </Alert>
      )}
    </section>
  );
}
