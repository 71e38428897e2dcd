import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { lazy, Suspense } from 'react';
import type { ComponentType, LazyExoticComponent, ReactElement } from 'react';
import { useMe } from '@laerenett/portal-data-access';
import type { MeQuery } from '@laerenett/portal-data-access';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { SignInPage } from './modules/auth/sign-in-page';
import { AppShell } from './modules/layout/app-shell';

/**
 * Every page but the sign-in page is its own chunk, fetched when its route is first shown: the
 * charts (recharts) come with the pages that draw them, the calendar rules (luxon, rrule) with the
 * forms that use them, and the first page a person opens stays small.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const AgencyPage = page(() => import('./modules/agencies/agency-page'), 'AgencyPage');
const AcceptInvitationPage = page(() => import('./modules/auth/accept-invitation-page'), 'AcceptInvitationPage');
const DashboardPage = page(() => import('./modules/dashboard/dashboard-page'), 'DashboardPage');
const AnswerPage = page(() => import('./modules/gatherings/answer-page'), 'AnswerPage');
const GatheringsPage = page(() => import('./modules/gatherings/gatherings-page'), 'GatheringsPage');
const GatheringPage = page(() => import('./modules/gatherings/gathering-page'), 'GatheringPage');
const CheckInPage = page(() => import('./modules/gatherings/check-in-page'), 'CheckInPage');
const NetworkPage = page(() => import('./modules/networks/network-page'), 'NetworkPage');
const ActionPlanPage = page(() => import('./modules/action-plans/action-plan-page'), 'ActionPlanPage');
const PoolPage = page(() => import('./modules/pooling/pool-page'), 'PoolPage');
const MyShiftsPage = page(() => import('./modules/pooling/my-shifts-page'), 'MyShiftsPage');
const AgencyReportPage = page(() => import('./modules/annual-summary/agency-report-page'), 'AgencyReportPage');
const SummaryPage = page(() => import('./modules/annual-summary/summary-page'), 'SummaryPage');
const SummaryVersionPage = page(() => import('./modules/annual-summary/summary-version-page'), 'SummaryVersionPage');
const MyApprenticeshipPage = page(() => import('./modules/apprenticeship/my-apprenticeship-page'), 'MyApprenticeshipPage');
const ApprenticeshipsPage = page(() => import('./modules/apprenticeship/apprenticeships-page'), 'ApprenticeshipsPage');
const ApprenticeshipPage = page(() => import('./modules/apprenticeship/apprenticeship-page'), 'ApprenticeshipPage');
const ApprenticeshipFiguresPage = page(() => import('./modules/apprenticeship/figures-page'), 'ApprenticeshipFiguresPage');
const FollowUpListPage = page(() => import('./modules/follow-up/follow-up-list-page'), 'FollowUpListPage');
const FollowUpCasePage = page(() => import('./modules/follow-up/case-page'), 'FollowUpCasePage');
const MyFollowUpPage = page(() => import('./modules/follow-up/my-follow-up-page'), 'MyFollowUpPage');
const FollowUpReadLogPage = page(() => import('./modules/follow-up/read-log-page'), 'FollowUpReadLogPage');
const FollowUpFiguresPage = page(() => import('./modules/follow-up/figures-page'), 'FollowUpFiguresPage');

/** While a page's code is on its way: a spinner with its name for screen readers, announced politely. */
function PageLoading() {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite">
      <Spinner aria-label={t('app.loading')} />
    </div>
  );
}

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
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route
            path="/"
            element={
              <RequireSignIn>
                <Home />
              </RequireSignIn>
            }
          />
          <Route path="/logg-inn" element={<SignInPage />} />
          <Route path="/invitasjon/:token" element={<AcceptInvitationPage />} />
          <Route
            path="/oversikt"
            element={
              <RequireSignIn>
                <RequireCapability can="areaDashboard">
                  <DashboardPage />
                </RequireCapability>
              </RequireSignIn>
            }
          />
          <Route
            path="/virksomhet/:id"
            element={
              <RequireSignIn>
                <AgencyPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/samlinger"
            element={
              <RequireSignIn>
                <GatheringsPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/samlinger/:id"
            element={
              <RequireSignIn>
                <GatheringPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/innsjekk/:code"
            element={
              <RequireSignIn>
                <CheckInPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/nettverk"
            element={
              <RequireSignIn>
                <NetworkPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/arrangementer"
            element={
              <RequireSignIn>
                <PoolPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/arrangementer/:id"
            element={
              <RequireSignIn>
                <PoolPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/mine-vakter"
            element={
              <RequireSignIn>
                <RequireCapability can="signUpForShifts">
                  <MyShiftsPage />
                </RequireCapability>
              </RequireSignIn>
            }
          />
          <Route
            path="/handlingsplan"
            element={
              <RequireSignIn>
                <RequireCapability can="readActionPlan">
                  <ActionPlanPage />
                </RequireCapability>
              </RequireSignIn>
            }
          />
          <Route
            path="/arsrapport"
            element={
              <RequireSignIn>
                <AgencyReportPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/arsrapport/:agencyId"
            element={
              <RequireSignIn>
                <AgencyReportPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/arsoppsummering"
            element={
              <RequireSignIn>
                <RequireCapability can="compileSummary">
                  <SummaryPage />
                </RequireCapability>
              </RequireSignIn>
            }
          />
          <Route
            path="/arsoppsummering/:id"
            element={
              <RequireSignIn>
                <SummaryVersionPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/min-laeretid"
            element={
              <RequireSignIn>
                <RequireCapability can="ownApprenticeship">
                  <MyApprenticeshipPage />
                </RequireCapability>
              </RequireSignIn>
            }
          />
          <Route
            path="/laerlinger"
            element={
              <RequireSignIn>
                <RequireCapability can="keepApprenticeships">
                  <ApprenticeshipsPage />
                </RequireCapability>
              </RequireSignIn>
            }
          />
          <Route
            path="/oppfolging"
            element={
              <RequireSignIn>
                <RequireCapability can="keepFollowUp">
                  <FollowUpListPage />
                </RequireCapability>
              </RequireSignIn>
            }
          />
          <Route
            path="/oppfolging/logg"
            element={
              <RequireSignIn>
                <RequireCapability can="keepFollowUp">
                  <FollowUpReadLogPage />
                </RequireCapability>
              </RequireSignIn>
            }
          />
          <Route
            path="/oppfolging/tall"
            element={
              <RequireSignIn>
                <RequireCapability can="followUpFigures">
                  <FollowUpFiguresPage />
                </RequireCapability>
              </RequireSignIn>
            }
          />
          <Route
            path="/oppfolging/:id"
            element={
              <RequireSignIn>
                <FollowUpCasePage />
              </RequireSignIn>
            }
          />
          <Route
            path="/min-oppfolging"
            element={
              <RequireSignIn>
                <RequireCapability can="ownFollowUp">
                  <MyFollowUpPage />
                </RequireCapability>
              </RequireSignIn>
            }
          />
          <Route
            path="/laerlinger/tall"
            element={
              <RequireSignIn>
                <RequireCapability can="apprenticeshipFigures">
                  <ApprenticeshipFiguresPage />
                </RequireCapability>
              </RequireSignIn>
            }
          />
          <Route
            path="/laerlinger/:id"
            element={
              <RequireSignIn>
                <RequireCapability can="keepApprenticeships">
                  <ApprenticeshipPage />
                </RequireCapability>
              </RequireSignIn>
            }
          />
          <Route path="/svar/:token" element={<AnswerPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </AppShell>
  );
}
