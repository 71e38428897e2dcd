import { Alert, Button, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useInviteUser } from '@laerenett/portal-data-access';
import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../layout/error-alert';
import { Section } from '../layout/section';

export interface InvitableApprentice {
  id: string;
  name: string;
  email: string | null;
  account: string;
}

/**
 * Invite a colleague or an apprentice of this agency; the invitation goes out by e-mail. An
 * apprentice is chosen from the agency's list, so the user who signs up is that apprentice.
 * `chosen` preselects an apprentice (from the list's "Invite" button).
 */
export function InviteForm({
  agencyId,
  apprentices,
  chosen,
}: {
  agencyId: string;
  apprentices: InvitableApprentice[];
  chosen?: string | null;
}) {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'AGENCY_COORDINATOR' | 'APPRENTICE'>('APPRENTICE');
  const [apprenticeId, setApprenticeId] = useState('');
  const [language, setLanguage] = useState('nb');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const open = apprentices.filter((a) => a.account === 'NONE');

  const choose = (id: string) => {
    setApprenticeId(id);
    const a = apprentices.find((x) => x.id === id);
    setName(a?.name ?? '');
    setEmail(a?.email ?? '');
  };
  useEffect(() => {
    if (chosen) {
      setRole('APPRENTICE');
      choose(chosen);
    }
    // Only when another apprentice is chosen from the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSentTo(null);
    try {
      const r = await invite.mutateAsync({
        input: { name, email, role, agencyId, language, apprenticeId: role === 'APPRENTICE' ? apprenticeId || null : null },
      });
      setSentTo(r.inviteUser.email);
      setName('');
      setEmail('');
      setApprenticeId('');
    } catch {
      /* shown below */
    }
  };

  return (
    <Section id="invite-title" title={t('invite.title')}>
      <form onSubmit={submit} noValidate className="ln-row" id="invite-form">
        <div>
          <label htmlFor="invite-role">{t('invite.role')}</label>
          <Select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
            <Select.Option value="APPRENTICE">{t('roles.APPRENTICE')}</Select.Option>
            <Select.Option value="AGENCY_COORDINATOR">{t('roles.AGENCY_COORDINATOR')}</Select.Option>
          </Select>
        </div>
        {role === 'APPRENTICE' && (
          <div>
            <label htmlFor="invite-record">{t('invite.record')}</label>
            <Select id="invite-record" value={apprenticeId} onChange={(e) => choose(e.target.value)} aria-describedby="invite-record-hint">
              <Select.Option value="">{t('invite.chooseRecord')}</Select.Option>
              {open.map((a) => (
                <Select.Option key={a.id} value={a.id}>
                  {a.name}
                </Select.Option>
              ))}
            </Select>
          </div>
        )}
        <Textfield
          label={t('invite.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          readOnly={role === 'APPRENTICE' && !!apprenticeId}
        />
        <Textfield label={t('invite.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        <div>
          <label htmlFor="invite-language">{t('invite.language')}</label>
          <Select id="invite-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
            <Select.Option value="nb">Norsk (bokmål)</Select.Option>
            <Select.Option value="en">English</Select.Option>
          </Select>
        </div>
        <Button type="submit" loading={invite.isPending} disabled={role === 'APPRENTICE' && !apprenticeId}>
          {t('invite.submit')}
        </Button>
      </form>
      {role === 'APPRENTICE' && (
        <Paragraph data-size="sm" id="invite-record-hint">
          {open.length ? t('invite.recordHint') : t('invite.noRecords')}
        </Paragraph>
      )}
      <ErrorAlert error={invite.error} />
      {sentTo && (
        <Alert data-color="success" role="status">
          {t('invite.sent', { email: sentTo })}
        </Alert>
      )}
    </Section>
  );
}
