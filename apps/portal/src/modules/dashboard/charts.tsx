import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

// Colours with at least 3:1 contrast against white, distinguishable for common colour-vision deficiencies.
const ACTUAL = '#0062ba';
const TARGET = '#b35900';

const short = (name: string) => (name.length > 18 ? `${name.slice(0, 17)}…` : name);

export interface ActualTargetRow {
  name: string;
  actual: number;
  target: number;
}

/** Bars of actual against target per named row (agencies, trades), described for screen readers. */
export function ActualTargetChart({
  id,
  level = 2,
  title,
  desc,
  data,
  actualLabel,
  targetLabel,
}: {
  id: string;
  level?: 2 | 3;
  title: string;
  desc: string;
  data: ActualTargetRow[];
  actualLabel: string;
  targetLabel: string;
}) {
  return (
    <figure aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <Heading level={level} data-size={level === 2 ? 'sm' : 'xs'} id={`${id}-title`}>
        {title}
      </Heading>
      <Paragraph data-size="sm" id={`${id}-desc`}>
        {desc}
      </Paragraph>
      <div className="ln-chart" role="img" aria-label={data.map((d) => `${d.name}: ${d.actual} / ${d.target}`).join('; ')}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data.map((d) => ({ ...d, label: short(d.name) }))} margin={{ top: 8, right: 8, bottom: 72, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" angle={-40} textAnchor="end" interval={0} height={80} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend verticalAlign="top" />
            <Bar dataKey="actual" name={actualLabel} fill={ACTUAL} />
            <Bar dataKey="target" name={targetLabel} fill={TARGET} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function TargetChart({ rows }: { rows: { name: string; apprenticesNow: number; target: number | null }[] }) {
  const { t } = useTranslation();
  return (
    <ActualTargetChart
      id="target-chart"
      title={t('dashboard.chartTitle')}
      desc={t('dashboard.chartDesc')}
      data={rows.map((r) => ({ name: r.name, actual: r.apprenticesNow, target: r.target ?? 0 }))}
      actualLabel={t('dashboard.actual')}
      targetLabel={t('dashboard.target')}
    />
  );
}

export function TrendChart({ trend }: { trend: { year: number; apprentices: number; targetSum: number }[] }) {
  const { t } = useTranslation();
  return (
    <figure aria-labelledby="trend-chart-title" aria-describedby="trend-chart-desc">
      <Heading level={2} data-size="sm" id="trend-chart-title">
        {t('dashboard.trendTitle')}
      </Heading>
      <Paragraph data-size="sm" id="trend-chart-desc">
        {t('dashboard.trendDesc')}
      </Paragraph>
      <div className="ln-chart" role="img" aria-label={trend.map((p) => `${p.year}: ${p.apprentices} / ${p.targetSum}`).join('; ')}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={trend} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="year" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend verticalAlign="top" />
            <Line type="monotone" dataKey="apprentices" name={t('dashboard.totals.snapshot')} stroke={ACTUAL} strokeWidth={3} />
            <Line
              type="monotone"
              dataKey="targetSum"
              name={t('dashboard.totals.targetSum')}
              stroke={TARGET}
              strokeWidth={3}
              strokeDasharray="6 3"
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
