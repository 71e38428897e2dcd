/**
 * Fair staffing of pooled events (measure 3 of the pilot): fill the open places of the pool's
 * shifts from the apprentices who offered to help, so that
 *
 * - nobody is double-booked (shifts that overlap in time, or a gathering they said yes to),
 * - nobody goes over their cap of minutes per calendar month,
 * - the trade fits (a shift may be for some trades only),
 * - as many places as possible are filled, and then the work is spread: the largest load is as
 *   small as it can be, the agencies share the work, and those who have helped least go first.
 *
 * Pure code, no I/O. Times are minutes since the epoch (UTC); `month` is the shift's month in
 * Oslo (YYYY-MM), which the caps are counted by.
 */

export interface StaffingShift {
  id: string;
  start: number;
  end: number;
  month: string;
  /** Places still open. */
  open: number;
  /** Trades the shift is for; empty means any trade. */
  tradeIds: string[];
}

export interface StaffingHelper {
  id: string;
  agencyId: string;
  tradeId: string | null;
  /** The most minutes of pool work per calendar month. */
  capMinutes: number;
  /** Time already taken: shifts they are on, gatherings they said yes to. */
  busy: { start: number; end: number }[];
  /** Minutes of pool work already booked per month. */
  monthLoad: Record<string, number>;
  /** Minutes they have helped before: those who have helped least go first. */
  helpedBefore: number;
  /** Shifts they already hold or asked for: never proposed again. */
  holds?: string[];
}

export interface StaffingAssignment {
  shiftId: string;
  helperId: string;
}

export interface StaffingProposal {
  assignments: StaffingAssignment[];
  /** Places filled by the proposal, and the places that were open. */
  filled: number;
  open: number;
  /** Minutes per helper in the proposal (only those who got work). */
  loads: Record<string, number>;
  maxLoad: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
export const shiftMinutes = (s: { start: number; end: number }) => s.end - s.start;

/** Whether a helper may ever take a shift: the trade fits, it is not one they hold, and they are free. */
export function eligible(h: StaffingHelper, s: StaffingShift): boolean {
  if (s.tradeIds.length > 0 && (h.tradeId === null || !s.tradeIds.includes(h.tradeId))) return false;
  if (h.holds?.includes(s.id)) return false;
  if ((h.monthLoad[s.month] ?? 0) + shiftMinutes(s) > h.capMinutes) return false;
  return !h.busy.some((b) => overlaps(b, s));
}

/** Every rule a proposal must keep; returns what is broken (empty when it is sound). */
export function checkProposal(shifts: StaffingShift[], helpers: StaffingHelper[], assignments: StaffingAssignment[]): string[] {
  const problems: string[] = [];
  const shiftById = new Map(shifts.map((s) => [s.id, s]));
  const helperById = new Map(helpers.map((h) => [h.id, h]));
  const perShift = new Map<string, number>();
  const perHelper = new Map<string, StaffingShift[]>();
  const seen = new Set<string>();
  for (const a of assignments) {
    const s = shiftById.get(a.shiftId);
    const h = helperById.get(a.helperId);
    if (!s || !h) {
      problems.push(`unknown shift or helper in ${a.shiftId}/${a.helperId}`);
      continue;
    }
    const key = `${a.shiftId}|${a.helperId}`;
    if (seen.has(key)) problems.push(`${h.id} twice on ${s.id}`);
    seen.add(key);
    if (!eligible(h, s)) problems.push(`${h.id} is not eligible for ${s.id}`);
    perShift.set(s.id, (perShift.get(s.id) ?? 0) + 1);
    perHelper.set(h.id, [...(perHelper.get(h.id) ?? []), s]);
  }
  for (const [id, n] of perShift) if (n > shiftById.get(id)!.open) problems.push(`${id} overfilled: ${n} > ${shiftById.get(id)!.open}`);
  for (const [id, list] of perHelper) {
    const h = helperById.get(id)!;
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (overlaps(list[i], list[j])) problems.push(`${id} double-booked on ${list[i].id} and ${list[j].id}`);
    const months = new Map<string, number>();
    for (const s of list) months.set(s.month, (months.get(s.month) ?? 0) + shiftMinutes(s));
    for (const [m, minutes] of months) if ((h.monthLoad[m] ?? 0) + minutes > h.capMinutes) problems.push(`${id} over the cap in ${m}`);
  }
  return problems;
}

/** The working state of one fill: who holds what, and the loads. */
class Fill {
  readonly on = new Map<string, Set<number>>(); // helper → shift indexes
  readonly count: number[];
  readonly load = new Map<string, number>(); // helper → proposal minutes
  readonly month = new Map<string, Map<string, number>>(); // helper → month → minutes incl. existing
  readonly agencyLoad = new Map<string, number>();
  /** Pairs "helper|shift" not to be used again in this fill (tried and given up). */
  forbidden = new Set<string>();
  /** Work done by the searches (augmenting chains, repairs); bounded so that a fill always ends quickly. */
  steps = 0;
  /** Small pools are searched fully (every chain, every repair); large ones with bounded shortcuts. */
  exhaustive = false;
  /** While a change is being tried: what was added and removed, to undo it. */
  journal: [boolean, StaffingHelper, number][] | null = null;

