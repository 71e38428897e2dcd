import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { ReactElement } from 'react';
import { useMe } from '@laerenett/portal-data-access';
import type { MeQuery } from '@laerenett/portal-data-access';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AgencyPage } from './modules/agencies/agency-page';
import { AcceptInvitationPage } from './modules/auth/accept-invitation-page';
import { SignInPage } from './modules/auth/sign-in-page';
import { DashboardPage } from './modules/dashboard/dashboard-page';
import { AppShell } from './modules/layout/app-shell';
import { AnswerPage } from './modules/gatherings/answer-page';
import { GatheringsPage } from './modules/gatherings/gatherings-page';
import { GatheringPage } from './modules/gatherings/gathering-page';
import { CheckInPage } from './modules/gatherings/check-in-page';
import { NetworkPage } from './modules/networks/network-page';
import { ActionPlanPage } from './modules/action-plans/action-plan-page';
import { PoolPage } from './modules/pooling/pool-page';
import { MyShiftsPage } from './modules/pooling/my-shifts-page';
import { AgencyReportPage } from './modules/annual-summary/agency-report-page';
import { SummaryPage } from './modules/annual-summary/summary-page';
import { SummaryVersionPage } from './modules/annual-summary/summary-version-page';

function Home() {
  const me = useMe().data?.me;
  if (!me) return <Navigate to="/logg-inn" replace />;
  if (me.capabilities?.areaDashboard) return <Navigate to="/oversikt" replace />;
  if (me.agencyId) return <Navigate to={`/virksomhet/${me.agencyId}`} replace />;
  return <Navigate to="/samlinger" replace />;
}

type Capability = keyof NonNullable<NonNullable<MeQuery['me']>['capabilities']>;

/** A page for those who may use it; anyone else is told so, with a way back, and sees none of its controls. */
function RequireCapability({ can, children }: { can: Capability; children: ReactElement }) {
  const me = useMe().data?.me;
  const { t } = useTranslation();
  if (me?.capabilities?.[can]) return children;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('app.noAccessTitle')}
      </Heading>
      <Alert data-color="warning">{t('app.noAccess')}</Alert>
      <Paragraph>
        <Link to="/">{t('app.home')}</Link>
      </Paragraph>
    </>
  );
}

function RequireSignIn({ children }: { children: ReactElement }) {
  const me = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (me.isLoading) return <Spinner aria-label={t('app.loading')} />;
  if (!me.data?.me) return <Navigate to="/logg-inn" replace state={{ from: location.pathname }} />;
  return children;
}

export function App() {
  return (
    <AppShell>
      <Routes>
        <Route path="/" element={<RequireSignIn><Home /></RequireSignIn>} />
        <Route path="/logg-inn" element={<SignInPage />} />
        <Route path="/invitasjon/:token" element={<AcceptInvitationPage />} />
        <Route path="/oversikt" element={<RequireSignIn><RequireCapability can="areaDashboard"><DashboardPage /></RequireCapability></RequireSignIn>} />
        <Route path="/virksomhet/:id" element={<RequireSignIn><AgencyPage /></RequireSignIn>} />
        <Route path="/samlinger" element={<RequireSignIn><GatheringsPage /></RequireSignIn>} />
        <Route path="/samlinger/:id" element={<RequireSignIn><GatheringPage /></RequireSignIn>} />
        <Route path="/innsjekk/:code" element={<RequireSignIn><CheckInPage /></RequireSignIn>} />
        <Route path="/nettverk" element={<RequireSignIn><NetworkPage /></RequireSignIn>} />
        <Route path="/arrangementer" element={<RequireSignIn><PoolPage /></RequireSignIn>} />
        <Route path="/arrangementer/:id" element={<RequireSignIn><PoolPage /></RequireSignIn>} />
        <Route path="/mine-vakter" element={<RequireSignIn><RequireCapability can="signUpForShifts"><MyShiftsPage /></RequireCapability></RequireSignIn>} />
        <Route path="/handlingsplan" element={<RequireSignIn><RequireCapability can="readActionPlan"><ActionPlanPage /></RequireCapability></RequireSignIn>} />
        <Route path="/arsrapport" element={<RequireSignIn><AgencyReportPage /></RequireSignIn>} />
        <Route path="/arsrapport/:agencyId" element={<RequireSignIn><AgencyReportPage /></RequireSignIn>} />
        <Route path="/arsoppsummering" element={<RequireSignIn><RequireCapability can="compileSummary"><SummaryPage /></RequireCapability></RequireSignIn>} />
        <Route path="/arsoppsummering/:id" element={<RequireSignIn><SummaryVersionPage /></RequireSignIn>} />
        <Route path="/svar/:token" element={<AnswerPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </AppShell>
  );
}
