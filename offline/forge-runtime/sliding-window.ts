// A budget of units over a sliding window of time, as the platform's "per minute" and "per second" limits are read
// here: the window ends now and reaches back its full length, so a burst at the end of one clock minute and the start
// of the next is counted together (stricter than fixed clock minutes, which would allow twice the limit).

interface Spend {
  at: number;
  units: number;
}

export class SlidingWindow {
  private readonly spends: Spend[] = [];
  private total = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Units spent in the window ending at `now`. */
  used(now: number): number {
    this.expire(now);
    return this.total;
  }

  /**
   * How long from `now` until `units` more fit (0: they fit now). A cost above the whole limit can never fit; it is
   * asked to wait for an empty window, and is then admitted alone.
   */
  waitFor(units: number, now: number): number {
    this.expire(now);
    const wanted = Math.min(units, this.limit);
    let over = this.total + wanted - this.limit;
    if (over <= 0) return 0;
    for (const spend of this.spends) {
      over -= spend.units;
      if (over <= 0) return spend.at + this.windowMs - now;
    }
    return this.windowMs;
  }

  spend(units: number, at: number): void {
    this.spends.push({ at, units });
    this.total += units;
  }

  private expire(now: number): void {
    while (this.spends.length > 0 && (this.spends[0] as Spend).at + this.windowMs <= now) {
      this.total -= (this.spends.shift() as Spend).units;
    }
  }
}
