import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but while `busy` at most once per `ms` (the latest one then), and at once when `busy`
 * ends: what is read beside the canvas follows a drag a few times a second instead of at every
 * pointer move.
 */
export function useThrottled<T>(value: T, busy: boolean, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  // While idle the value is passed through; kept here too, so a drag starts from it.
  if (!busy && shown !== value) setShown(value);
  useEffect(() => {
    if (!busy) return undefined;
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, Math.max(0, last.current + ms - performance.now()));
    return () => clearTimeout(timer);
  }, [value, busy, ms]);
  return busy ? shown : value;
}