  constructor(
    readonly shifts: StaffingShift[],
    readonly helpers: StaffingHelper[],
    readonly limit: number,
  ) {
    this.count = shifts.map(() => 0);
    for (const h of helpers) {
      this.on.set(h.id, new Set());
      this.load.set(h.id, 0);
      this.month.set(h.id, new Map(Object.entries(h.monthLoad)));
    }
  }

  /** The total a helper is judged by: what they have done before counts as part of their load. */
  weight(h: StaffingHelper): number {
    return this.load.get(h.id)!;
  }

  /** Could h take shift i as things stand, ignoring the shift at index `without` (being moved away)? */
  fits(h: StaffingHelper, i: number, without = -1): boolean {
    const s = this.shifts[i];
    const mine = this.on.get(h.id)!;
    if (mine.has(i)) return false;
    if (this.forbidden.size && this.forbidden.has(`${h.id}|${i}`)) return false;
    const freed = without >= 0 && mine.has(without) ? this.shifts[without] : null;
    const load = this.load.get(h.id)! - (freed ? shiftMinutes(freed) : 0) + shiftMinutes(s);
    if (load > this.limit) return false;
    const month = (this.month.get(h.id)!.get(s.month) ?? 0) - (freed && freed.month === s.month ? shiftMinutes(freed) : 0) + shiftMinutes(s);
    if (month > h.capMinutes) return false;
    for (const j of mine) if (j !== without && overlaps(this.shifts[j], s)) return false;
    return true;
  }

  add(h: StaffingHelper, i: number) {
    this.journal?.push([true, h, i]);
    const s = this.shifts[i];
    this.on.get(h.id)!.add(i);
    this.count[i]++;
    this.load.set(h.id, this.load.get(h.id)! + shiftMinutes(s));
    const m = this.month.get(h.id)!;
    m.set(s.month, (m.get(s.month) ?? 0) + shiftMinutes(s));
    this.agencyLoad.set(h.agencyId, (this.agencyLoad.get(h.agencyId) ?? 0) + shiftMinutes(s));
  }

  remove(h: StaffingHelper, i: number) {
    this.journal?.push([false, h, i]);
    const s = this.shifts[i];
    this.on.get(h.id)!.delete(i);
    this.count[i]--;
    this.load.set(h.id, this.load.get(h.id)! - shiftMinutes(s));
    const m = this.month.get(h.id)!;
    m.set(s.month, m.get(s.month)! - shiftMinutes(s));
    this.agencyLoad.set(h.agencyId, this.agencyLoad.get(h.agencyId)! - shiftMinutes(s));
  }

  /** Undoes everything since the journal was started. */
  undo() {
    const log = this.journal ?? [];
    this.journal = null;
    for (let k = log.length - 1; k >= 0; k--) {
      const [added, h, i] = log[k];
      if (added) this.remove(h, i);
      else this.add(h, i);
    }
  }

