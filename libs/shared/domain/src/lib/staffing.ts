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
  /**
   * A proven upper bound on the places any proposal could fill (`staffingUpperBound`; the open
   * places when all are filled): the proposal is at least filled / upperBound of the best possible.
   */
  upperBound: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
export const shiftMinutes = (s: { start: number; end: number }) => s.end - s.start;

/**
 * The pool's limits, each defined once: the API's inputs and checks, the database's constraints
 * and the portal take them from here.
 */
export const POOL_LIMITS = {
  /** An apprentice's cap of pool work, in hours per calendar month, when they have not set their own. */
  defaultHoursPerMonth: 16,
  /** The range an apprentice may set their cap in (hours per month). */
  minHoursPerMonth: 1,
  maxHoursPerMonth: 160,
  /** The longest shift, and the most hours recorded for one. */
  maxShiftHours: 24,
  /** The most places on one shift. */
  maxPlaces: 500,
} as const;

/** Why a helper may never take a shift, by the staffing rules, in the order they are checked. */
export type PoolBarrier = 'TRADE' | 'HELD' | 'CLASH' | 'CAP';

/**
 * Which rule keeps a helper from a shift, or null when none does: the shift is for other trades
 * (TRADE), they hold or asked for it already (HELD), it overlaps time they have taken — another
 * shift, a gathering they said yes to (CLASH) — or it would take them over their cap in its month
 * (CAP).
 */
export function poolBarrier(h: StaffingHelper, s: StaffingShift): PoolBarrier | null {
  if (s.tradeIds.length > 0 && (h.tradeId === null || !s.tradeIds.includes(h.tradeId))) return 'TRADE';
  if (h.holds?.includes(s.id)) return 'HELD';
  if (h.busy.some((b) => overlaps(b, s))) return 'CLASH';
  if ((h.monthLoad[s.month] ?? 0) + shiftMinutes(s) > h.capMinutes) return 'CAP';
  return null;
}

/** Whether a helper may ever take a shift: the trade fits, it is not one they hold, they are free, and under the cap. */
export function eligible(h: StaffingHelper, s: StaffingShift): boolean {
  return poolBarrier(h, s) === null;
}

/** Why a helper may never take a shift, in words, or null when they may. */
export function ineligibility(h: StaffingHelper, s: StaffingShift): string | null {
  const why = poolBarrier(h, s);
  switch (why) {
    case 'TRADE':
      return `${h.id} is not of a trade ${s.id} is for`;
    case 'HELD':
      return `${h.id} already holds or asked for ${s.id}`;
    case 'CLASH':
      return `${h.id} is busy during ${s.id}`;
    case 'CAP':
      return `${h.id} over the cap in ${s.month} with ${s.id} alone`;
    case null:
      return null;
  }
}

/**
 * Whether an apprentice may take a place on a shift now, or the first reason they may not: the
 * event is not open (not in the pool, the shift has begun, or — when they sign up themselves —
 * the sign-up deadline has passed: DEADLINE), they are on it already (SIGNED_UP), it is FULL, or
 * a staffing rule keeps them from it (TRADE, CLASH, CAP). A sign-up is refused with this reason.
 */
export type ShiftEligibility = 'OK' | 'DEADLINE' | 'SIGNED_UP' | 'FULL' | Exclude<PoolBarrier, 'HELD'>;

export interface ShiftOpening {
  /** The event is in the pool (approved, not cancelled). */
  inPool: boolean;
  /** Milliseconds since the epoch: now, the event's sign-up deadline, and the shift's start. */
  now: number;
  signupDeadline: number;
  startsAt: number;
  /** The apprentice signs up themselves: the deadline binds them (a coordinator may place them until the shift begins). */
  bySelf: boolean;
  /** They hold a place on the shift already (pending or approved). */
  signedUp: boolean;
}

