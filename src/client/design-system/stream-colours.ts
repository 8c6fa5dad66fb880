/**
 * Okabe–Ito's colour-blind-safe palette (black dropped: it vanishes on dark backgrounds) plus the
 * members of Paul Tol's muted set that stay apart from it. Near neighbours were left out on
 * purpose (Tol's sand beside Okabe–Ito's yellow, his cyan beside its sky blue, his rose beside its
 * reddish purple): two streams
 * side by side must never look alike.
 */
const PALETTE = [
  '#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7',
  '#332288', '#44AA99', '#882255',
];
export const PALETTE_SIZE = PALETTE.length;
export const STREAM_PALETTE: readonly string[] = PALETTE;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function streamKey(userId: string | undefined, streamType: number, fallbackIndex: number): string {
  return userId === undefined ? `#${fallbackIndex}` : `${userId}/${streamType}`;
}

/**
 * One colour per stream. Each stream starts at the slot its hash picks and moves on to the next
 * free slot, visiting streams in sorted order: the same set of streams always gets the same
 * colours, and no two streams share one until the palette runs out.
 */
export function assignStreamColours(keys: Iterable<string>): Map<string, string> {
  const unique = [...new Set(keys)].sort();
  const taken = new Set<number>();
  const out = new Map<string, string>();
  for (const key of unique) {
    let slot = hash(key) % PALETTE.length;
    for (let step = 0; step < PALETTE.length && taken.has(slot); step++) slot = (slot + 1) % PALETTE.length;
    if (taken.size < PALETTE.length) taken.add(slot);
    out.set(key, PALETTE[slot] ?? '#999999');
  }
  return out;
}

/** Black or white, whichever reads better on `hex`. */
export function textOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#111111' : '#ffffff';
}