  get filled() {
    return this.count.reduce((a, b) => a + b, 0);
  }
}

/** Lower is better: least load, then the agency with least work, then who helped least before. */
function better(f: Fill, a: StaffingHelper, b: StaffingHelper): boolean {
  const la = f.weight(a);
  const lb = f.weight(b);
  if (la !== lb) return la < lb;
  const ga = f.agencyLoad.get(a.agencyId) ?? 0;
  const gb = f.agencyLoad.get(b.agencyId) ?? 0;
  if (ga !== gb) return ga < gb;
  if (a.helpedBefore !== b.helpedBefore) return a.helpedBefore < b.helpedBefore;
  return a.id < b.id;
}

function greedy(f: Fill, candidates: StaffingHelper[][], order: number[]) {
  for (const i of order) {
    while (f.count[i] < f.shifts[i].open) {
      let best: StaffingHelper | null = null;
      for (const h of candidates[i]) if (f.fits(h, i) && (best === null || better(f, h, best))) best = h;
      if (!best) break;
      f.add(best, i);
    }
  }
}

/** Augmenting chains: a place left open may be filled by a helper who gives up a shift someone else then takes. */
function augmentAll(f: Fill, candidates: StaffingHelper[][], order: number[]) {
  let improved = true;
  while (improved) {
    improved = false;
    for (const i of order) {
      while (f.count[i] < f.shifts[i].open && f.steps <= MAX_STEPS && augment(f, candidates, i, new Set([i]), 0)) improved = true;
    }
  }
}

/** How many "give one up, refill" tries one fill may spend. */
const REPAIR_BUDGET = 400;

/**
 * Repair: where places are still open, a helper who could take them may be better used there
 * than where they are (a long shift can make room for two short ones). Try giving up one of their
 * shifts and filling again; keep it only when more places are filled.
 */
function repair(f: Fill, candidates: StaffingHelper[][], order: number[]) {
  let budget = REPAIR_BUDGET;
  let improved = true;
  while (improved && budget > 0 && f.steps <= MAX_STEPS) {
    improved = false;
    const open = order.filter((i) => f.count[i] < f.shifts[i].open && candidates[i].length > 0);
    outer: for (const i of open) {
      for (const h of candidates[i]) {
        for (const j of [...f.on.get(h.id)!]) {
          if (budget-- <= 0 || f.steps > MAX_STEPS) break outer;
          const before = f.filled;
          f.journal = [];
          f.remove(h, j);
          f.forbidden = new Set([`${h.id}|${j}`]);
          // Refill only what is open now: the places left before, and the one just given up.
          const touched = f.exhaustive ? order : order.filter((k) => k === j || open.includes(k));
          greedy(f, candidates, touched);
          augmentAll(f, candidates, touched);
          f.forbidden = new Set();
          if (f.filled > before) {
            f.journal = null;
            improved = true;
            break outer;
          }
          f.undo();
        }
      }
    }
  }
}

function fillInOrder(shifts: StaffingShift[], helpers: StaffingHelper[], candidates: StaffingHelper[][], limit: number, order: number[], exhaustive: boolean): Fill {
  const f = new Fill(shifts, helpers, limit);
  f.exhaustive = exhaustive;
  greedy(f, candidates, order);
  augmentAll(f, candidates, order);
  repair(f, candidates, order);
  return f;
}

function fillWithin(shifts: StaffingShift[], helpers: StaffingHelper[], candidates: StaffingHelper[][], limit: number): Fill {
  const exhaustive = candidates.reduce((n, c) => n + c.length, 0) <= SMALL_POOL;
  const idx = shifts.map((_, i) => i);
  const scarcity = (i: number) => candidates[i].length / Math.max(1, shifts[i].open);
  // Scarce shifts first (fewest candidates per open place), then short ones: they use least of the caps.
  const orders = [idx.slice().sort((x, y) => scarcity(x) - scarcity(y) || shiftMinutes(shifts[x]) - shiftMinutes(shifts[y]) || shifts[x].start - shifts[y].start)];
  // A small pool is also tried shortest shifts first and in time order, and the best fill kept.
  if (exhaustive) {
    orders.push(idx.slice().sort((x, y) => shiftMinutes(shifts[x]) - shiftMinutes(shifts[y]) || scarcity(x) - scarcity(y) || shifts[x].start - shifts[y].start));
    orders.push(idx.slice().sort((x, y) => shifts[x].start - shifts[y].start || shifts[x].end - shifts[y].end));
  }
  let best: Fill | null = null;
  for (const order of orders) {
    const f = fillInOrder(shifts, helpers, candidates, limit, order, exhaustive);
    if (best === null || f.filled > best.filled) best = f;
  }
  return best!;
}

/** Pools with at most this many (shift, helper) pairs are searched fully. */
const SMALL_POOL = 5_000;
const MAX_DEPTH = 6;
/** The most search steps one fill may take (a step is one candidate looked at). */
const MAX_STEPS = 400_000;

function augment(f: Fill, candidates: StaffingHelper[][], i: number, visited: Set<number>, depth: number): boolean {
  f.steps += candidates[i].length;
  let best: StaffingHelper | null = null;
  for (const h of candidates[i]) if (f.fits(h, i) && (best === null || better(f, h, best))) best = h;
  if (best) {
    f.add(best, i);
    return true;
  }
  if (depth >= MAX_DEPTH || f.steps > MAX_STEPS) return false;
  for (const h of candidates[i]) {
    if (f.on.get(h.id)!.has(i)) continue;
    for (const j of [...f.on.get(h.id)!]) {
      if (visited.has(j) || !f.fits(h, i, j)) continue;
      // h moves from j to i; j needs someone else. On large pools a shift that could not be
      // refilled once is not tried again in this search (as in augmenting paths for matching).
      visited.add(j);
      f.remove(h, j);
      f.add(h, i);
      if (augment(f, candidates, j, visited, depth + 1)) return true;
      f.remove(h, i);
      f.add(h, j);
      if (f.exhaustive) visited.delete(j);
    }
  }
  return false;
}

/**
 * Evens out the loads without losing a place: the most loaded helper hands a shift to someone
 * who can take it and would still carry less. Repeats while that lowers the largest load.
 */
function balance(f: Fill, candidates: StaffingHelper[][]) {
  const byId = new Map(f.helpers.map((h) => [h.id, h]));
  for (let round = 0; round < 5_000; round++) {
    let top: StaffingHelper | null = null;
    for (const h of f.helpers) if (f.on.get(h.id)!.size && (top === null || f.load.get(h.id)! > f.load.get(top.id)!)) top = h;
    if (!top) return;
    const topLoad = f.load.get(top.id)!;
    let moved = false;
    const mine = [...f.on.get(top.id)!].sort((a, b) => shiftMinutes(f.shifts[b]) - shiftMinutes(f.shifts[a]));
    for (const j of mine) {
      let taker: StaffingHelper | null = null;
      for (const c of candidates[j]) {
        if (c.id === top.id || !f.fits(c, j) || f.load.get(c.id)! + shiftMinutes(f.shifts[j]) >= topLoad) continue;
        if (taker === null || better(f, c, taker)) taker = c;
      }
      if (taker) {
        f.remove(byId.get(top.id)!, j);
        f.add(taker, j);
        moved = true;
        break;
      }
    }
    if (!moved) return;
  }
}

/**
 * Proposes who takes which open place. First the most places that can be filled; then the
 * smallest largest load with which that many can still be filled (a search over the limit).
 */
export function proposeStaffing(shifts: StaffingShift[], helpers: StaffingHelper[]): StaffingProposal {
  const open = shifts.reduce((a, s) => a + Math.max(0, s.open), 0);
  const candidates = shifts.map((s) => helpers.filter((h) => s.open > 0 && eligible(h, s)));
  const unlimited = fillWithin(shifts, helpers, candidates, Number.POSITIVE_INFINITY);
  const target = unlimited.filled;
  let best = unlimited;
  // The largest load cannot be below the longest single shift anyone takes, nor above the unlimited fill's.
  // The smallest largest load with which as many places can still be filled: a search over the
  // limit. On large pools the least-loaded-first fill already spreads the work, so the search is
  // cut short there to keep the proposal fast.
  const pairs = candidates.reduce((n, c) => n + c.length, 0);
  let rounds = pairs <= SMALL_POOL ? Number.POSITIVE_INFINITY : 0;
  let hi = Math.max(0, ...[...unlimited.load.values()]);
  let lo = 0;
  while (lo < hi && rounds-- > 0) {
    const mid = Math.floor((lo + hi) / 2);
    const f = fillWithin(shifts, helpers, candidates, mid);
    if (f.filled >= target) {
      best = f;
      hi = mid;
    } else lo = mid + 1;
  }
  balance(best, candidates);
  const assignments: StaffingAssignment[] = [];
  const loads: Record<string, number> = {};
  for (const h of helpers) {
    const mine = best.on.get(h.id)!;
    if (!mine.size) continue;
    loads[h.id] = best.load.get(h.id)!;
    for (const i of mine) assignments.push({ shiftId: shifts[i].id, helperId: h.id });
  }
  assignments.sort((a, b) => a.shiftId.localeCompare(b.shiftId) || a.helperId.localeCompare(b.helperId));
  return { assignments, filled: best.filled, open, loads, maxLoad: Math.max(0, ...Object.values(loads)) };
}

/**
 * An upper bound on the places any proposal can fill, to judge proposals at scale: the smaller of
 * (a) each shift's open places, but no more than the helpers who could ever take it, and (b) per
 * helper, the most shifts they could take within their monthly caps (shortest first, overlaps
 * ignored), summed.
 */
export function staffingUpperBound(shifts: StaffingShift[], helpers: StaffingHelper[]): number {
  const open = shifts.filter((s) => s.open > 0);
  const perShift = open.reduce((a, s) => a + Math.min(s.open, helpers.filter((h) => eligible(h, s)).length), 0);
  let perHelper = 0;
  for (const h of helpers) {
    const byMonth = new Map<string, number[]>();
    for (const s of open) if (eligible(h, s)) byMonth.set(s.month, [...(byMonth.get(s.month) ?? []), shiftMinutes(s)]);
    for (const [month, minutes] of byMonth) {
      let room = h.capMinutes - (h.monthLoad[month] ?? 0);
      for (const m of minutes.sort((a, b) => a - b)) {
        if (m > room) break;
        room -= m;
        perHelper++;
      }
    }
  }
  return Math.min(perShift, perHelper);
}
