import { Alert, Button, Checkbox, Heading, Link as DsLink, Paragraph, Spinner, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMyPool, useSetPoolHelper, useWithdrawSignup } from '@laerenett/portal-data-access';
import { POOL_LIMITS } from '@laerenett/shared-domain';
import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShort } from '../gatherings/format';
import { ErrorAlert } from '../layout/error-alert';
import { AttendanceTag } from './event-signups';
import { Section } from '../layout/section';

const STATE_COLOUR = { PENDING: 'warning', APPROVED: 'success', DECLINED: 'danger', WITHDRAWN: 'neutral' } as const;

/** An apprentice's own page in the pool: their shifts, their offer to help, and their record. */
export function MyShiftsPage() {
  const { t, i18n } = useTranslation();
  const q = useMyPool();
  const save = useSetPoolHelper();
  const withdraw = useWithdrawSignup();
  const [offer, setOffer] = useState({ offering: false, cap: String(POOL_LIMITS.defaultHoursPerMonth) });
  const helper = q.data?.myPoolHelper;
  useEffect(() => {
    if (helper) setOffer({ offering: helper.offering, cap: String(helper.maxHoursPerMonth) });
  }, [helper]);
  if (q.isLoading) return <Spinner aria-label={t('app.loading')} />;
  const signups = q.data?.mySignups ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ input: { offering: offer.offering, maxHoursPerMonth: Number(offer.cap) || 0 } });
  };
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('pool.mine')}
      </Heading>
      <ErrorAlert error={q.error} />
      <ul className="ln-plain-list" data-testid="my-shifts">
        {signups.length === 0 && <li>{t('pool.noShifts')}</li>}
        {signups.map((s) => (
          <li key={s.id} className="ln-card">
            <div className="ln-row">
              <Tag data-color={STATE_COLOUR[s.state]}>{t(`pool.signupStates.${s.state}`)}</Tag>
              <strong>{s.eventTitle}</strong>
              <span>{formatShort(s.startsAt, null, i18n.language)}</span>
              <AttendanceTag attendance={s.attendance} hours={s.hours} />
            </div>
            {s.tasks && <Paragraph data-size="sm">{s.tasks}</Paragraph>}
            {(s.state === 'PENDING' || s.state === 'APPROVED') && new Date(s.signupDeadline) > new Date() && (
              <Button variant="tertiary" data-size="sm" onClick={() => withdraw.mutate({ signupId: s.id })}>
                {t('pool.withdraw')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <ErrorAlert error={withdraw.error} />
      <Section id="offer-title" title={t('pool.offer')}>
        <form className="ln-row" onSubmit={submit} noValidate>
          <Checkbox
            label={t('pool.offer')}
            checked={offer.offering}
            onChange={(e) => setOffer((o) => ({ ...o, offering: e.target.checked }))}
          />
          <Textfield
            label={t('pool.cap')}
            type="number"
            min={POOL_LIMITS.minHoursPerMonth}
            max={POOL_LIMITS.maxHoursPerMonth}
            value={offer.cap}
            onChange={(e) => setOffer((o) => ({ ...o, cap: e.target.value }))}
          />
          <Button type="submit" variant="secondary">
            {t('pool.saveOffer')}
          </Button>
        </form>
        <ErrorAlert error={save.error} />
        {save.isSuccess && (
          <Alert data-color="success" role="status">
            {t('plan.saved')}
          </Alert>
        )}
      </Section>
      <Paragraph>
        {t('pool.record', { hours: (q.data?.poolRecord.totalHours ?? 0).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nb-NO') })} ·{' '}
        <DsLink href="/api/pool/record.csv">{t('pool.download')}</DsLink>
      </Paragraph>
    </>
  );
}
