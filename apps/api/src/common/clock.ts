/**
 * The time the December summary's rules run on. In real use it is the system clock; tests set
 * it to walk through the calendar (the daily sweep, deadlines, late reports) without waiting for
 * December. One instance per process, shared by the API and the worker where they share one.
 */
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Sets the time (tests only: nothing the API exposes calls it); `null` returns to the system clock. */
  set(at: Date | null): void {
    this.fixed = at ? new Date(at) : null;
  }
}

export const CLOCK = new Clock();