/** The pool's rules for one apprentice and one shift (`s.open`: the places still open), in the order they are checked. */
export function shiftEligibility(h: StaffingHelper, s: StaffingShift, o: ShiftOpening): ShiftEligibility {
  if (!o.inPool || o.now >= o.startsAt || (o.bySelf && o.now >= o.signupDeadline)) return 'DEADLINE';
  if (o.signedUp) return 'SIGNED_UP';
  if (s.open <= 0) return 'FULL';
  const why = poolBarrier(h, s);
  return why === 'HELD' ? 'SIGNED_UP' : (why ?? 'OK');
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
    const why = ineligibility(h, s);
    if (why) problems.push(why);
    perShift.set(s.id, (perShift.get(s.id) ?? 0) + 1);
    perHelper.set(h.id, [...(perHelper.get(h.id) ?? []), s]);
  }
  for (const [id, n] of perShift) if (n > shiftById.get(id)!.open) problems.push(`${id} overfilled: ${n} > ${shiftById.get(id)!.open}`);
  for (const [id, list] of perHelper) {
    const h = helperById.get(id)!;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        if (overlaps(list[i], list[j])) problems.push(`${id} double-booked on ${list[i].id} and ${list[j].id}`);
    const months = new Map<string, number>();
    for (const s of list) months.set(s.month, (months.get(s.month) ?? 0) + shiftMinutes(s));
    for (const [m, minutes] of months) if ((h.monthLoad[m] ?? 0) + minutes > h.capMinutes) problems.push(`${id} over the cap in ${m}`);
  }
  return problems;
}

/** One helper's state within a fill. */
interface Slot {
  readonly h: StaffingHelper;
  /** The helper's index, and their rank by id (the last tie-break, so that the result is deterministic). */
  readonly k: number;
  readonly rank: number;
  readonly agency: number;
  readonly cap: number;
  /** Shift indexes held in the proposal. */
  on: number[];
  /** Minutes in the proposal. */
  load: number;
  /** Minutes per month (by month index), including those booked before. */
  readonly month: Float64Array;
}

/** What every fill of one pool shares: shifts as arrays, helpers' indexes, who may take what. */
class Pool {
  readonly n: number;
  readonly len: Float64Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly monthOf: Int32Array;
  readonly months: string[];
  readonly agencies: number;
  readonly agencyOf: Int32Array;
  readonly rank: Int32Array;
  /** Helper indexes that may take each shift (empty when it has no open place). */
  readonly candidates: number[][];
  /** The shortest shift with open places: a rest under the cap shorter than this is lost. */
  readonly shortest: number;

  constructor(
    readonly shifts: StaffingShift[],
    readonly helpers: StaffingHelper[],
  ) {
    this.n = shifts.length;
    this.len = Float64Array.from(shifts, shiftMinutes);
    this.start = Float64Array.from(shifts, (s) => s.start);
    this.end = Float64Array.from(shifts, (s) => s.end);
    this.months = [...new Set(shifts.map((s) => s.month))];
    const monthIndex = new Map(this.months.map((m, k) => [m, k]));
    this.monthOf = Int32Array.from(shifts, (s) => monthIndex.get(s.month)!);
    const agencyIndex = new Map<string, number>();
    this.agencyOf = Int32Array.from(helpers, (h) => agencyIndex.get(h.agencyId) ?? agencyIndex.set(h.agencyId, agencyIndex.size).size - 1);
    this.agencies = agencyIndex.size;
    this.rank = new Int32Array(helpers.length);
    helpers
      .map((h, k) => ({ id: h.id, k }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.k - b.k))
      .forEach((x, r) => (this.rank[x.k] = r));
    this.candidates = candidatesOf(shifts, helpers);
    let shortest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.n; i++) if (shifts[i].open > 0) shortest = Math.min(shortest, this.len[i]);
    this.shortest = shortest;
  }

  get pairs(): number {
    return this.candidates.reduce((a, c) => a + c.length, 0);
  }

  /** Whether helper k may take shift i at all: k is among its candidates (kept in ascending order). */
  may(k: number, i: number): boolean {
    const ks = this.candidates[i];
    let lo = 0;
    let hi = ks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ks[mid] < k) lo = mid + 1;
      else hi = mid;
    }
    return ks[lo] === k;
  }
}

