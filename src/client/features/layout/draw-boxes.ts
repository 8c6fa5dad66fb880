import type { NormalisedLayout, NormalisedRegion, PixelRect } from '../../../shared/layout-model.ts';
import { effectiveCornerRadiusPx, finiteRect, offCanvasExtent, type OffCanvasExtent, type RegionVisibility } from '../../../shared/layout-geometry.ts';
import { assignStreamColours, streamKey } from '../../design-system/stream-colours.ts';
import { separateAdjacent } from './adjacent-colours.ts';

/** One region as every picture of the layout sees it (scene/build-scene.ts), in output-canvas pixels (the view scales them). */
export interface DrawBox {
  id: string;
  rect: PixelRect;
  opacity: number;
  /** The radius drawn: 0 when none, or when Volcengine ignores the one asked for. */
  cornerRadius: number;
  /** The radius asked for, in canvas pixels, when it is ignored (drawn square, marked). */
  ignoredRadius: number;
  colour: string;
  label: string;
  markers: RegionMarker[];
  /** Audio-only regions paint no picture: drawn as an outline only. */
  audioOnly: boolean;
  offCanvas: OffCanvasExtent;
  alternateImage: string | undefined;
}

export const REGION_MARKERS = ['screen', 'audioOnly', 'videoOnly', 'alternateImage', 'radiusIgnored', 'hidden'] as const;
export type RegionMarker = (typeof REGION_MARKERS)[number];

/** Glyphs from fonts every system has (Geometric Shapes and ♪), never emoji. */
export const MARKER_GLYPH: Readonly<Record<RegionMarker, string>> = {
  screen: '▭',
  audioOnly: '♪',
  videoOnly: '▣',
  alternateImage: '◩',
  radiusIgnored: '◜',
  hidden: '⊘',
};

const SCREEN = 1;
const AUDIO_ONLY = 1;
const VIDEO_ONLY = 2;

export function regionMarkers(region: NormalisedRegion, canvasWidth: number, visibility?: RegionVisibility): RegionMarker[] {
  const markers: RegionMarker[] = [];
  if (region.stream?.streamType.value === SCREEN) markers.push('screen');
  if (region.mediaType.value === AUDIO_ONLY) markers.push('audioOnly');
  if (region.mediaType.value === VIDEO_ONLY) markers.push('videoOnly');
  if (region.alternateImage) markers.push('alternateImage');
  if (effectiveCornerRadiusPx(region, canvasWidth).ignored) markers.push('radiusIgnored');
  // On the canvas, yet every pixel of it under opaque regions drawn later.
  if (visibility && visibility.onCanvas > 0 && visibility.uncovered === 0) markers.push('hidden');
  return markers;
}

/** "teacher-li · #1 ▭": who, which StreamIndex, and the markers' glyphs. */
export function regionLabel(region: NormalisedRegion, markers: readonly RegionMarker[] = []): string {
  const base = `${region.stream?.userId ?? '?'} · #${region.streamIndex ?? '?'}`;
  return markers.length === 0 ? base : `${base} ${markers.map((m) => MARKER_GLYPH[m]).join('')}`;
}

export function regionColourKey(region: NormalisedRegion): string {
  return streamKey(region.stream?.userId, region.stream?.streamType.value ?? 0, region.arrayIndex);
}

/** Colours for every region of a layout, computed once per layout. */
export function layoutColours(layout: NormalisedLayout): Map<string, string> {
  const keys = layout.regions.map(regionColourKey);
  // Streams keep the colours they have elsewhere, except where two that touch would look alike.
  return separateAdjacent(layout.regions.map((r, i) => ({ key: keys[i] ?? '', rect: finiteRect(r.rect) })), assignStreamColours(keys));
}

export function regionColour(region: NormalisedRegion, colours: Map<string, string>): string {
  return colours.get(regionColourKey(region)) ?? '#999999';
}

/** Pure: every region as a box to draw, in drawing order (bottom first). */
export function toDrawBoxes(layout: NormalisedLayout, colours: Map<string, string>, visibility?: ReadonlyMap<string, RegionVisibility>): DrawBox[] {
  const canvas = { width: layout.canvas.width.value, height: layout.canvas.height.value };
  return layout.regions.map((region) => {
    const corner = effectiveCornerRadiusPx(region, canvas.width);
    const rect = finiteRect(region.rect);
    const markers = regionMarkers(region, canvas.width, visibility?.get(region.id));
    return {
      id: region.id,
      rect: { ...rect, width: Math.max(0, rect.width), height: Math.max(0, rect.height) },
      // Konva clamps opacity to [0, 1]; out-of-range Alpha is a warning, not a crash.
      opacity: Math.min(1, Math.max(0, region.alpha.value)),
      cornerRadius: corner.px,
      ignoredRadius: corner.ignored ? corner.requestedPx : 0,
      colour: regionColour(region, colours),
      label: regionLabel(region, markers),
      markers,
      audioOnly: region.mediaType.value === AUDIO_ONLY,
      offCanvas: offCanvasExtent(rect, canvas),
      alternateImage: region.alternateImage,
    };
  });
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** Canvas.Background as Volcengine paints it: #RRGGBB, else the default black (invalid optional values are reset). */
export function backgroundFill(layout: NormalisedLayout): { colour: string; reset: boolean } {
  const value = layout.canvas.background.value.trim();
  return HEX_COLOUR.test(value) ? { colour: value, reset: false } : { colour: '#000000', reset: true };
}
