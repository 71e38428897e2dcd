import fc from 'fast-check';
import { checkProposal, eligible, proposeStaffing, shiftMinutes, StaffingAssignment, StaffingHelper, StaffingShift, staffingUpperBound } from '../index';

const H = 60;

/** Small worlds: a few shifts over two days and two months, a few helpers from a few agencies. */
const shiftArb = (i: number) =>
  fc.record({
    startSlot: fc.integer({ min: 0, max: 8 }),
    length: fc.integer({ min: 1, max: 4 }),
    open: fc.integer({ min: 0, max: 2 }),
    trade: fc.constantFrom<string | null>(null, null, 't1', 't2'),
    month: fc.constantFrom('2026-09', '2026-10'),
  }).map(
    (r): StaffingShift => ({ id: `s${i}`, start: r.startSlot * H, end: (r.startSlot + r.length) * H, month: r.month, open: r.open, tradeIds: r.trade ? [r.trade] : [] }),
  );
const helperArb = (i: number) =>
  fc.record({
    agency: fc.constantFrom('a1', 'a2', 'a3'),
    trade: fc.constantFrom<string | null>('t1', 't2', null),
    cap: fc.constantFrom(2 * H, 4 * H, 8 * H),
    busy: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
    existing: fc.constantFrom(0, 0, H, 2 * H),
    helped: fc.integer({ min: 0, max: 3 }),
  }).map(
    (r): StaffingHelper => ({
      id: `h${i}`,
      agencyId: r.agency,
      tradeId: r.trade,
      capMinutes: r.cap,
      busy: r.busy === null ? [] : [{ start: r.busy * H, end: (r.busy + 1) * H }],
      monthLoad: { '2026-09': r.existing },
      helpedBefore: r.helped * H,
    }),
  );
const world = (maxShifts: number, maxHelpers: number) =>
  fc.tuple(fc.integer({ min: 1, max: maxShifts }), fc.integer({ min: 1, max: maxHelpers })).chain(([ns, nh]) =>
    fc.tuple(fc.tuple(...Array.from({ length: ns }, (_, i) => shiftArb(i))), fc.tuple(...Array.from({ length: nh }, (_, i) => helperArb(i)))),
  );

/** The exact optimum by trying every set of (shift, helper) pairs: most places, then the smallest largest load. */
function bruteForce(shifts: StaffingShift[], helpers: StaffingHelper[]): { filled: number; maxLoad: number } {
  const pairs: StaffingAssignment[] = [];
  for (const s of shifts) for (const h of helpers) if (s.open > 0 && eligible(h, s)) pairs.push({ shiftId: s.id, helperId: h.id });
  let best = { filled: 0, maxLoad: 0 };
  const byId = new Map(shifts.map((s) => [s.id, s]));
  for (let mask = 0; mask < 1 << pairs.length; mask++) {
    const chosen = pairs.filter((_, k) => mask & (1 << k));
    if (chosen.length < best.filled) continue;
    if (checkProposal(shifts, helpers, chosen).length) continue;
    const loads = new Map<string, number>();
    for (const a of chosen) loads.set(a.helperId, (loads.get(a.helperId) ?? 0) + shiftMinutes(byId.get(a.shiftId)!));
    const maxLoad = Math.max(0, ...loads.values());
    if (chosen.length > best.filled || maxLoad < best.maxLoad) best = { filled: chosen.length, maxLoad };
  }
  return best;
}

describe('fair staffing', () => {
  it('keeps every rule: no overfilled shift, no double booking, caps, trades, busy times', () => {
    fc.assert(
      fc.property(world(8, 8), ([shifts, helpers]) => {
        const p = proposeStaffing(shifts, helpers);
        expect(checkProposal(shifts, helpers, p.assignments)).toEqual([]);
        expect(p.filled).toBe(p.assignments.length);
        expect(p.filled).toBeLessThanOrEqual(staffingUpperBound(shifts, helpers));
      }),
      { numRuns: 500 },
    );
  });

  it('fills as many places as the exact optimum on small cases, with no larger largest load', () => {
    fc.assert(
      fc.property(world(4, 4), ([shifts, helpers]) => {
        const pairs = shifts.reduce((n, s) => n + helpers.filter((h) => s.open > 0 && eligible(h, s)).length, 0);
        fc.pre(pairs <= 14);
        const exact = bruteForce(shifts, helpers);
        const p = proposeStaffing(shifts, helpers);
        expect(p.filled).toBe(exact.filled);
        expect(p.maxLoad).toBe(exact.maxLoad);
      }),
      { numRuns: 500 },
    );
  });

  it('spreads the work: with equal helpers, nobody gets a second shift while another has none', () => {
    const shifts: StaffingShift[] = Array.from({ length: 4 }, (_, i) => ({ id: `s${i}`, start: i * 3 * H, end: (i * 3 + 2) * H, month: '2026-09', open: 1, tradeIds: [] }));
    const helpers: StaffingHelper[] = ['a1', 'a1', 'a2', 'a2'].map((agencyId, i) => ({ id: `h${i}`, agencyId, tradeId: 't1', capMinutes: 20 * H, busy: [], monthLoad: {}, helpedBefore: 0 }));
    const p = proposeStaffing(shifts, helpers);
    expect(p.filled).toBe(4);
    expect(Object.values(p.loads)).toEqual([2 * H, 2 * H, 2 * H, 2 * H]);
  });

  it('prefers those who have helped least, and spreads across agencies', () => {
    const shift: StaffingShift = { id: 's', start: 0, end: 2 * H, month: '2026-09', open: 2, tradeIds: [] };
    const helper = (id: string, agencyId: string, helpedBefore: number): StaffingHelper => ({ id, agencyId, tradeId: null, capMinutes: 10 * H, busy: [], monthLoad: {}, helpedBefore });
    const p = proposeStaffing([shift], [helper('veteran', 'a1', 50 * H), helper('new', 'a1', 0), helper('other', 'a2', 10 * H)]);
    expect(p.assignments.map((a) => a.helperId).sort()).toEqual(['new', 'other']);
  });

  it('finds the chain that fills a place: someone moves to free the only helper who fits', () => {
    // s1 is for trade t1 only; h1 (t1) is the only one who can take it, but the greedy pass may
    // put h1 on s0, which h2 could take as well.
    const shifts: StaffingShift[] = [
      { id: 's0', start: 0, end: 2 * H, month: '2026-09', open: 1, tradeIds: [] },
      { id: 's1', start: H, end: 3 * H, month: '2026-09', open: 1, tradeIds: ['t1'] },
    ];
    const helpers: StaffingHelper[] = [
      { id: 'h1', agencyId: 'a1', tradeId: 't1', capMinutes: 10 * H, busy: [], monthLoad: {}, helpedBefore: 0 },
      { id: 'h2', agencyId: 'a2', tradeId: 't2', capMinutes: 10 * H, busy: [], monthLoad: {}, helpedBefore: 99 * H },
    ];
    const p = proposeStaffing(shifts, helpers);
    expect(p.assignments).toEqual([
      { shiftId: 's0', helperId: 'h2' },
      { shiftId: 's1', helperId: 'h1' },
    ]);
  });
});
