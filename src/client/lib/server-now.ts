import { useNow } from './use-now.ts';

/** The server's clock at `browserNow`: its `now` from the last answer plus the time since that answer. */
export function serverClockAt(serverNow: number | undefined, receivedAt: number, browserNow: number): number {
  if (serverNow === undefined) return browserNow;
  return serverNow + Math.max(0, browserNow - receivedAt);
}

/**
 * The server's clock, ticking. Observations are stamped by the server (in task time when the
 * simulator runs accelerated), so live edges and "N s ago" are measured against it, not against
 * this browser's clock.
 */
export function useServerNow(serverNow: number | undefined, receivedAt: number, tickMs = 1_000): number {
  return serverClockAt(serverNow, receivedAt, useNow(tickMs));
}

/** The server's clock of an answer (task time) and when, on this browser's clock, it arrived. */
export interface AnswerClock {
  serverNow: number | undefined;
  receivedAt: number;
}

/**
 * The clock a page's times are measured to: the server's as of an answer, ticking; or one moment
 * that does not move, for a document that is a snapshot of a task rather than its live state.
 */
export type PageClock = AnswerClock | { fixedAt: number };

export function usePageClock(clock: PageClock | undefined): number {
  const fixedAt = clock && 'fixedAt' in clock ? clock.fixedAt : undefined;
  const browserNow = useNow(fixedAt === undefined ? 1_000 : null);
  if (fixedAt !== undefined) return fixedAt;
  const live = clock && 'receivedAt' in clock ? clock : undefined;
  return serverClockAt(live?.serverNow, live?.receivedAt ?? 0, browserNow);
}
