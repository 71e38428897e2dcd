/**
 * Staffing worlds for the staffing bench (tools/bench/staffing.ts) and the tests: deterministic for
 * a seed. Shifts of 2–6 h starting 08:00–13:00 on the workdays of September 2026, 1–8 places, two
 * in five for one trade; apprentices of seven trades with caps of 8 h, 12 h or the pool's default
 * (16 h) a month, some hours already booked, three in ten busy one morning. Not part of the
 * library's API (not exported from its index).
 */
import { POOL_LIMITS, StaffingHelper, StaffingShift } from '../lib/staffing';

const H = 60;
const TRADES = ['kontor', 'ikt', 'sikkerhet', 'bygg', 'media', 'data', 'kokk'];

/** A pool of `shiftCount` shifts and `apprentices` apprentices, the same for the same seed. */
export function staffingWorld(
  apprentices: number,
  shiftCount: number,
  seed: number,
): { shifts: StaffingShift[]; helpers: StaffingHelper[] } {
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const monthStart = Date.UTC(2026, 8, 1) / 60_000; // 1 September 2026, in minutes
  const day = (d: number) => monthStart + d * 24 * H;
  const weekday = (d: number) => new Date((day(d) + 12 * H) * 60_000).getUTCDay(); // 0 = Sunday
  const workdays = Array.from({ length: 30 }, (_, d) => d).filter((d) => weekday(d) !== 0 && weekday(d) !== 6);
  const shifts: StaffingShift[] = Array.from({ length: shiftCount }, (_, i) => {
    const start = day(pick(workdays)) + (7 + Math.floor(rand() * 6)) * H; // 08:00–13:00 Oslo (UTC+2)
    const hours = 2 + Math.floor(rand() * 5);
    return {
      id: `s${i}`,
      start,
      end: start + hours * H,
      month: '2026-09',
      open: 1 + Math.floor(rand() * 8),
      tradeIds: rand() < 0.4 ? [pick(TRADES)] : [],
    };
  });
  const helpers: StaffingHelper[] = Array.from({ length: apprentices }, (_, i) => {
    const busy =
      rand() < 0.3 ? [{ start: day(pick(workdays)) + 8 * H, end: day(pick(workdays)) + 12 * H }].filter((b) => b.end > b.start) : [];
    return {
      id: `a${i}`,
      agencyId: `g${i % 60}`,
      tradeId: pick(TRADES),
      capMinutes: pick([8, 12, POOL_LIMITS.defaultHoursPerMonth]) * H,
      busy,
      monthLoad: { '2026-09': pick([0, 0, 0, 2, 4]) * H },
      helpedBefore: Math.floor(rand() * 40) * H,
    };
  });
  return { shifts, helpers };
}
