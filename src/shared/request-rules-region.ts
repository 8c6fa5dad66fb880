import type { ApiVersion } from './api-versions.ts';
import {
  isInt, isNum, isObj, join, sectionRules, shown, type Obj, type RuleDraft, type ValueSpec,
} from './request-rules-values.ts';
import { ALTERNATE_IMAGE_FILL_MODE, MEDIA_TYPE, RENDER_MODE } from './volc-enums.ts';

/**
 * One region of a custom layout. Its position and size are validated by Volcengine
 * (InvalidParameter); every other field is optional and reset to its default when invalid.
 */

export interface CanvasSize {
  width: number;
  height: number;
}

const V2020: readonly ApiVersion[] = ['2020-12-01'];
const V2023: readonly ApiVersion[] = ['2023-06-01', '2023-11-01'];

const OPTIONAL: ValueSpec[] = [
  { key: 'ZOrder', min: 0, max: 100, default: 0, integer: true },
  { key: 'Alpha', min: 0, minExclusive: true, max: 1, default: 1 },
  // (0, 1] until 2023-06-01; 2023-11-01 allows 0 (no rounding), its default.
  { key: 'CornerRadius', min: 0, minExclusive: true, max: 1, default: 0, byVersion: { '2023-11-01': { minExclusive: false } } },
  { key: 'RenderMode', enum: RENDER_MODE, default: 0, integer: true },
  { key: 'AlternateImage', type: 'string', maxLength: 1024 },
  { key: 'AlternateImageFillMode', enum: ALTERNATE_IMAGE_FILL_MODE, default: 0, integer: true },
  { key: 'MediaType', enum: MEDIA_TYPE, default: 0, integer: true },
  { key: 'ApplySpatialAudio', default: true },
];

const CROP: ValueSpec[] = [
  { key: 'LocationX', min: 0, max: 1, maxExclusive: true, default: 0 },
  { key: 'LocationY', min: 0, max: 1, maxExclusive: true, default: 0 },
  { key: 'WidthProportion', min: 0, minExclusive: true, max: 1, default: 1 },
  { key: 'HeightProportion', min: 0, minExclusive: true, max: 1, default: 1 },
];

interface Axis {
  key: string;
  required: boolean;
  /** Position: [0, side); size: (0, side]. */
  size: boolean;
  side: 'width' | 'height';
}

const GEOMETRY: Record<'ratio' | 'pixel', Axis[]> = {
  ratio: [
    { key: 'LocationX', required: false, size: false, side: 'width' },
    { key: 'LocationY', required: false, size: false, side: 'height' },
    { key: 'WidthProportion', required: true, size: true, side: 'width' },
    { key: 'HeightProportion', required: true, size: true, side: 'height' },
  ],
  pixel: [
    { key: 'LocationX', required: false, size: false, side: 'width' },
    { key: 'LocationY', required: false, size: false, side: 'height' },
    { key: 'Width', required: true, size: true, side: 'width' },
    { key: 'Height', required: true, size: true, side: 'height' },
  ],
};

function axisRule(region: Obj, axis: Axis, path: string, version: ApiVersion, canvas: CanvasSize | undefined): RuleDraft | undefined {
  const pixels = version !== '2020-12-01';
  const value = region[axis.key];
  const field = join(path, axis.key);
  const sideName = axis.side === 'width' ? 'Canvas.Width' : 'Canvas.Height';
  const hi = pixels ? canvas?.[axis.side] : 1;
  const range = `${axis.size ? '(0' : '[0'}, ${hi ?? sideName}${axis.size ? ']' : ')'}${pixels ? ' px' : ''}`;
  if (value === undefined) return axis.required ? { code: 'regionRequired', path: field, params: { field, range } } : undefined;
  if (!isNum(value)) return { code: 'regionValueInvalid', path: field, params: { field, value: shown(value), range } };
  if (pixels && !Number.isInteger(value)) return { code: 'regionNotInteger', path: field, params: { field, value, version, range } };
  const tooHigh = hi !== undefined && (axis.size ? value > hi : value >= hi);
  const tooLow = axis.size ? value <= 0 : value < 0;
  if (!tooHigh && !tooLow) return undefined;
  if (!pixels && value > 1) {
    const size = canvas ? `${canvas.width} × ${canvas.height} px` : 'Canvas.Width × Canvas.Height';
    return { code: 'regionPixelsAsRatio', path: field, params: { field, value, range, canvas: size } };
  }
  return { code: 'regionValueInvalid', path: field, params: { field, value, range } };
}

export function regionRules(raw: unknown, path: string, version: ApiVersion, canvas: CanvasSize | undefined): RuleDraft[] {
  if (!isObj(raw)) return [{ code: 'regionNotObject', path, params: { field: path, value: shown(raw) } }];
  const model = version === '2020-12-01' ? 'ratio' : 'pixel';
  const geometry = GEOMETRY[model];
  // The other model's size fields belong to other versions: ignored here, and said so.
  const foreign: ValueSpec[] = (model === 'ratio' ? ['Width', 'Height'] : ['WidthProportion', 'HeightProportion'])
    .map((key) => ({ key, versions: model === 'ratio' ? V2023 : V2020 }));
  const out = sectionRules(raw, [...OPTIONAL, ...foreign], path, version, ['StreamIndex', 'SourceCrop', 'SpatialPosition', ...geometry.map((a) => a.key)]);
  const index = raw['StreamIndex'];
  const indexPath = join(path, 'StreamIndex');
  if (index === undefined) out.push({ code: 'regionRequired', path: indexPath, params: { field: indexPath, range: '[0, ∞)' } });
  else if (!(isInt(index) && index >= 0)) out.push({ code: 'streamIndexInvalid', path: indexPath, params: { field: indexPath, value: shown(index) } });
  for (const axis of geometry) {
    const problem = axisRule(raw, axis, path, version, canvas);
    if (problem) out.push(problem);
  }
  out.push(...sectionRules(raw['SourceCrop'], CROP, join(path, 'SourceCrop'), version));
  const position = raw['SpatialPosition'];
  const positionPath = join(path, 'SpatialPosition');
  const valid = Array.isArray(position) && position.length === 3 && position.every((n) => isInt(n) && n >= -100 && n <= 100);
  if (position !== undefined && !valid) {
    out.push({ code: 'valueOutOfRange', path: positionPath, params: { field: positionPath, value: shown(position), range: '[-100, 100] × 3', default: '[0, 0, 0]' } });
  }
  return out;
}
