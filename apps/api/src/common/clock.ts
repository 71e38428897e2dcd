/**
 * The time every rule runs on. In real use it is the system clock; tests set it to walk through
 * the calendar (the daily sweep, deadlines, late reports, sign-up deadlines) without waiting.
 * One instance per process, shared by the API and the worker where they share one; services
 * inject it (`constructor(private readonly clock: Clock)`, provided by the ConfigModule), and
 * lint refuses `Date.now()` and `new Date()` in the modules.
 */
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /**
   * The machine's own time, which tests do not move: for what security rests on (how long a
   * session or a sign-in link lives), compared with the database's `now()`.
   */
  system(): Date {
    return new Date();
  }

  /** Milliseconds since the epoch, as `Date.now()`. */
  ms(): number {
    return this.now().getTime();
  }

  /** Sets the time (tests only: nothing the API exposes calls it); `null` returns to the system clock. */
  set(at: Date | null): void {
    this.fixed = at ? new Date(at) : null;
  }
}

export const CLOCK = new Clock();
