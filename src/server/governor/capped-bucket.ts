import type { TokenBucket } from './token-bucket.ts';

/**
 * The bucket under a moving ceiling: this replica's share of the budget (replica-share.ts), read
 * at every grant so a lowered share applies to the very next call.
 */
export function cappedBucket(bucket: TokenBucket, cap: () => number): TokenBucket {
  const limitOf = (limit: number | undefined) => Math.min(limit ?? Infinity, cap());
  return {
    tryTake: (limit) => bucket.tryTake(limitOf(limit)),
    finish: () => bucket.finish(),
    waitMs: (limit) => bucket.waitMs(limitOf(limit)),
    inWindow: () => bucket.inWindow(),
  };
}