/** For each shift, the helpers `eligible` allows (as indexes), computed without trying every pair in full. */
function candidatesOf(shifts: StaffingShift[], helpers: StaffingHelper[]): number[][] {
  const byTrade = new Map<string, number[]>();
  helpers.forEach((h, k) => {
    if (h.tradeId !== null) byTrade.set(h.tradeId, [...(byTrade.get(h.tradeId) ?? []), k]);
  });
  const everyone = helpers.map((_, k) => k);
  return shifts.map((s) => {
    if (s.open <= 0) return [];
    const pool = s.tradeIds.length === 0 ? everyone : [...new Set(s.tradeIds)].flatMap((t) => byTrade.get(t) ?? []).sort((a, b) => a - b);
    return pool.filter((k) => eligible(helpers[k], s));
  });
}

/** The working state of one fill: who holds what, and the loads. */
class Fill {
  readonly slots: Slot[];
  readonly count: Int32Array;
  readonly agencyLoad: Float64Array;
  /** Pairs (helper, shift) not to be used again in this fill (tried and given up), as k × n + i. */
  forbidden = new Set<number>();
  /** Work done by the searches (augmenting chains, repairs); bounded so that a fill always ends quickly. */
  steps = 0;
  /** Small pools are searched fully (every chain, every repair); large ones with bounded shortcuts. */
  exhaustive = false;
  get maxSteps(): number {
    return this.exhaustive ? MAX_STEPS_SMALL : MAX_STEPS;
  }
  /** While a change is being tried: what was added and removed, to undo it. */
  journal: [boolean, Slot, number][] | null = null;
  filled = 0;
  /** The order the shifts were filled in. */
  order: number[] = [];

  constructor(
    readonly pool: Pool,
    readonly limit: number,
  ) {
    this.count = new Int32Array(pool.n);
    this.agencyLoad = new Float64Array(pool.agencies);
    this.slots = pool.helpers.map((h, k) => {
      const month = new Float64Array(pool.months.length);
      pool.months.forEach((m, x) => (month[x] = h.monthLoad[m] ?? 0));
      return { h, k, rank: pool.rank[k], agency: pool.agencyOf[k], cap: h.capMinutes, on: [], load: 0, month };
    });
  }

  /** Could c take shift i as things stand, ignoring the shift at index `without` (being moved away)? */
  fits(c: Slot, i: number, without = -1): boolean {
    const on = c.on;
    if (on.includes(i)) return false;
    if (this.forbidden.size && this.forbidden.has(c.k * this.pool.n + i)) return false;
    const { len, monthOf, start, end } = this.pool;
    const freed = without >= 0 && on.includes(without) ? without : -1;
    if (c.load - (freed >= 0 ? len[freed] : 0) + len[i] > this.limit) return false;
    const m = monthOf[i];
    if (c.month[m] - (freed >= 0 && monthOf[freed] === m ? len[freed] : 0) + len[i] > c.cap) return false;
    for (const j of on) if (j !== without && start[j] < end[i] && start[i] < end[j]) return false;
    return true;
  }

  add(c: Slot, i: number) {
    this.journal?.push([true, c, i]);
    const l = this.pool.len[i];
    c.on.push(i);
    this.count[i]++;
    this.filled++;
    c.load += l;
    c.month[this.pool.monthOf[i]] += l;
    this.agencyLoad[c.agency] += l;
  }

  remove(c: Slot, i: number) {
    this.journal?.push([false, c, i]);
    const l = this.pool.len[i];
    c.on.splice(c.on.indexOf(i), 1);
    this.count[i]--;
    this.filled--;
    c.load -= l;
    c.month[this.pool.monthOf[i]] -= l;
    this.agencyLoad[c.agency] -= l;
  }

  /** Undoes everything since the journal was started. */
  undo() {
    const log = this.journal ?? [];
    this.journal = null;
    for (let k = log.length - 1; k >= 0; k--) {
      const [added, c, i] = log[k];
      if (added) this.remove(c, i);
      else this.add(c, i);
    }
  }
}

