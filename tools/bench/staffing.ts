/**
 * The staffing proposal at scale: 2,000 apprentices offering help and 500 shifts over a month.
 * Prints the time to propose, the places filled against an upper bound on what any proposal can
 * fill, and the largest and mean load per apprentice. Aim: under 1 second, and at least 95% of the
 * places the exact optimum fills (the upper bound is at least the optimum, so filled / bound is a
 * lower bound on that share).
 *
 *   npm run bench:staffing [-- --apprentices 2000 --shifts 500 --seed 7]
 */
import { checkProposal, proposeStaffing, StaffingHelper, StaffingShift, staffingUpperBound } from '@laerenett/shared-domain';
import { arg } from './support';

const APPRENTICES = arg('apprentices', 2000);
const SHIFTS = arg('shifts', 500);
let seed = arg('seed', 7);
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

const H = 60;
const TRADES = ['kontor', 'ikt', 'sikkerhet', 'bygg', 'media', 'data', 'kokk'];
const monthStart = Date.UTC(2026, 8, 1) / 60_000; // 1 September 2026, in minutes
const day = (d: number) => monthStart + d * 24 * H;
const weekday = (d: number) => new Date((day(d) + 12 * H) * 60_000).getUTCDay(); // 0 = Sunday
const workdays = Array.from({ length: 30 }, (_, d) => d).filter((d) => weekday(d) !== 0 && weekday(d) !== 6);

const shifts: StaffingShift[] = Array.from({ length: SHIFTS }, (_, i) => {
  const start = day(pick(workdays)) + (7 + Math.floor(rand() * 6)) * H; // 08:00–13:00 Oslo (UTC+2)
  const hours = 2 + Math.floor(rand() * 5);
  return { id: `s${i}`, start, end: start + hours * H, month: '2026-09', open: 1 + Math.floor(rand() * 8), tradeIds: rand() < 0.4 ? [pick(TRADES)] : [] };
});
const helpers: StaffingHelper[] = Array.from({ length: APPRENTICES }, (_, i) => {
  const busy = rand() < 0.3 ? [{ start: day(pick(workdays)) + 8 * H, end: day(pick(workdays)) + 12 * H }].filter((b) => b.end > b.start) : [];
  return { id: `a${i}`, agencyId: `g${i % 60}`, tradeId: pick(TRADES), capMinutes: pick([8, 12, 16]) * H, busy, monthLoad: { '2026-09': pick([0, 0, 0, 2, 4]) * H }, helpedBefore: Math.floor(rand() * 40) * H };
});

const t0 = process.hrtime.bigint();
const p = proposeStaffing(shifts, helpers);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const bound = staffingUpperBound(shifts, helpers);
const problems = checkProposal(shifts, helpers, p.assignments);
const loads = Object.values(p.loads);
const mean = loads.reduce((a, b) => a + b, 0) / Math.max(1, APPRENTICES);
const agencyOf = new Map(helpers.map((h) => [h.id, h.agencyId]));
const agencies = new Map<string, number>();
for (const a of p.assignments) agencies.set(agencyOf.get(a.helperId)!, (agencies.get(agencyOf.get(a.helperId)!) ?? 0) + 1);

console.log(`Staffing: ${APPRENTICES} apprentices, ${SHIFTS} shifts, ${p.open} open places`);
console.log(`  time to propose:        ${ms.toFixed(0)} ms (aim: under 1000 ms)`);
console.log(`  places filled:          ${p.filled} of an upper bound of ${bound} (${((100 * p.filled) / Math.max(1, bound)).toFixed(1)}%; aim: at least 95%)`);
console.log(`  largest load:           ${(p.maxLoad / H).toFixed(1)} h`);
console.log(`  mean load:              ${(mean / H).toFixed(2)} h per apprentice (${loads.length} of ${APPRENTICES} got work)`);
console.log(`  agencies with work:     ${agencies.size}; assignments per agency ${Math.min(...agencies.values())}–${Math.max(...agencies.values())}`);
console.log(`  rules broken:           ${problems.length}`);
