import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useMe, useSignOut } from '@laerenett/portal-data-access';
import { ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router-dom';

/** The main menu's links: each shown only to those who may use the page (the server's capabilities). */
export function useMenu() {
  const { t } = useTranslation();
  const me = useMe().data?.me;
  const can = me?.capabilities;
  if (!me) return [];
  const items: { to: string; label: string; show: boolean }[] = [
    { to: '/oversikt', label: t('app.dashboard'), show: !!can?.areaDashboard },
    { to: '/handlingsplan', label: t('plan.nav'), show: !!can?.readActionPlan },
    { to: '/samlinger', label: t('gatherings.nav'), show: true },
    { to: '/nettverk', label: t('network.nav'), show: true },
    { to: '/arrangementer', label: t('pool.nav'), show: true },
    { to: '/mine-vakter', label: t('pool.mineNav'), show: !!can?.signUpForShifts },
    { to: '/min-laeretid', label: t('apprenticeship.mineNav'), show: !!can?.ownApprenticeship },
    { to: '/laerlinger', label: t('apprenticeship.nav'), show: !!can?.keepApprenticeships },
    { to: '/laerlinger/tall', label: t('apprenticeship.figuresNav'), show: !!can?.apprenticeshipFigures },
    { to: '/min-oppfolging', label: t('followUp.mineNav'), show: !!can?.ownFollowUp },
    { to: '/oppfolging', label: t('followUp.nav'), show: !!can?.keepFollowUp },
    { to: '/oppfolging/tall', label: t('followUp.figuresNav'), show: !!can?.followUpFigures },
    { to: '/arsoppsummering', label: t('summary.nav'), show: !!can?.compileSummary },
    { to: '/arsrapport', label: t('report.nav'), show: !!can?.writeAgencyReport },
    { to: `/virksomhet/${me.agencyId}`, label: t('app.myAgency'), show: !!me.agencyId },
  ];
  return items.filter((i) => i.show);
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const me = useMe().data?.me;
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const menu = useMenu();
  const [open, setOpen] = useState(false);
  const other = i18n.language === 'nb' ? 'en' : 'nb';
  // A link followed on a phone closes the menu.
  useEffect(() => setOpen(false), [location.pathname]);
  return (
    <>
      <SkipLink href="#main">{t('app.skip')}</SkipLink>
      <header className="ln-header">
        <div className="ln-brand">
          <Link to="/">{t('app.name')}</Link>
          <Paragraph data-size="sm">{t('app.tagline')}</Paragraph>
        </div>
        {me && (
          <Button
            className="ln-menu-button"
            variant="secondary"
            data-size="sm"
            aria-expanded={open}
            aria-controls="ln-menu"
            onClick={() => setOpen(!open)}
          >
            {open ? t('app.closeMenu') : t('app.menu')}
          </Button>
        )}
        <div id="ln-menu" className="ln-menu" data-open={open || !me}>
          {me && (
            <nav className="ln-nav" aria-label={t('app.nav')}>
              <ul>
                {menu.map((i) => (
                  <li key={i.to}>
                    <NavLink to={i.to}>{i.label}</NavLink>
                  </li>
                ))}
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
                    void navigate('/logg-inn');
                  }}
                >
                  {t('app.signOut')}
                </Button>
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="ln-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
