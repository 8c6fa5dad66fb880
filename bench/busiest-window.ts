/** Most of the sorted `times` in any window of `ms` that starts at one of them: a sliding-second peak. */
export function busiestWindow(times: readonly number[], ms: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[j] ?? Infinity) <= (times[i] ?? 0) - ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
