import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useMe, useSignOut } from '@laerenett/portal-data-access';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';

export function AppShell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const me = useMe().data?.me;
  const signOut = useSignOut();
  const navigate = useNavigate();
  const other = i18n.language === 'nb' ? 'en' : 'nb';
  return (
    <>
      <SkipLink href="#main">{t('app.skip')}</SkipLink>
      <header className="ln-header">
        <div className="ln-brand">
          <Link to="/">{t('app.name')}</Link>
          <Paragraph data-size="sm">{t('app.tagline')}</Paragraph>
        </div>
        {me && (
          <nav className="ln-nav" aria-label={t('app.nav')}>
            <ul>
              {(me.role === 'ADMIN' || me.role === 'MINISTRY_COORDINATOR') && (
                <li>
                  <Link to="/oversikt">{t('app.dashboard')}</Link>
                </li>
              )}
              {me.role !== 'APPRENTICE' && (
                <li>
                  <Link to="/handlingsplan">{t('plan.nav')}</Link>
                </li>
              )}
              <li>
                <Link to="/samlinger">{t('gatherings.nav')}</Link>
              </li>
              <li>
                <Link to="/nettverk">{t('network.nav')}</Link>
              </li>
              <li>
                <Link to="/arrangementer">{t('pool.nav')}</Link>
              </li>
              {(me.role === 'ADMIN' || me.role === 'MINISTRY_COORDINATOR') && (
                <li>
                  <Link to="/arsoppsummering">{t('summary.nav')}</Link>
                </li>
              )}
              {me.role === 'AGENCY_COORDINATOR' && (
                <li>
                  <Link to="/arsrapport">{t('report.nav')}</Link>
                </li>
              )}
              {me.role === 'APPRENTICE' && (
                <li>
                  <Link to="/mine-vakter">{t('pool.mineNav')}</Link>
                </li>
              )}
              {me.agencyId && (
                <li>
                  <Link to={`/virksomhet/${me.agencyId}`}>{t('app.myAgency')}</Link>
                </li>
              )}
            </ul>
          </nav>
        )}
        <div className="ln-user">
          <Button variant="tertiary" data-size="sm" lang={other} onClick={() => void i18n.changeLanguage(other)}>
            {other === 'en' ? 'English' : 'Norsk (bokmål)'}
          </Button>
          {me && (
            <>
              <Paragraph data-size="sm">
                {me.name} · {t(`roles.${me.role}`)}
              </Paragraph>
              <Button
                variant="secondary"
                data-size="sm"
                onClick={async () => {
                  await signOut.mutateAsync({});
                  navigate('/logg-inn');
                }}
              >
                {t('app.signOut')}
              </Button>
            </>
          )}
        </div>
      </header>
      <main id="main" className="ln-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
