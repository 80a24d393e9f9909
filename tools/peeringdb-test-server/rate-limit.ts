// Per-caller request budgets over a sliding minute, as PeeringDB's throttles apply them.

export interface RateLimitOptions {
  anonymousPerMinute: number;
  authenticatedPerMinute: number;
}

/** PeeringDB's production limits. */
export const PEERINGDB_RATE_LIMITS: RateLimitOptions = { anonymousPerMinute: 20, authenticatedPerMinute: 40 };

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly history = new Map<string, number[]>();

  constructor(private readonly options: RateLimitOptions) {}

  /**
   * Records the request and returns 0, or returns the seconds to wait when the caller is over budget.
   * Throttled requests are not recorded, so a caller that waits gets through.
   */
  check(caller: string, authenticated: boolean, nowMs = Date.now()): number {
    const limit = authenticated ? this.options.authenticatedPerMinute : this.options.anonymousPerMinute;
    const recent = (this.history.get(caller) ?? []).filter((at) => at > nowMs - WINDOW_MS);
    this.history.set(caller, recent);
    if (recent.length < limit) {
      recent.push(nowMs);
      return 0;
    }
    return Math.max(1, Math.ceil((recent[recent.length - limit] + WINDOW_MS - nowMs) / 1000));
  }

  reset(): void {
    this.history.clear();
  }
}
