/**
 * A small seeded PRNG (mulberry32): scenarios and request ids vary with the seed but are the same
 * for the same seed, which makes demos repeatable and tests exact.
 */
export type Rng = () => number;

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max]. */
export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** Derives an independent stream per purpose, so adding a scenario does not reshuffle the others. */
export function deriveSeed(seed: number, label: string): number {
  let h = seed ^ 0x9e3779b9;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Volcengine request ids look like `20230224132351010225071187E43EAD`: a UTC timestamp followed
 * by hex. Deterministic given the seed and the request count.
 */
export function requestIdAt(wallNow: number, rng: Rng): string {
  const stamp = new Date(wallNow).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  let hex = '';
  for (let i = 0; i < 18; i++) hex += Math.floor(rng() * 16).toString(16).toUpperCase();
  return stamp + hex;
}
