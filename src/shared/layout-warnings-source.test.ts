import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutWarnings } from './layout-warnings.ts';
import { sourceFindings } from './source-frame-findings.ts';
import { buildTaskModel } from './task-model.ts';

/**
 * What a region shows of its source: cropped almost away, stretched, a SourceCrop of another
 * shape than its region; and optional values Volcengine resets, drawn as it applies them.
 */

const CANVAS = { Width: 1280, Height: 720 };
type Raw = Record<string, unknown>;
const task = (regions: Raw[]) => ({
  TargetStreams: { StreamList: regions.map((_, i) => ({ UserId: `u${i}`, Index: i })) },
  Layout: { LayoutMode: 2, CustomLayout: { Canvas: CANVAS, Regions: regions.map((r, i) => ({ StreamIndex: i, LocationX: 0, LocationY: 0, Width: 640, Height: 360, ...r })) } },
});
const warningsOf = (regions: Raw[], source?: { width: number; height: number }) =>
  layoutWarnings(buildTaskModel(task(regions), '2023-11-01'), source ? { source } : {});
const codesOf = (regions: Raw[], source?: { width: number; height: number }) => warningsOf(regions, source).map((w) => w.id);

const share = fc.double({ min: 0.05, max: 1, noNaN: true });

describe('a source cropped almost away', () => {
  it('is warned exactly when less than a quarter of the frame reaches the region (modes that do not crop further)', () => {
    fc.assert(fc.property(share, share, fc.constantFrom(0, 2, 3), (w, h, mode) => {
      // A 16:9 region of a 16:9 crop-shaped window: no stretch and no bars to muddle the count.
      const region = { RenderMode: mode, SourceCrop: { WidthProportion: w, HeightProportion: h } };
      const list = warningsOf([region]);
      expect(list.some((x) => x.code === 'sourceCroppedAway')).toBe(w * h < 0.25);
      const found = list.find((x) => x.code === 'sourceCroppedAway');
      if (found) expect(found.params['used']).toBeCloseTo(w * h, 9);
    }));
  });

  it('counts what RenderMode 1 cuts away on top of the SourceCrop', () => {
    // A 9:16 column of a 16:9 frame keeps (9/16)² ≈ 32 %; in a 1:4 column it keeps under a quarter.
    expect(codesOf([{ RenderMode: 1, Width: 360, Height: 640 }])).toEqual([]);
    expect(codesOf([{ RenderMode: 1, Width: 160, Height: 640 }])).toEqual(['sourceCroppedAway:r0']);
  });

  it('flags the crop-away region of the broken-layout demo: a 10 % sliver of the frame, stretched', () => {
    const sliver = { LocationX: 700, LocationY: 40, Width: 320, Height: 180, SourceCrop: { LocationX: 0.9, LocationY: 0, WidthProportion: 0.1, HeightProportion: 1 } };
    const list = warningsOf([sliver]);
    expect(list.map((w) => w.id)).toEqual(['sourceCroppedAway:r0', 'sourceStretched:r0']);
    expect(list[1]?.params).toMatchObject({ factor: '10', direction: 'wide' });
  });
});

describe('a stretched picture (RenderMode 0 and 3)', () => {
  const side = fc.integer({ min: 16, max: 1280 });

  it('is warned exactly when one axis is scaled more than 10 % against the other', () => {
    fc.assert(fc.property(side, fc.integer({ min: 16, max: 720 }), fc.constantFrom(0, 3), (w, h, mode) => {
      const ratio = (w / h) / (16 / 9);
      const factor = Math.max(ratio, 1 / ratio);
      const found = warningsOf([{ Width: w, Height: h, RenderMode: mode }]).find((x) => x.code === 'sourceStretched');
      expect(found !== undefined).toBe(factor > 1.1);
      if (found) expect(found.params['direction']).toBe(ratio > 1 ? 'wide' : 'tall');
    }));
  });

  it('never happens with RenderMode 1 or 2, which keep shapes', () => {
    fc.assert(fc.property(side, fc.integer({ min: 16, max: 720 }), fc.constantFrom(1, 2), (w, h, mode) => {
      expect(codesOf([{ Width: w, Height: h, RenderMode: mode }]).filter((id) => id.startsWith('sourceStretched'))).toEqual([]);
    }));
  });

  it('follows the source aspect the user assumes', () => {
    expect(codesOf([{ Width: 480, Height: 360 }])).toEqual(['sourceStretched:r0']);
    expect(codesOf([{ Width: 480, Height: 360 }], { width: 4, height: 3 })).toEqual([]);
  });
});