/** Lower is better: least load, then the agency with least work, then who helped least before. */
function better(f: Fill, a: Slot, b: Slot): boolean {
  if (a.load !== b.load) return a.load < b.load;
  const ga = f.agencyLoad[a.agency];
  const gb = f.agencyLoad[b.agency];
  if (ga !== gb) return ga < gb;
  if (a.h.helpedBefore !== b.h.helpedBefore) return a.h.helpedBefore < b.h.helpedBefore;
  return a.rank < b.rank;
}

/** Whether taking shift i would leave c a rest of the month's cap too short for any shift: time lost. */
function wastes(f: Fill, c: Slot, i: number): boolean {
  const rest = c.cap - c.month[f.pool.monthOf[i]] - f.pool.len[i];
  return rest > 0 && rest < f.pool.shortest;
}

/** The helper to take shift i: one who wastes no time under the cap, then the fairest. */
function pick(f: Fill, i: number): Slot | null {
  let best: Slot | null = null;
  let bestWastes = true;
  for (const k of f.pool.candidates[i]) {
    const c = f.slots[k];
    if (!f.fits(c, i)) continue;
    const w = wastes(f, c, i);
    if (best === null || (bestWastes && !w) || (w === bestWastes && better(f, c, best))) {
      best = c;
      bestWastes = w;
    }
  }
  return best;
}

function greedy(f: Fill, order: number[]) {
  for (const i of order) {
    while (f.count[i] < f.pool.shifts[i].open) {
      const best = pick(f, i);
      if (!best) break;
      f.add(best, i);
    }
  }
}

/**
 * Augmenting chains: a place left open may be filled by a helper who gives up a shift someone else
 * then takes. Small pools search every chain afresh for every place. Large ones search in rounds,
 * as Hopcroft and Karp do for matchings: within a round a shift that has been searched from is
 * not searched through again, so a round costs about one look at every pair; rounds repeat while
 * they fill places.
 */
function augmentAll(f: Fill, order: number[]) {
  let improved = true;
  while (improved && f.steps <= f.maxSteps) {
    improved = false;
    const round = f.exhaustive ? null : new Set<number>();
    for (const i of order) {
      while (f.count[i] < f.pool.shifts[i].open && f.steps <= f.maxSteps) {
        if (round?.has(i)) break;
        const visited = round ?? new Set<number>();
        visited.add(i);
        if (!augment(f, i, visited, 0)) break;
        improved = true;
        round?.delete(i);
      }
    }
  }
}

/** How many "give one up, refill" tries one fill may spend. */
const REPAIR_BUDGET = 400;
/** On large pools, tries × pairs stays under this. */
const REPAIR_PAIRS = 5_000_000;

/**
 * Repair: where places are still open, a helper who could take them may be better used there
 * than where they are (a long shift can make room for two short ones). Try giving up one of their
 * shifts and filling again; keep it only when more places are filled.
 */
