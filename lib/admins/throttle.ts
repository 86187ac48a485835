/**
 * Slows down password guessing: after `maxFailures` failed sign-ins for one
 * email within `windowMs`, further attempts for that email are refused
 * without looking at the password until the oldest of those failures leaves
 * the window. Emails without an account are counted alike, so the refusal
 * reveals nothing. Kept in memory: per process, forgotten on restart.
 */
export type ThrottleOptions = {
  maxFailures?: number;
  windowMs?: number;
  /** The clock, injectable for tests. */
  now?: () => number;
  /** Emails tracked at most; beyond it the stalest are forgotten, so a flood of made-up emails cannot exhaust memory. */
  maxTracked?: number;
};

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly maxTracked: number;

  constructor(options: ThrottleOptions = {}) {
    this.maxFailures = options.maxFailures ?? 5;
    this.windowMs = options.windowMs ?? 15 * 60_000;
    this.now = options.now ?? Date.now;
    this.maxTracked = options.maxTracked ?? 10_000;
  }

  /** Milliseconds before this email may try again; 0 when it may try now. */
  waitFor(email: string): number {
    const recent = this.recent(email);
    if (recent.length < this.maxFailures) return 0;
    return recent[recent.length - this.maxFailures] + this.windowMs - this.now();
  }

  recordFailure(email: string) {
    const key = email.toLowerCase();
    const recent = [...this.recent(key), this.now()].slice(-this.maxFailures);
    // Re-inserting moves the email to the end, so the map stays ordered by latest failure.
    this.failures.delete(key);
    this.failures.set(key, recent);
    if (this.failures.size > this.maxTracked) this.forgetStalest();
  }

  /** A successful sign-in starts the count afresh. */
  reset(email: string) {
    this.failures.delete(email.toLowerCase());
  }

  private recent(email: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(email.toLowerCase()) ?? []).filter((at) => at > since);
  }

  private forgetStalest() {
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.maxTracked) return;
      this.failures.delete(key);
    }
  }
}
