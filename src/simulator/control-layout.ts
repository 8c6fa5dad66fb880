import type { ApiVersion } from '../shared/api-versions.ts';
import { describeRule } from '../shared/request-rules.ts';
import { streamLayoutRules } from '../shared/request-rules-layout.ts';
import {
  isInt, isObj, optional, optionalInt, parseCanvas, parseStream, reject, setIf, spatialPosition, type Obj,
} from './control-fields.ts';
import { DEFAULT_CANVAS } from './render-task.ts';
import type { SimLayout, SimRegion, SimSourceCrop, SimStreams } from './sim-types.ts';

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const within = (lo: number, hi: number, loOpen = false, hiOpen = false) => (v: unknown): v is number =>
  num(v) && (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi);
const oneOf = (...values: number[]) => (v: unknown): v is number => num(v) && values.includes(v);

function parseSourceCrop(raw: unknown): SimSourceCrop | undefined {
  if (!isObj(raw)) return undefined;
  const crop: SimSourceCrop = {};
  setIf(crop, 'LocationX', optional(raw['LocationX'], within(0, 1, false, true)));
  setIf(crop, 'LocationY', optional(raw['LocationY'], within(0, 1, false, true)));
  setIf(crop, 'WidthProportion', optional(raw['WidthProportion'], within(0, 1, true)));
  setIf(crop, 'HeightProportion', optional(raw['HeightProportion'], within(0, 1, true)));
  return crop;
}

/**
 * The required geometry of a region, as ratios. 2020-12-01 sends ratios (LocationX in [0, 1):
 * the doc's "[0.0, Canvas.Width)" contradicts its own ratio wording, see reference §6.2);
 * 2023 sends integer pixels, converted with the canvas the task will have.
 */
function geometry(raw: Obj, where: string, version: ApiVersion, width: number, height: number): Pick<SimRegion, 'x' | 'y' | 'w' | 'h'> {
  const need = (key: string, ok: (v: unknown) => v is number, range: string): number => {
    const v = raw[key];
    if (!ok(v)) throw reject(`${where}.${key} is required and must be ${range}.`);
    return v;
  };
  const loc = (key: string, ok: (v: unknown) => v is number, range: string): number => {
    if (raw[key] === undefined) return 0;
    return need(key, ok, range);
  };
  if (version === '2020-12-01') {
    return {
      x: loc('LocationX', within(0, 1, false, true), 'a ratio in [0, 1)'),
      y: loc('LocationY', within(0, 1, false, true), 'a ratio in [0, 1)'),
      w: need('WidthProportion', within(0, 1, true), 'a ratio in (0, 1]'),
      h: need('HeightProportion', within(0, 1, true), 'a ratio in (0, 1]'),
    };
  }
  const px = (lo: number, hi: number, loOpen: boolean, hiOpen: boolean) => (v: unknown): v is number =>
    isInt(v) && within(lo, hi, loOpen, hiOpen)(v);
  return {
    x: loc('LocationX', px(0, width, false, true), `integer pixels in [0, ${width})`) / width,
    y: loc('LocationY', px(0, height, false, true), `integer pixels in [0, ${height})`) / height,
    w: need('Width', px(0, width, true, false), `integer pixels in (0, ${width}]`) / width,
    h: need('Height', px(0, height, true, false), `integer pixels in (0, ${height}]`) / height,
  };
}

export function parseRegion(raw: unknown, where: string, version: ApiVersion, width: number, height: number): SimRegion {
  if (!isObj(raw)) throw reject(`${where} must be an object.`);
  const index = raw['StreamIndex'];
  if (!isInt(index)) throw reject(`${where}.StreamIndex is required and must be an integer.`);
  const region: SimRegion = { StreamIndex: index, ...geometry(raw, where, version, width, height) };
  setIf(region, 'ZOrder', optionalInt(raw['ZOrder'], `${where}.ZOrder`, (v): v is number => isInt(v) && v >= 0 && v <= 100));
  setIf(region, 'Alpha', optional(raw['Alpha'], within(0, 1, true)));
  // (0, 1] until 2023-06-01; 2023-11-01 allows 0 (no rounding) and makes it the default.
  setIf(region, 'CornerRadius', optional(raw['CornerRadius'], within(0, 1, version !== '2023-11-01')));
  setIf(region, 'RenderMode', optionalInt(raw['RenderMode'], `${where}.RenderMode`, oneOf(0, 1, 2, 3)));
  setIf(region, 'SourceCrop', parseSourceCrop(raw['SourceCrop']));
  setIf(region, 'AlternateImage', optional(raw['AlternateImage'], (v): v is string => typeof v === 'string' && v.length <= 1024));
  setIf(region, 'AlternateImageFillMode', optionalInt(raw['AlternateImageFillMode'], `${where}.AlternateImageFillMode`, oneOf(0, 1)));
  setIf(region, 'MediaType', optionalInt(raw['MediaType'], `${where}.MediaType`, oneOf(0, 1, 2)));
  setIf(region, 'ApplySpatialAudio', optional(raw['ApplySpatialAudio'], (v): v is boolean => typeof v === 'boolean'));
  setIf(region, 'SpatialPosition', optional(raw['SpatialPosition'], spatialPosition));
  return region;
}

/**
 * Layout of a Start or Update body. `canvasFallback` is the canvas the task already has: a
 * partial update may move 2023 pixel regions without repeating the canvas they are measured on.
 */
export function parseLayout(raw: unknown, version: ApiVersion, canvasFallback?: { Width?: number; Height?: number }): SimLayout | undefined {
  if (!isObj(raw)) return undefined;
  const layout: SimLayout = {};
  setIf(layout, 'LayoutMode', optionalInt(raw['LayoutMode'], 'Layout.LayoutMode', oneOf(0, 1, 2, 3)));
  if (isObj(raw['MainVideoStream'])) layout.MainVideoStream = parseStream(raw['MainVideoStream'], 'Layout.MainVideoStream');
  if (version === '2020-12-01') setIf(layout, 'MainVideoStreamIndex', optionalInt(raw['MainVideoStreamIndex'], 'Layout.MainVideoStreamIndex', isInt));
  const custom = raw['CustomLayout'];
  if (isObj(custom)) {
    const canvas = parseCanvas(custom['Canvas']);
    const width = canvas?.Width ?? canvasFallback?.Width ?? DEFAULT_CANVAS.width;
    const height = canvas?.Height ?? canvasFallback?.Height ?? DEFAULT_CANVAS.height;
    const regions = custom['Regions'];
    if (regions !== undefined && !Array.isArray(regions)) throw reject('Layout.CustomLayout.Regions must be a list.');
    layout.CustomLayout = {};
    setIf(layout.CustomLayout, 'Canvas', canvas);
    setIf(layout.CustomLayout, 'Regions', regions?.map((r, i) => parseRegion(r, `Layout.CustomLayout.Regions[${i}]`, version, width, height)));
  }
  return layout;
}

/**
 * The rules that need the whole task: stream counts per layout mode (30 custom, 17 other, doc
 * 1188218), and in a custom layout the one-to-one mapping of Regions[].StreamIndex to
 * TargetStreams.StreamList[].Index. They are the shared request rules (the offline inspector
 * lists the same ones); the simulator answers the first with InvalidParameter.
 */
export function checkLayoutRules(layout: SimLayout | undefined, targets: SimStreams | undefined): void {
  const [first] = streamLayoutRules(layout?.LayoutMode ?? 0, layout?.CustomLayout?.Regions ?? [], targets?.StreamList ?? []);
  if (first) throw reject(describeRule(first).message);
}