function repair(f: Fill, order: number[]) {
  const { shifts, candidates } = f.pool;
  // Each try refills the open places, about one look at every pair on a large pool: fewer tries there.
  let budget = f.exhaustive ? REPAIR_BUDGET : Math.min(REPAIR_BUDGET, Math.floor(REPAIR_PAIRS / Math.max(1, f.pool.pairs)));
  let improved = true;
  while (improved && budget > 0 && f.steps <= f.maxSteps) {
    improved = false;
    const open = order.filter((i) => f.count[i] < shifts[i].open && candidates[i].length > 0);
    const openSet = new Set(open);
    outer: for (const i of open) {
      for (const k of candidates[i]) {
        const c = f.slots[k];
        for (const j of [...c.on]) {
          if (budget-- <= 0 || f.steps > f.maxSteps) break outer;
          const before = f.filled;
          f.journal = [];
          f.remove(c, j);
          f.forbidden = new Set([c.k * f.pool.n + j]);
          // Refill only what is open now: the places left before, and the one just given up.
          const touched = f.exhaustive ? order : order.filter((x) => x === j || openSet.has(x));
          greedy(f, touched);
          augmentAll(f, touched);
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

/** The room c has left for shifts of month m: under the month's cap and under the fill's limit. */
const room = (f: Fill, c: Slot, m: number) => Math.min(c.cap - c.month[m], f.limit - c.load);

/**
 * Gathers time too short to use. When caps bind, many helpers end a fill with a rest under their
 * cap shorter than any shift (an hour, say, after shifts of 3 and 4 h within 8 h), and an
 * augmenting chain cannot use it: each step of a chain hands on one place, so it can shrink the
 * place by at most the rest of the helper who steps, and must end at someone with room for a
 * whole shift. Two such helpers swap shifts of different lengths (places unchanged, every rule
 * kept), so that one gets the other's rest: the rests of several become room enough for a shift,
 * where the next chains can end. Returns whether any swap was made.
 */
function gather(f: Fill): boolean {
  const { len, monthOf, shortest, candidates, months } = f.pool;
  let swapped = false;
  for (let m = 0; m < months.length; m++) {
    const short = (c: Slot) => {
      const r = room(f, c, m);
      return r > 0 && r < shortest;
    };
    for (const a of f.slots) {
      if (f.steps > f.maxSteps) return swapped;
      search: while (short(a)) {
        // a gives up p for a shorter q that b gives up for p: a gains what b loses.
        for (const p of a.on) {
          if (monthOf[p] !== m) continue;
          f.steps += candidates[p].length;
          for (const k of candidates[p]) {
            const b = f.slots[k];
            if (b === a || !short(b)) continue;
            for (const q of b.on) {
              if (monthOf[q] !== m || len[q] >= len[p] || !f.pool.may(a.k, q)) continue;
              if (!f.fits(b, p, q) || !f.fits(a, q, p)) continue;
              f.remove(a, p);
              f.remove(b, q);
              f.add(a, q);
              f.add(b, p);
              swapped = true;
              continue search;
            }
          }
        }
        break;
      }
    }
  }
  return swapped;
}

function fillInOrder(pool: Pool, limit: number, order: number[], exhaustive: boolean): Fill {
  const f = new Fill(pool, limit);
  f.exhaustive = exhaustive;
  f.order = order;
  greedy(f, order);
  // Rests too short for any shift gathered where chains can end (before the first chains, which
  // on a large pool may spend the whole budget), and after them while that fills places; then the
  // repairs, and the gathering once more if they filled any.
  const gathered = () => {
    let before = -1;
    while (f.filled > before && gather(f)) {
      before = f.filled;
      augmentAll(f, order);
    }
  };
  gather(f);
  augmentAll(f, order);
  gathered();
  const before = f.filled;
  repair(f, order);
  if (f.filled > before) gathered();
  return f;
}

/** Fills within a limit on anyone's load, in one or (small pools) several orders; stops early once `enough` places are filled. */
function fillWithin(pool: Pool, limit: number, enough = Number.POSITIVE_INFINITY): Fill {
  const { shifts, candidates, len } = pool;
  const exhaustive = pool.pairs <= TINY_POOL;
  const several = pool.pairs <= SMALL_POOL;
  const idx = shifts.map((_, i) => i);
  const scarcity = (i: number) => candidates[i].length / Math.max(1, shifts[i].open);
  // Short shifts first: a place filled counts the same however long the shift, and short ones use
  // least of the caps (when caps bind, the most places are filled by filling the shortest first:
  // see staffingUpperBound). Within one length, the scarce first (fewest candidates per open place).
  const orders = [() => idx.slice().sort((x, y) => len[x] - len[y] || scarcity(x) - scarcity(y) || shifts[x].start - shifts[y].start)];
  // A small pool is also tried in other orders (short first in time order, scarce first, in time
  // order), and the best fill kept.
  if (several) {
    orders.push(() => idx.slice().sort((x, y) => len[x] - len[y] || shifts[x].start - shifts[y].start || scarcity(x) - scarcity(y)));
    orders.push(() => idx.slice().sort((x, y) => scarcity(x) - scarcity(y) || len[x] - len[y] || shifts[x].start - shifts[y].start));
    orders.push(() => idx.slice().sort((x, y) => shifts[x].start - shifts[y].start || shifts[x].end - shifts[y].end));
  }
  let best: Fill | null = null;
  for (const order of orders) {
    const f = fillInOrder(pool, limit, order(), exhaustive);
    if (best === null || f.filled > best.filled) best = f;
    if (best.filled >= enough) break;
  }
  return best!;
}

/**
 * How many more orders a small pool's fill may be tried in while it stays under the proven bound,
 * and the search steps they may take together (one to two seconds on the 2-core development
 * machine; the bench's 30 × 25 pool, seed 2, reaches its bound after 13 tries and 3 million steps).
 */
const RESTARTS = 64;
const RESTART_STEPS = 10_000_000;

/**
 * A small pool whose best fill stays under the proven bound is filled again in other orders, short
 * shifts still first but each length's shifts in a shuffled order (a fixed seed: the proposal is
 * the same every time), until one reaches the bound or the tries run out; the best fill is kept.
 * Which of the equally short shifts is filled first decides who is left with time they cannot
 * use, and no single rule gets that right everywhere.
 */
function restart(pool: Pool, best: Fill, bound: number): Fill {
  const { shifts, len } = pool;
  const exhaustive = pool.pairs <= TINY_POOL;
  let seed = 1;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const idx = shifts.map((_, i) => i);
  let steps = 0;
  for (let t = 0; t < RESTARTS && steps < RESTART_STEPS && best.filled < bound; t++) {
    const key = idx.map(rand);
    const f = fillInOrder(
      pool,
      Number.POSITIVE_INFINITY,
      idx.slice().sort((x, y) => len[x] - len[y] || key[x] - key[y]),
      exhaustive,
    );
    if (f.filled > best.filled) best = f;
    steps += f.steps;
  }
  return best;
}

/** Pools with at most this many (shift, helper) pairs are searched fully (every chain afresh, every repair). */
const TINY_POOL = 32;
/** Pools with at most this many pairs are filled in three orders, and the smallest largest load searched for. */
const SMALL_POOL = 5_000;
const MAX_DEPTH = 6;
/**
 * The most search steps one fill may take (a step is one candidate looked at): small pools search
 * every chain afresh, so their budget is smaller; large ones search in rounds of about one look
 * at every pair.
 */
const MAX_STEPS_SMALL = 40_000;
const MAX_STEPS = 5_000_000;

function augment(f: Fill, i: number, visited: Set<number>, depth: number): boolean {
  const candidates = f.pool.candidates[i];
  f.steps += candidates.length;
  const best = pick(f, i);
  if (best) {
    f.add(best, i);
    return true;
  }
  if (depth >= MAX_DEPTH || f.steps > f.maxSteps) return false;
  for (const k of candidates) {
    const c = f.slots[k];
    if (c.on.includes(i)) continue;
    for (const j of [...c.on]) {
      if (visited.has(j) || !f.fits(c, i, j)) continue;
      // c moves from j to i; j needs someone else. On large pools a shift that could not be
      // refilled once is not tried again in this search (as in augmenting paths for matching).
      visited.add(j);
      f.remove(c, j);
      f.add(c, i);
      if (augment(f, j, visited, depth + 1)) return true;
      f.remove(c, i);
      f.add(c, j);
      if (f.exhaustive) visited.delete(j);
    }
  }
  return false;
}

/**
 * Evens out the loads without losing a place: the most loaded helper hands a shift to someone
 * who can take it and would still carry less. Repeats while that lowers the largest load.
 */
function balance(f: Fill) {
  const { candidates, len } = f.pool;
  for (let round = 0; round < 5_000; round++) {
    let top: Slot | null = null;
    for (const c of f.slots) if (c.on.length && (top === null || c.load > top.load)) top = c;
    if (!top) return;
    const topLoad = top.load;
    let moved = false;
    const mine = [...top.on].sort((a, b) => len[b] - len[a] || a - b);
    for (const j of mine) {
      let taker: Slot | null = null;
      for (const k of candidates[j]) {
        const c = f.slots[k];
        if (c === top || !f.fits(c, j) || c.load + len[j] >= topLoad) continue;
        if (taker === null || better(f, c, taker)) taker = c;
      }
      if (taker) {
        f.remove(top, j);
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
  const pool = new Pool(shifts, helpers);
  // What no proposal can pass: all open places, or (when the first fill leaves some open) the
  // proven bound. A fill that reaches it needs no other order.
  // Small pools have it computed first (it is quick there); large ones only when places are left.
  const small = pool.pairs <= SMALL_POOL;
  let upperBound = small ? Math.min(open, flowBound(pool)) : open;
  let unlimited = fillWithin(pool, Number.POSITIVE_INFINITY, upperBound);
  const first = unlimited;
  if (small && unlimited.filled < upperBound) unlimited = restart(pool, unlimited, upperBound);
  const restarted = unlimited !== first;
  if (!small && unlimited.filled < open) upperBound = Math.min(open, flowBound(pool));
  const target = unlimited.filled;
  let best = unlimited;
  // The smallest largest load with which as many places can still be filled: a search over the
  // limit. On large pools the least-loaded-first fill already spreads the work, so the search is
  // cut short there to keep the proposal fast.
  let rounds = small ? Number.POSITIVE_INFINITY : 0;
  let hi = Math.max(0, ...unlimited.slots.map((c) => c.load));
  let lo = 0;
  while (lo < hi && rounds-- > 0) {
    const mid = Math.floor((lo + hi) / 2);
    // When only a shuffled order filled that many, the usual ones are not tried again.
    const f = restarted ? fillInOrder(pool, mid, unlimited.order, unlimited.exhaustive) : fillWithin(pool, mid, target);
    if (f.filled >= target) {
      best = f;
      hi = mid;
    } else lo = mid + 1;
  }
  balance(best);
  const assignments: StaffingAssignment[] = [];
  const loads: Record<string, number> = {};
  for (const c of best.slots) {
    if (!c.on.length) continue;
    loads[c.h.id] = c.load;
    for (const i of c.on) assignments.push({ shiftId: shifts[i].id, helperId: c.h.id });
  }
  assignments.sort((a, b) => a.shiftId.localeCompare(b.shiftId) || a.helperId.localeCompare(b.helperId));
  return { assignments, filled: best.filled, open, loads, maxLoad: Math.max(0, ...Object.values(loads)), upperBound };
}

/** Maximum flow (Dinic) with integer capacities, kept in typed arrays sized up front. */
class FlowNetwork {
  private readonly head: Int32Array;
  private readonly to: Int32Array;
  private readonly cap: Float64Array;
  private readonly next: Int32Array;
  private readonly level: Int32Array;
  private readonly iter: Int32Array;
  private readonly queue: Int32Array;
  private edges = 0;

  constructor(nodes: number, maxEdges: number) {
    this.head = new Int32Array(nodes).fill(-1);
    this.level = new Int32Array(nodes);
    this.iter = new Int32Array(nodes);
    this.queue = new Int32Array(nodes);
    this.to = new Int32Array(2 * maxEdges);
    this.cap = new Float64Array(2 * maxEdges);
    this.next = new Int32Array(2 * maxEdges);
  }

  /** Adds u → v with capacity c (and its reverse, for the residual network). */
  edge(u: number, v: number, c: number) {
    const e = this.edges;
    this.edges += 2;
    this.to[e] = v;
    this.cap[e] = c;
    this.next[e] = this.head[u];
    this.head[u] = e;
    this.to[e + 1] = u;
    this.cap[e + 1] = 0;
    this.next[e + 1] = this.head[v];
    this.head[v] = e + 1;
  }

  private bfs(s: number, t: number): boolean {
    const { level, queue, head, next, to, cap } = this;
    level.fill(-1);
    let qh = 0;
    let qt = 0;
    queue[qt++] = s;
    level[s] = 0;
    while (qh < qt) {
      const u = queue[qh++];
      for (let e = head[u]; e >= 0; e = next[e]) {
        const v = to[e];
        if (cap[e] > 0 && level[v] < 0) {
          level[v] = level[u] + 1;
          queue[qt++] = v;
        }
      }
    }
    return level[t] >= 0;
  }

  private dfs(u: number, t: number, pushed: number): number {
    if (u === t) return pushed;
    const { iter, next, to, cap, level } = this;
    for (; iter[u] >= 0; iter[u] = next[iter[u]]) {
      const e = iter[u];
      const v = to[e];
      if (cap[e] <= 0 || level[v] !== level[u] + 1) continue;
      const d = this.dfs(v, t, Math.min(pushed, cap[e]));
      if (d > 0) {
        cap[e] -= d;
        cap[e ^ 1] += d;
        return d;
      }
    }
    return 0;
  }

  /** Pushes as much more flow from s to t as the residual network allows; returns how much. */
  maxFlow(s: number, t: number): number {
    let total = 0;
    while (this.bfs(s, t)) {
      this.iter.set(this.head);
      let d: number;
      while ((d = this.dfs(s, t, Number.POSITIVE_INFINITY)) > 0) total += d;
    }
    return total;
  }
}

/**
 * A proven upper bound on the places any proposal can fill: the linear relaxation of the problem
 * without the rule against overlapping shifts (which only lowers the optimum), solved exactly as a
 * flow of minutes. Each helper sends at most the room under their cap in each month; to a shift at
 * most its length (one place); a shift takes at most its open places times its length; a place
 * filled is worth 1 / its length per minute. The flows that can reach the shifts form a
 * polymatroid, so the best value is found greedily: as much flow as possible into the shortest
 * shifts, then, keeping that, into the next shortest, and so on. Rounded down: places are whole.
 */
export function staffingUpperBound(shifts: StaffingShift[], helpers: StaffingHelper[]): number {
  return flowBound(new Pool(shifts, helpers));
}

function flowBound(pool: Pool): number {
  const { shifts, helpers, candidates, months, monthOf, len } = pool;
  const monthNode = new Int32Array(helpers.length * months.length).fill(-1); // helper × month → node
  const shiftNode = (i: number) => 2 + i;
  let nodes = 2 + shifts.length;
  const pairs = pool.pairs;
  const heads: number[] = []; // each helper-month node's room, by node
  const from = new Int32Array(pairs);
  const into = new Int32Array(pairs);
  let e = 0;
  for (let i = 0; i < shifts.length; i++) {
    for (const k of candidates[i]) {
      const slot = k * months.length + monthOf[i];
      if (monthNode[slot] < 0) {
        monthNode[slot] = nodes++;
        heads.push(Math.max(0, helpers[k].capMinutes - (helpers[k].monthLoad[months[monthOf[i]]] ?? 0)));
      }
      from[e] = monthNode[slot];
      into[e++] = shiftNode(i);
    }
  }
  const net = new FlowNetwork(nodes, pairs + heads.length + shifts.length);
  heads.forEach((room, n) => net.edge(0, 2 + shifts.length + n, room));
  for (let x = 0; x < pairs; x++) net.edge(from[x], into[x], len[into[x] - 2]);
  const lengths = [...new Set(shifts.filter((s, i) => s.open > 0 && candidates[i].length > 0).map(shiftMinutes))].sort((a, b) => a - b);
  let bound = 0;
  for (const length of lengths) {
    if (length <= 0) {
      // A shift of no length takes nothing of the caps: every helper who may take it can.
      for (let i = 0; i < shifts.length; i++)
        if (shiftMinutes(shifts[i]) === length) bound += Math.min(Math.max(0, shifts[i].open), candidates[i].length);
      continue;
    }
    for (let i = 0; i < shifts.length; i++)
      if (shifts[i].open > 0 && candidates[i].length > 0 && shiftMinutes(shifts[i]) === length)
        net.edge(shiftNode(i), 1, shifts[i].open * length);
    bound += net.maxFlow(0, 1) / length;
  }
  return Math.floor(bound + 1e-9);
}

/** Where a pooled event stands: registered, sent back, in the pool, or cancelled. */
export enum PoolEventStatus {
  /** Registered by the agency, waiting for the ministry. */
  SUBMITTED = 'SUBMITTED',
  /** Sent back by the ministry with a comment. */
  RETURNED = 'RETURNED',
  /** In the area's pool: apprentices can sign up. */
  APPROVED = 'APPROVED',
  CANCELLED = 'CANCELLED',
}
