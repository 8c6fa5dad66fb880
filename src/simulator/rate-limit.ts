/**
 * "QPS 不得超过 60": a sliding one-second window per key (access key + action). Only accepted
 * requests count, so a client that backs off after a 429 gets through again within a second.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly windowMs = 1000,
  ) {}

  /** Records the request and returns true when fewer than `limit` were accepted in the window. */
  tryAcquire(key: string, limit: number, now: number): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs && t <= now);
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }
}