describe('a SourceCrop of another shape than its region', () => {
  it('is warned for RenderMode 1 (cut) and 2 (bars) only when the task sent a SourceCrop', () => {
    fc.assert(fc.property(share, share, fc.constantFrom(1, 2), (w, h, mode) => {
      const ratio = w / h; // the window's aspect against the 16:9 region's
      const mismatch = Math.max(ratio, 1 / ratio) > 1.1;
      const ids = codesOf([{ RenderMode: mode, SourceCrop: { WidthProportion: w, HeightProportion: h } }]);
      expect(ids.includes(`${mode === 1 ? 'cropAspectCut' : 'cropAspectBars'}:r0`)).toBe(mismatch);
    }));
    expect(codesOf([{ RenderMode: 2, Width: 360, Height: 360 }])).toEqual([]);
  });

  it('says how much is cut or padded', () => {
    const [cut] = warningsOf([{ RenderMode: 1, SourceCrop: { WidthProportion: 0.5 } }]);
    expect(cut?.params['share']).toBeCloseTo(0.5, 9);
    const [bars] = warningsOf([{ RenderMode: 2, SourceCrop: { HeightProportion: 0.5 } }]);
    expect(bars?.params['share']).toBeCloseTo(0.5, 9);
    expect(bars?.severity).toBe('info');
  });
});

describe('values Volcengine resets to their defaults', () => {
  it('draws a ZOrder outside [0, 100] as 0, and says so', () => {
    fc.assert(fc.property(fc.oneof(fc.integer({ min: 101, max: 10_000 }), fc.integer({ min: -100, max: -1 })), (z) => {
      const model = buildTaskModel(task([{ ZOrder: z }, { ZOrder: 50, LocationX: 640 }]), '2023-11-01');
      const r0 = model.layout.regions.find((r) => r.id === 'r0');
      expect(r0?.zOrder).toEqual({ value: 0, defaulted: false, resetFrom: z });
      expect(r0?.drawOrder).toBe(0);
      const w = layoutWarnings(model).find((x) => x.id === 'valueReset:r0.ZOrder');
      expect(w?.params).toMatchObject({ field: 'ZOrder', sent: z, used: 0, range: '[0, 100]' });
    }));
    expect(codesOf([{ ZOrder: 100 }, { ZOrder: 0, LocationX: 640 }])).toEqual([]);
  });

  it('draws an undocumented RenderMode as 0, and other enums and CornerRadius as their defaults', () => {
    const model = buildTaskModel(task([{ RenderMode: 7, MediaType: 5, AlternateImageFillMode: 3, CornerRadius: 1.5 }]), '2023-11-01');
    const [r] = model.layout.regions;
    expect([r?.renderMode.value, r?.mediaType.value, r?.alternateImageFillMode.value, r?.cornerRadius.value]).toEqual([0, 0, 0, 0]);
    expect(layoutWarnings(model).map((w) => w.id)).toEqual([
      'valueReset:r0.RenderMode', 'valueReset:r0.CornerRadius', 'valueReset:r0.AlternateImageFillMode', 'valueReset:r0.MediaType',
    ]);
  });

  it('takes CornerRadius 0 as the default it is, in every version', () => {
    for (const version of ['2020-12-01', '2023-06-01', '2023-11-01'] as const) {
      const [r] = buildTaskModel({ Layout: { LayoutMode: 2, CustomLayout: { Regions: [{ StreamIndex: 0, CornerRadius: 0, WidthProportion: 1, HeightProportion: 1, Width: 640, Height: 480 }] } } }, version).layout.regions;
      expect(r?.cornerRadius.resetFrom).toBeUndefined();
    }
  });
});

