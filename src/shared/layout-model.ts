import type { CoordinateModel } from './api-versions.ts';

/** A value after defaults: `defaulted` is true when the task did not send it. */
export interface Resolved<T> {
  value: T;
  defaulted: boolean;
  /** The value sent when Volcengine does not take it and applies the default (`value`) instead. */
  resetFrom?: T;
}

/** A rectangle in output-canvas pixels. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The same rectangle as fractions of the canvas width and height. */
export interface RatioRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StreamEntry {
  userId: string | undefined;
  index: number | undefined;
  streamType: Resolved<number>;
}

export interface NormalisedRegion {
  /** Stable id: the region's position in Regions[], e.g. "r3". */
  id: string;
  arrayIndex: number;
  /** Position in the drawing order, 0 drawn first (bottom). */
  drawOrder: number;
  streamIndex: number | undefined;
  /** The TargetStreams entry whose Index equals StreamIndex, if any. */
  stream: StreamEntry | undefined;
  /** Where the region lands, in canvas pixels (what Volcengine renders, rounded). */
  rect: PixelRect;
  ratio: RatioRect;
  /** 2020-12-01 coordinates above 1 read as pixels (the docs' own range says [0, Canvas.Width)). */
  pixelsGivenAsRatio: boolean;
  /** Required fields the task did not send (the region is drawn with 0 for them). */
  missingRequired: string[];
  zOrder: Resolved<number>;
  alpha: Resolved<number>;
  /** A fraction of the canvas WIDTH, as the docs define it. */
  cornerRadius: Resolved<number>;
  renderMode: Resolved<number>;
  sourceCrop: { x: Resolved<number>; y: Resolved<number>; width: Resolved<number>; height: Resolved<number> };
  alternateImage: string | undefined;
  alternateImageFillMode: Resolved<number>;
  mediaType: Resolved<number>;
  applySpatialAudio: Resolved<boolean>;
  spatialPosition: Resolved<readonly [number, number, number]>;
}

export interface NormalisedCanvas {
  width: Resolved<number>;
  height: Resolved<number>;
  background: Resolved<string>;
  backgroundImage: string | undefined;
  /** Custom layouts take their size from Canvas; the templates from Encode.VideoWidth/Height. */
  sizeFrom: 'canvas' | 'encode';
}

export interface NormalisedLayout {
  mode: Resolved<number>;
  model: CoordinateModel;
  canvas: NormalisedCanvas;
  /** In drawing order: ZOrder ascending, equal ZOrder in Regions[] order. */
  regions: NormalisedRegion[];
  /** True when regions were laid out from a documented template, not sent by the task. */
  approximate: boolean;
}
