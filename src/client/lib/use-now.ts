import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs`, for "updated 5 s ago" and live durations.
 * `null` reads it once and never again: a page showing a snapshot has no live counter.
 */
export function useNow(intervalMs: number | null = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (intervalMs === null) return undefined;
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
