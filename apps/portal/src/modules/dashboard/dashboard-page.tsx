import { Checkbox, Heading, Link as DsLink, Paragraph, Select, Spinner, Tag, Textfield } from '@digdir/designsystemet-react';
import { useDashboard, useFollowUpFigures, useMe, useMinistryAreas } from '@laerenett/portal-data-access';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { FollowUpFigureTables } from '../follow-up/figures-page';
import { ErrorAlert } from '../layout/error-alert';
import { TargetChart, TrendChart } from './charts';
import { TableWrap } from '../layout/table-wrap';
import { Section } from '../layout/section';

type Row = NonNullable<ReturnType<typeof useDashboard>['data']>['dashboard']['rows'][number];
type SortKey = 'name' | 'employees' | 'apprenticesNow' | 'apprenticesOnSnapshot' | 'target' | 'gap';

const THIS_YEAR = new Date().getFullYear();

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe().data?.me;
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? THIS_YEAR);
  const areas = useMinistryAreas(me?.role === 'ADMIN');
  const areaId = params.get('area') ?? (me?.role === 'ADMIN' ? areas.data?.ministryAreas[0]?.id : undefined) ?? undefined;
  const dash = useDashboard({ areaId, year });
  // The follow-up counts of the same area and year, as the follow-up module publishes them (its own query).
  const followUp = useFollowUpFigures({ areaId, year }, !!me?.capabilities?.followUpFigures && !!(areaId ?? me?.areaId));
  const f = followUp.data?.followUpFigures;
  const [search, setSearch] = useState('');
  const [onlyBreaking, setOnlyBreaking] = useState(false);
  const [onlyNoTarget, setOnlyNoTarget] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const d = dash.data?.dashboard;
  const fmt = useMemo(() => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nb-NO'), [i18n.language]);

  const rows = useMemo(() => {
    if (!d) return [];
    const q = search.trim().toLowerCase();
    const filtered = d.rows.filter(
      (r) =>
        (!q || r.name.toLowerCase().includes(q) || r.orgNumber.includes(q)) &&
        (!onlyBreaking || !r.meetsMinimumRule) &&
        (!onlyNoTarget || r.target === null),
    );
    const val = (r: Row) => r[sort.key] ?? -Infinity;
    return [...filtered].sort(
      (a, b) => (sort.key === 'name' ? a.name.localeCompare(b.name, 'nb') : (val(a) as number) - (val(b) as number)) * sort.dir,
    );
  }, [d, search, onlyBreaking, onlyNoTarget, sort]);

  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next, { replace: true });
  };

  const header = (key: SortKey, label: string, numeric = true) => (
    <th
      scope="col"
      className={numeric ? 'ln-num' : undefined}
      aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" className="ln-sort" onClick={() => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : 1 }))}>
        {label}
        <span className="ln-visually-hidden"> – {t('dashboard.table.sortBy', { col: label })}</span>
      </button>
    </th>
  );

  const exportQuery = `?year=${year}${areaId ? `&areaId=${areaId}` : ''}`;

  return (
    <>
      <div>
        <Heading level={1} data-size="lg">
          {t('dashboard.title')}
          {d ? ` – ${d.areaName}` : ''}
        </Heading>
        {d && (
          <Paragraph data-size="sm">
            {t('dashboard.snapshot', { date: d.snapshotDate })}. {t('dashboard.threshold', { n: d.threshold })}.
          </Paragraph>
        )}
      </div>
      <div className="ln-row">
        {me?.role === 'ADMIN' && areas.data && (
          <div>
            <label htmlFor="area-select">{t('dashboard.area')}</label>
            <Select id="area-select" value={areaId ?? ''} onChange={(e) => set('area', e.target.value)}>
              {areas.data.ministryAreas.map((a) => (
                <Select.Option key={a.id} value={a.id}>
                  {a.name}
                </Select.Option>
              ))}
            </Select>
          </div>
        )}
        <div>
          <label htmlFor="year-select">{t('dashboard.year')}</label>
          <Select id="year-select" value={String(year)} onChange={(e) => set('year', e.target.value)}>
            {Array.from({ length: 8 }, (_, k) => THIS_YEAR + 1 - k).map((y) => (
              <Select.Option key={y} value={String(y)}>
                {y}
              </Select.Option>
            ))}
          </Select>
        </div>
        <Paragraph>
          {t('dashboard.export')}: <DsLink href={`/api/exports/dashboard.csv${exportQuery}`}>{t('dashboard.csv')}</DsLink> ·{' '}
          <DsLink href={`/api/exports/dashboard.xlsx${exportQuery}`}>{t('dashboard.xlsx')}</DsLink>
        </Paragraph>
      </div>
      {dash.isLoading && <Spinner aria-label={t('app.loading')} />}
      <ErrorAlert error={dash.error} />
      {d && (
        <>
          <ul className="ln-stats" aria-label={t('dashboard.title')}>
            {(
              [
                ['apprentices', d.totals.apprenticesNow],
                ['snapshot', d.totals.apprenticesOnSnapshot],
                ['trades', d.totals.trades],
                ['agencies', d.totals.agencies],
                ['targetSum', d.totals.targetSum],
                ['withNone', d.totals.agenciesWithNone],
                ['breaking', d.totals.agenciesBreakingRule],
              ] as const
            ).map(([k, v]) => (
              <li className="ln-stat" key={k} data-testid={`total-${k}`}>
                <span className="ln-stat-value">{fmt.format(v)}</span>
                {t(`dashboard.totals.${k}`)}
              </li>
            ))}
          </ul>
          <div className="ln-grid-2">
            <TargetChart rows={d.rows} />
            <TrendChart trend={d.trend} />
          </div>
          <Section id="trades-title" title={t('dashboard.tradesTitle')}>
            <div className="ln-row">
              {d.trades.map((tr) => (
                <Tag key={tr.tradeId} data-color="info">
                  {i18n.language === 'en' ? tr.nameEn : tr.nameNb}: {tr.apprentices}
                </Tag>
              ))}
            </div>
          </Section>
          <Section id="table-title" title={<>{t('dashboard.table.caption', { area: d.areaName, year: d.year })}</>}>
            <div className="ln-row">
              <Textfield label={t('dashboard.filter')} value={search} onChange={(e) => setSearch(e.target.value)} />
              <Checkbox label={t('dashboard.onlyBreaking')} checked={onlyBreaking} onChange={(e) => setOnlyBreaking(e.target.checked)} />
              <Checkbox label={t('dashboard.onlyNoTarget')} checked={onlyNoTarget} onChange={(e) => setOnlyNoTarget(e.target.checked)} />
            </div>
            <TableWrap label={t('dashboard.table.caption', { area: d.areaName, year: d.year })}>
              <table className="ds-table" data-testid="dashboard-table">
                <caption className="ln-visually-hidden">{t('dashboard.table.caption', { area: d.areaName, year: d.year })}</caption>
                <thead>
                  <tr>
                    {header('name', t('dashboard.table.name'), false)}
                    {header('employees', t('dashboard.table.employees'))}
                    {header('apprenticesNow', t('dashboard.table.now'))}
                    {header('apprenticesOnSnapshot', t('dashboard.table.snapshot'))}
                    {header('target', t('dashboard.table.target'))}
                    {header('gap', t('dashboard.table.gap'))}
                    <th scope="col">{t('dashboard.table.rule')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.agencyId} data-agency={r.name}>
                      <th scope="row">
                        <Link to={`/virksomhet/${r.agencyId}?year=${year}`}>{r.name}</Link>
                        {r.isMinistry ? ` (${t('dashboard.ministry')})` : ''}
                      </th>
                      <td className="ln-num">{fmt.format(r.employees)}</td>
                      <td className="ln-num" data-col="now">
                        {r.apprenticesNow}
                      </td>
                      <td className="ln-num">{r.apprenticesOnSnapshot}</td>
                      <td className="ln-num" data-col="target">
                        {r.target ?? t('dashboard.noTarget')}
                      </td>
                      <td className="ln-num" data-col="gap">
                        {r.gap ?? '–'}
                      </td>
                      <td>
                        <Tag data-color={!r.ruleApplies ? 'neutral' : r.meetsMinimumRule ? 'success' : 'danger'}>
                          {!r.ruleApplies
                            ? t('dashboard.rule.na')
                            : r.meetsMinimumRule
                              ? t('dashboard.rule.met')
                              : t('dashboard.rule.broken')}
                        </Tag>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {rows.length === 0 && <Paragraph>{t('dashboard.empty')}</Paragraph>}
            </TableWrap>
          </Section>
        </>
      )}
      <ErrorAlert error={followUp.error} />
      {f && (
        <>
          <Section id="follow-up-title" title={t('followUp.figures')}>
            <Paragraph data-size="sm">{t('followUp.figuresHelp', { year: f.year })}</Paragraph>
          </Section>
          <FollowUpFigureTables f={f} />
        </>
      )}
    </>
  );
}
