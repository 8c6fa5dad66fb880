import type { NormalisedRegion } from './layout-model.ts';

/** Wording shared by the warning checks, so that every message names things the same way. */

const SCREEN = 1;

/**
 * How a person recognises a region: by the user and StreamIndex when the stream is known,
 * else by StreamIndex, else by its place in Regions[] (custom) or the template (other modes).
 */
export function regionName(region: NormalisedRegion): string {
  const screen = region.stream?.streamType.value === SCREEN ? ', screen' : '';
  const user = region.stream?.userId;
  if (user !== undefined && region.streamIndex !== undefined) return `"${user}" (StreamIndex ${region.streamIndex}${screen})`;
  if (user !== undefined) return `"${user}"${screen ? ' (screen)' : ''}`;
  if (region.streamIndex !== undefined) return `StreamIndex ${region.streamIndex}`;
  return region.id.startsWith('r') ? `Regions[${region.arrayIndex}]` : `template cell ${region.arrayIndex + 1}`;
}

/** "the region of …" reads naturally for every form regionName gives. */
export function theRegionOf(region: NormalisedRegion): string {
  return `the region of ${regionName(region)}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A share as a whole percentage that never rounds a partial answer to 0% or 100%. */
export function percent(share: number): string {
  if (share > 0 && share < 0.005) return 'less than 1%';
  if (share < 1 && share >= 0.995) return 'more than 99%';
  return `${Math.round(share * 100)}%`;
}

/** A number for a sentence: at most 4 decimals, no trailing zeros. */
export function num(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}

/** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
export function listNames(names: string[], max = 3): string {
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}
