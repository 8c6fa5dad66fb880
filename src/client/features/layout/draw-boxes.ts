import type { NormalisedLayout, NormalisedRegion } from '../../../shared/layout-model.ts';
import { effectiveCornerRadiusPx } from '../../../shared/layout-geometry.ts';
import { assignStreamColours, streamKey } from '../../design-system/stream-colours.ts';

/** What the Konva layer draws for one region, already in screen pixels. */
export interface DrawBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  opacity: number;
  cornerRadius: number;
  colour: string;
  label: string;
  badges: string;
}

const SCREEN = 1;
const AUDIO_ONLY = 1;
const VIDEO_ONLY = 2;

export function regionLabel(region: NormalisedRegion): string {
  const user = region.stream?.userId ?? '?';
  return `${user} · #${region.streamIndex ?? '?'}`;
}

/** Short markers drawn after the label; glyphs from fonts every system has, never emoji. */
export function regionBadges(region: NormalisedRegion): string {
  const badges: string[] = [];
  if (region.stream?.streamType.value === SCREEN) badges.push('▭ screen');
  if (region.mediaType.value === AUDIO_ONLY) badges.push('♪ audio');
  if (region.mediaType.value === VIDEO_ONLY) badges.push('▣ video');
  if (region.alternateImage) badges.push('◩ image');
  return badges.join(' · ');
}

export function regionColourKey(region: NormalisedRegion): string {
  return streamKey(region.stream?.userId, region.stream?.streamType.value ?? 0, region.arrayIndex);
}

/** Colours for every region of a layout, computed once per layout. */
export function layoutColours(layout: NormalisedLayout): Map<string, string> {
  return assignStreamColours(layout.regions.map(regionColourKey));
}

/** Pure: canvas-pixel regions to screen-pixel boxes at `scale`, in drawing order. */
export function toDrawBoxes(layout: NormalisedLayout, scale: number, colours: Map<string, string>): DrawBox[] {
  return layout.regions.map((region) => {
    const corner = effectiveCornerRadiusPx(region, layout.canvas.width.value);
    return {
      id: region.id,
      x: region.rect.x * scale,
      y: region.rect.y * scale,
      width: Math.max(0, region.rect.width * scale),
      height: Math.max(0, region.rect.height * scale),
      // Konva clamps opacity to [0, 1]; out-of-range Alpha is a warning, not a crash.
      opacity: Math.min(1, Math.max(0, region.alpha.value)),
      cornerRadius: corner.px * scale,
      colour: colours.get(regionColourKey(region)) ?? '#999999',
      label: regionLabel(region),
      badges: regionBadges(region),
    };
  });
}
