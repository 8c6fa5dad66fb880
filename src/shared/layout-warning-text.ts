import type { NormalisedRegion, StreamEntry } from './layout-model.ts';

/** Wording shared by the warning checks, so that every message names things the same way. */

const SCREEN = 1;

const ENGLISH_PLURAL = new Intl.PluralRules('en');

/** "1 stream", "0 streams": a count with its noun in the form English's plural rules pick. */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${count} ${ENGLISH_PLURAL.select(count) === 'one' ? one : other}`;
}

/**
 * The English of the names warnings give regions and streams, as templates with {{slots}}. The
 * warnings fill them here; the client's English messages are these same templates and its
 * Chinese ones use the same slots, so a name reads the same in a warning and in its translation.
 */
export const NAME_TEXT = {
  userStream: '"{{user}}" (StreamIndex {{index}})',
  userStreamScreen: '"{{user}}" (StreamIndex {{index}}, screen)',
  user: '"{{user}}"',
  userScreen: '"{{user}}" (screen)',
  streamIndex: 'StreamIndex {{index}}',
  arrayItem: 'Regions[{{index}}]',
  templateCell: 'template cell {{n}}',
  noUserId: 'a stream with no UserId',
  noUserIdScreen: 'a stream with no UserId (screen)',
  andMore: '{{names}} and {{count}} more',
};
export type NameKey = keyof typeof NAME_TEXT;
export type NameFill = (key: NameKey, params: Record<string, string | number>) => string;

const englishName: NameFill = (key, params) =>
  NAME_TEXT[key].replace(/\{\{(\w+)\}\}/g, (slot, name: string) => (name in params ? String(params[name]) : slot));

/**
 * How a person recognises a region: by the user and StreamIndex when the stream is known,
 * else by StreamIndex, else by its place in Regions[] (custom) or the template (other modes).
 */
export function regionName(region: NormalisedRegion, fill: NameFill = englishName): string {
  const screen = region.stream?.streamType.value === SCREEN;
  const user = region.stream?.userId;
  if (user !== undefined && region.streamIndex !== undefined) return fill(screen ? 'userStreamScreen' : 'userStream', { user, index: region.streamIndex });
  if (user !== undefined) return fill(screen ? 'userScreen' : 'user', { user });
  if (region.streamIndex !== undefined) return fill('streamIndex', { index: region.streamIndex });
  return region.id.startsWith('r') ? fill('arrayItem', { index: region.arrayIndex }) : fill('templateCell', { n: region.arrayIndex + 1 });
}

/** A TargetStreams entry by its user, marked when it is a screen share. */
export function streamName(stream: StreamEntry, fill: NameFill = englishName): string {
  const screen = stream.streamType.value === SCREEN;
  if (stream.userId === undefined) return fill(screen ? 'noUserIdScreen' : 'noUserId', {});
  return fill(screen ? 'userScreen' : 'user', { user: stream.userId });
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
  if (names.length > max) return englishName('andMore', { names: names.slice(0, max).join(', '), count: names.length - max });
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}
