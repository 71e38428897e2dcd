/**
 * The reference for the staffing bench: the staffing problem as an integer program, solved by
 * HiGHS (compiled to WebAssembly). One variable per (helper, shift) pair that `eligible` allows;
 * a shift takes at most its open places; a helper stays within the cap in every month; a helper
 * takes at most one of the shifts that overlap at any moment (one row per maximal set of shifts
 * that overlap at one start time). First the most places; then, with that many places, the
 * smallest largest load (the helpers' minutes in the proposal). Without integrality the first
 * model is the LP relaxation, a proven upper bound where the integer program takes too long.
 */
import highsLoader from 'highs';
import { eligible, shiftMinutes, StaffingHelper, StaffingShift } from '@laerenett/shared-domain';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loaded: Promise<Highs> | null = null;
const highs = () => (loaded ??= highsLoader());

export interface ExactResult {
  /** Places: the optimum when `optimal`, else the LP bound rounded down. */
  places: number;
  optimal: boolean;
  /** The LP relaxation's value (a proven upper bound). */
  lp: number;
  /** The smallest largest load (minutes) with `loadAt` places: exact when `loadOptimal`, else a lower bound. */
  maxLoad: number | null;
  loadOptimal: boolean;
  ms: number;
  status: string;
}

interface Model {
  pairs: { h: number; s: number }[];
  rows: string[];
  loadRows: (lhs: string) => string[];
}

const line = (terms: string[]) => {
  const out: string[] = [];
  for (let k = 0; k < terms.length; k += 12) out.push(' ' + terms.slice(k, k + 12).join(' '));
  return out.join('\n');
};

function build(shifts: StaffingShift[], helpers: StaffingHelper[]): Model {
  const pairs: { h: number; s: number }[] = [];
  const byHelper: number[][] = helpers.map(() => []);
  const byShift: number[][] = shifts.map(() => []);
  helpers.forEach((h, hi) =>
    shifts.forEach((s, si) => {
      if (s.open > 0 && eligible(h, s)) {
        byHelper[hi].push(pairs.length);
        byShift[si].push(pairs.length);
        pairs.push({ h: hi, s: si });
      }
    }),
  );
  const x = (k: number) => `x${k}`;
  const rows: string[] = [];
  shifts.forEach((s, si) => {
    if (byShift[si].length > s.open) rows.push(` s${si}:\n${line(byShift[si].map(x))} <= ${s.open}`);
  });
  helpers.forEach((h, hi) => {
    const months = new Map<string, number[]>();
    for (const k of byHelper[hi]) months.set(shifts[pairs[k].s].month, [...(months.get(shifts[pairs[k].s].month) ?? []), k]);
    let m = 0;
    for (const [month, ks] of months) {
      const room = h.capMinutes - (h.monthLoad[month] ?? 0);
      if (ks.reduce((a, k) => a + shiftMinutes(shifts[pairs[k].s]), 0) > room)
        rows.push(` c${hi}_${m++}:\n${line(ks.map((k) => `${shiftMinutes(shifts[pairs[k].s])} ${x(k)}`))} <= ${room}`);
    }
    // Maximal sets of overlapping shifts: those running at each shift's start.
    const mine = byHelper[hi];
    const cliques = new Set<string>();
    for (const a of mine) {
      const t = shifts[pairs[a].s].start;
      const at = mine.filter((k) => shifts[pairs[k].s].start <= t && t < shifts[pairs[k].s].end);
      if (at.length > 1) cliques.add(at.join(','));
    }
    let c = 0;
    for (const set of cliques) rows.push(` o${hi}_${c++}:\n${line(set.split(',').map((k) => x(Number(k))))} <= 1`);
  });
  const loadRows = (lhs: string) =>
    helpers.flatMap((_, hi) =>
      byHelper[hi].length
        ? [` l${hi}:\n${line(byHelper[hi].map((k) => `${shiftMinutes(shifts[pairs[k].s])} ${x(k)}`))} - ${lhs} <= 0`]
        : [],
    );
  return { pairs, rows, loadRows };
}

function lpText(
  sense: 'Maximize' | 'Minimize',
  objective: string,
  rows: string[],
  vars: number,
  integer: boolean,
  extra: string[] = [],
): string {
  const names = Array.from({ length: vars }, (_, k) => `x${k}`);
  return [
    sense,
    ` obj:\n${objective}`,
    'Subject To',
    ...rows,
    ...extra,
    'Bounds',
    ...names.map((n) => ` 0 <= ${n} <= 1`),
    ...(integer ? ['General', line(names)] : []),
    'End',
    '',
  ].join('\n');
}

/**
 * The most places (the exact optimum when the integer program solves within `seconds`, else the LP
 * bound rounded down), and the smallest largest load with which at least `loadAt` places are
 * filled (exact when solved; else the LP relaxation's value, a proven lower bound).
 */
export async function exactStaffing(
  shifts: StaffingShift[],
  helpers: StaffingHelper[],
  opts: { seconds: number; loadAt: number },
): Promise<ExactResult> {
  const solver = await highs();
  const t0 = performance.now();
  const m = build(shifts, helpers);
  const n = m.pairs.length;
  const names = Array.from({ length: n }, (_, k) => `x${k}`);
  if (n === 0) return { places: 0, optimal: true, lp: 0, maxLoad: 0, loadOptimal: true, ms: 0, status: 'Optimal' };
  const options = { output_flag: false, time_limit: opts.seconds };
  const lp = solver.solve(lpText('Maximize', line(names), m.rows, n, false), options);
  const lpValue = lp.Status === 'Optimal' ? lp.ObjectiveValue : Number.POSITIVE_INFINITY;
  const ilp = solver.solve(lpText('Maximize', line(names), m.rows, n, true), { ...options, mip_rel_gap: 0 });
  const optimal = ilp.Status === 'Optimal';
  const places = optimal ? Math.round(ilp.ObjectiveValue) : Math.floor(lpValue + 1e-6);
  // The smallest largest load L with at least `loadAt` places.
  const fair = (integer: boolean) =>
    solver.solve(lpText('Minimize', ' L', m.rows, n, integer, [` total:\n${line(names)} >= ${opts.loadAt}`, ...m.loadRows('L')]), {
      ...options,
      mip_rel_gap: 0,
    });
  let load = fair(true);
  const loadOptimal = load.Status === 'Optimal';
  if (!loadOptimal) load = fair(false);
  return {
    places,
    optimal,
    lp: lpValue,
    maxLoad: load.Status === 'Optimal' ? (loadOptimal ? Math.round(load.ObjectiveValue) : Math.ceil(load.ObjectiveValue - 1e-6)) : null,
    loadOptimal: loadOptimal,
    ms: performance.now() - t0,
    status: `${optimal ? 'optimal' : `ILP: ${ilp.Status}`}; load ${loadOptimal ? 'optimal' : `LP bound (ILP: ${load.Status})`}`,
  };
}