describe('one source of truth', () => {
  it('the warnings of a region are what sourceFindings finds for it', () => {
    const region = fc.record({
      Width: fc.integer({ min: 1, max: 1280 }), Height: fc.integer({ min: 1, max: 720 }), RenderMode: fc.constantFrom(0, 1, 2, 3),
      SourceCrop: fc.record({ LocationX: fc.double({ min: 0, max: 0.9, noNaN: true }), WidthProportion: share, HeightProportion: share }, { requiredKeys: [] }),
    }, { requiredKeys: ['Width', 'Height'] });
    fc.assert(fc.property(region, (raw) => {
      const model = buildTaskModel(task([raw]), '2023-11-01');
      const [r] = model.layout.regions;
      if (!r) return;
      const f = sourceFindings(r);
      const ids = layoutWarnings(model).map((w) => w.code);
      expect(ids.includes('sourceCroppedAway')).toBe(f.croppedAway);
      expect(ids.includes('sourceStretched')).toBe(f.stretch !== undefined);
      expect(ids.includes('cropAspectCut') || ids.includes('cropAspectBars')).toBe(f.cropAspect !== undefined);
    }));
  });
});

describe('what the source and reset warnings carry', () => {
  it('names RenderMode 1 only when it cut the frame further, and points at the region', () => {
    const [byCrop] = warningsOf([{ RenderMode: 2, Width: 640, Height: 360, SourceCrop: { WidthProportion: 0.3, HeightProportion: 0.3 } }]);
    expect(byCrop?.message).toBe('Only 9% of the source frame reaches the region of "u0" (StreamIndex 0): its SourceCrop keep less than a quarter of the picture (for a 16:9 source).');
    expect(byCrop?.regionIds).toEqual(['r0']);
    const [byMode] = warningsOf([{ RenderMode: 1, Width: 160, Height: 640 }]);
    expect(byMode?.message).toContain('its SourceCrop and RenderMode 1 keep');
  });

  it('says nothing of the source of a region with no area', () => {
    expect(codesOf([{ Width: 0, Height: 360, SourceCrop: { WidthProportion: 0.1 } }]).filter((id) => !id.startsWith('zeroSize'))).toEqual([]);
  });

  it('gives each reset field its documented range, CornerRadius by version, on the region concerned', () => {
    const resets = (version: '2020-12-01' | '2023-11-01') => layoutWarnings(buildTaskModel({
      Layout: { LayoutMode: 2, CustomLayout: { Regions: [{ StreamIndex: 0, WidthProportion: 1, HeightProportion: 1, Width: 640, Height: 480, RenderMode: 4, CornerRadius: -1, AlternateImageFillMode: 2, MediaType: 3 }] } },
    }, version)).filter((w) => w.code === 'valueReset').map((w) => [w.params['field'], w.params['range'], w.regionIds]);
    expect(resets('2023-11-01')).toEqual([
      ['RenderMode', '{0, 1, 2, 3}', ['r0']], ['CornerRadius', '[0, 1]', ['r0']], ['AlternateImageFillMode', '{0, 1}', ['r0']], ['MediaType', '{0, 1, 2}', ['r0']],
    ]);
    expect(resets('2020-12-01')[1]?.[1]).toBe('(0, 1]');
  });

  it('calls a stretch exactly 10 % within the limit, and reads the way of a square one as tall', () => {
    // 16:9 source in a region 1.1 × as wide: exactly the limit, not beyond it.
    expect(codesOf([{ Width: 704, Height: 360 }])).toEqual([]);
    const [square] = warningsOf([{ Width: 360, Height: 360 }]);
    expect(square?.params['direction']).toBe('tall');
  });
});
