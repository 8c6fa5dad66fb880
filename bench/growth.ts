/**
 * Memory growth over a long run, read conservatively: from the lowest sample of the first quarter
 * (a transient peak just after the warm-up must not hide growth) to the highest of the last quarter
 * (nor a lucky dip at the very end). Each quarter holds at least one sample.
 */
export interface Growth { from: number; to: number; growth: number }

export function memoryGrowth(samples: readonly number[]): Growth {
  if (samples.length < 2) throw new Error(`memory growth needs two samples at least, got ${samples.length}`);
  const quarter = Math.ceil(samples.length / 4);
  const from = Math.min(...samples.slice(0, quarter));
  const to = Math.max(...samples.slice(-quarter));
  return { from, to, growth: to - from };
}
