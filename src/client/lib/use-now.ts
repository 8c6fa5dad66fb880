import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`, for "updated 5 s ago" and live durations. */
export function useNow(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
