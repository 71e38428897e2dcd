import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useAgencyApprentices, useAgencyPage, useMe } from '@laerenett/portal-data-access';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../layout/error-alert';
import { InviteForm } from './invite-form';
import { SetTargetForm } from './set-target-form';
import { DataTable } from '../layout/table-wrap';
import { Section } from '../layout/section';

const THIS_YEAR = new Date().getFullYear();

export function AgencyPage() {
  const { t, i18n } = useTranslation();
  const id = useParams().id ?? '';
  const [params] = useSearchParams();
  const year = Number(params.get('year') ?? THIS_YEAR);
  const me = useMe().data?.me;
  // Its apprentices and earlier targets are for the agency's own coordinators and the area's coordinator.
  const isCoordinator = !!me?.capabilities && (me.capabilities.areaDashboard || (me.capabilities.manageOwnAgency && me.agencyId === id));
  const page = useAgencyPage(id, year, isCoordinator, !!me);
  const apprentices = useAgencyApprentices(id, isCoordinator && !!page.data);
  // Contact details and invitations are the agency's own business.
  const own = !!me?.capabilities?.manageOwnAgency && me.agencyId === id;
  const [inviting, setInviting] = useState<string | null>(null);
  const a = page.data?.agency;
  const fmtDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nb-NO');

  if (page.isLoading) return <Spinner aria-label={t('app.loading')} />;
  if (page.error) {
    const refused = page.error.code === 'NOT_FOUND' || page.error.code === 'FORBIDDEN';
    return (
      <>
        <Heading level={1} data-size="lg">
          {refused ? t('agency.noAccess') : t('errors.generic')}
        </Heading>
        {refused ? (
          <Alert data-color="warning" role="alert">
            {t('agency.noAccess')}
          </Alert>
        ) : (
          <ErrorAlert error={page.error} />
        )}
        <Paragraph>
          <Link to="/">{t('app.home')}</Link>
        </Paragraph>
      </>
    );
  }
  if (!a) return null;
  const gap = a.target ? a.target.total - a.apprenticesNow : null;

  return (
    <>
      <div>
        {me?.capabilities?.areaDashboard && (
          <Paragraph data-size="sm">
            <Link to={`/oversikt?year=${year}`}>{t('agency.back')}</Link>
          </Paragraph>
        )}
        <Heading level={1} data-size="lg">
          {a.name}
        </Heading>
        <Paragraph data-size="sm">
          {t('agency.area')}: {a.area.name}
        </Paragraph>
      </div>
      <ul className="ln-stats">
        <li className="ln-stat">
          <span className="ln-stat-value" data-testid="agency-now">
            {a.apprenticesNow}
          </span>
          {t('agency.apprenticesNow')}
        </li>
        <li className="ln-stat">
          <span className="ln-stat-value" data-testid="agency-target">
            {a.target?.total ?? '–'}
          </span>
          {t('agency.target', { year })}
        </li>
        <li className="ln-stat">
          <span className="ln-stat-value" data-testid="agency-gap">
            {gap ?? '–'}
          </span>
          {t('agency.gap')}
        </li>
        <li className="ln-stat">
          <span className="ln-stat-value">{a.employees}</span>
          {t('agency.employees')}
        </li>
      </ul>
      <Paragraph data-size="sm">
        {t('agency.orgNumber')} {a.orgNumber}
        {a.trainingOffice ? ` · ${t('agency.trainingOffice')}: ${a.trainingOffice.name}` : ''}
      </Paragraph>
      {isCoordinator && <SetTargetForm agencyId={a.id} year={year} current={a.target} employees={a.employees} />}
      {isCoordinator && page.data && (
        <Section id="history-title" title={t('agency.history')}>
          {!page.data.targets?.length ? (
            <Paragraph>{t('agency.none')}</Paragraph>
          ) : (
            <DataTable
              label={t('agency.history')}
              columns={[t('agency.year'), { label: t('agency.total'), numeric: true }, t('agency.note')]}
            >
              {page.data.targets?.map((h) => (
                <tr key={h.id}>
                  <th scope="row">{h.year}</th>
                  <td className="ln-num">{h.total}</td>
                  <td>{h.note}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </Section>
      )}
      {isCoordinator && (
        <Section id="apprentices-title" title={t('agency.apprentices')}>
          {apprentices.isLoading && <Spinner aria-label={t('app.loading')} />}
          <ErrorAlert error={apprentices.error} />
          {apprentices.data && (
            <DataTable
              label={t('agency.apprentices')}
              caption={t('agency.apprenticesCaption', { agency: a.name })}
              columns={[
                t('agency.name'),
                t('agency.trade'),
                t('agency.period'),
                t('agency.statusHeading'),
                own && t('agency.email'),
                t('agency.account'),
              ]}
            >
              {apprentices.data.apprentices.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{i18n.language === 'en' ? p.trade.nameEn : p.trade.nameNb}</td>
                  <td>
                    {fmtDate(p.contractStart)} – {fmtDate(p.endedOn ?? p.contractEnd)}
                  </td>
                  <td>{t(`agency.status.${p.status}`)}</td>
                  {own && <td>{p.email ?? '–'}</td>}
                  <td>
                    {own && p.account === 'NONE' ? (
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        onClick={() => {
                          setInviting(p.id);
                          document.getElementById('invite-title')?.scrollIntoView();
                        }}
                      >
                        {t('agency.inviteThis', { name: p.name })}
                      </Button>
                    ) : (
                      t(`agency.accounts.${p.account}`)
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Section>
      )}
      {isCoordinator && !own && apprentices.data && <Paragraph data-size="sm">{t('agency.contactHidden')}</Paragraph>}
      {(own || me?.capabilities?.areaDashboard) && (
        <InviteForm agencyId={a.id} apprentices={apprentices.data?.apprentices ?? []} chosen={inviting} />
      )}
      {!isCoordinator && (
        <Button variant="tertiary" asChild>
          <Link to="/">{t('agency.back')}</Link>
        </Button>
      )}
    </>
  );
}
