import type { Point } from '../../../../shared/layout-geometry.ts';
import type { PixelRect } from '../../../../shared/layout-model.ts';
import type { SpacingSide } from '../../../../shared/region-spacing.ts';
import type { ImagePlacement } from '../alternate-image.ts';

/**
 * One picture of a layout, in draw order, for every drawer (scene-svg.tsx for the static
 * pictures, scene-konva.tsx for the interactive canvas). Positions are output-canvas pixels;
 * what must keep its screen size at every zoom (strokes, label plates) says so in its name (Px).
 */
export type SceneLayer = 'background' | 'regions' | 'overlays' | 'highlight';

/** An AlternateImage that has loaded, and where it lands in its region. */
export interface PlacedImage extends ImagePlacement {
  image: HTMLImageElement;
}

export interface SceneBackground { kind: 'background'; rect: PixelRect; fill: string }
export interface SceneBackgroundImage { kind: 'backgroundImage'; rect: PixelRect; image: HTMLImageElement }
/** A region's fill: its colour at its Alpha (fainter for audio-only regions, which paint no picture). */
export interface SceneBox { kind: 'box'; id: string; rect: PixelRect; fill: string; opacity: number; cornerRadius: number }
/** A loaded AlternateImage, clipped to its region's (rounded) rectangle. */
export interface SceneImage { kind: 'image'; id: string; clip: PixelRect; cornerRadius: number; dest: PixelRect; crop: PixelRect; opacity: number; image: HTMLImageElement }
/** The canvas edge, half a screen pixel outside it so no canvas pixel is touched. */
export interface SceneEdge { kind: 'edge'; rect: PixelRect; stroke: string; widthPx: number; k: number }

/** `declared` outlines a region over the video; `applied` a region of the layout the mixer applied. */
export type OutlineRole = 'offCanvas' | 'ignoredRadius' | 'audioOnly' | 'hovered' | 'selected' | 'declared' | 'applied';
/** One stroke around a region; a coloured line comes with a dark one under it, so it reads on any colour. */
export interface SceneOutline {
  kind: 'outline';
  id: string;
  role: OutlineRole;
  rect: PixelRect;
  cornerRadius: number;
  stroke: string;
  widthPx: number;
  dashPx: readonly number[] | undefined;
  /** Canvas pixels per screen pixel (1 / scale): strokes keep their screen width at every zoom. */
  k: number;
}

/**
 * A region's label: light text on a dark plate. The plate's top-left corner is at (x, y) in
 * canvas pixels; its size, padding and font are screen pixels, times k for canvas pixels.
 */
export interface SceneLabel {
  kind: 'label';
  id: string;
  placement: 'inside' | 'outside';
  x: number;
  y: number;
  /** Canvas pixels per screen pixel (1 / scale). */
  k: number;
  text: string;
  widthPx: number;
  heightPx: number;
  padPx: number;
  fontPx: number;
  radiusPx: number;
  /** A label beside its region has a rim in the region's colour, telling it from the one it lies on. */
  rim: string | undefined;
}

/** A region's SpatialPosition, on request: a dot at the centre of its visible part and the values. */
export interface SceneSpatial {
  kind: 'spatial';
  id: string;
  cx: number;
  cy: number;
  k: number;
  text: string;
  widthPx: number;
  fontPx: number;
  padPx: number;
  /** Volcengine ignores it (spatial audio off): drawn faint. */
  ignored: boolean;
  /** Not set in the task: the default, in a dimmer text colour. */
  defaulted: boolean;
}

/**
 * A measuring line from the selected region to a neighbour or the canvas edge (Figma's red lines),
 * with its length in output pixels on a plate at its middle.
 */
export interface SceneSpacing {
  kind: 'spacing';
  id: string;
  side: SpacingSide;
  targetId: string | undefined;
  from: Point;
  to: Point;
  k: number;
  text: string;
  widthPx: number;
  fontPx: number;
  padPx: number;
}

/**
 * An alignment guide (Figma's smart guides): a line the picked or pointed-at region shares with
 * another region or the canvas, at x = at from y = from to to (axis 'x'), or at y = at (axis 'y').
 */
export interface SceneGuide {
  kind: 'guide';
  id: string;
  axis: 'x' | 'y';
  at: number;
  from: number;
  to: number;
  k: number;
}

export type SceneItem = SceneBackground | SceneBackgroundImage | SceneBox | SceneImage | SceneEdge | SceneOutline | SceneLabel | SceneSpatial | SceneSpacing | SceneGuide;

/** The picture's items per layer; draw order is background, regions, overlays, highlight, each in its own order. */
export interface Scene {
  canvas: { width: number; height: number };
  layers: Readonly<Record<SceneLayer, readonly SceneItem[]>>;
}

export const SCENE_LAYERS: readonly SceneLayer[] = ['background', 'regions', 'overlays', 'highlight'];

/** Every item of the scene in draw order. */
export function sceneItems(scene: Scene): SceneItem[] {
  return SCENE_LAYERS.flatMap((layer) => scene.layers[layer]);
}
