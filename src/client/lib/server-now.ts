import { useNow } from './use-now.ts';

/**
 * The server's clock, ticking: its `now` from the last answer plus the time since that answer.
 * Observations are stamped by the server (in task time when the simulator runs accelerated), so
 * live edges and "N s ago" are measured against it, not against this browser's clock.
 */
export function useServerNow(serverNow: number | undefined, receivedAt: number, tickMs = 1_000): number {
  const browserNow = useNow(tickMs);
  if (serverNow === undefined) return browserNow;
  return serverNow + Math.max(0, browserNow - receivedAt);
}
