import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import i18next from 'i18next';
import { buildTaskModel } from '../../shared/task-model.ts';
import { layoutWarnings, WARNING_CODES, type LayoutWarning } from '../../shared/layout-warnings.ts';
import { warningZh } from './warning-zh.ts';

const vars = (template: string) => [...template.matchAll(/\{\{(\w+)/g)].map((m) => m[1] ?? '');

/** Task-shaped input that trips many different checks. */
const region = fc.record({
  StreamIndex: fc.integer({ min: 0, max: 4 }),
  LocationX: fc.oneof(fc.double({ min: -0.5, max: 1.5, noNaN: true }), fc.integer({ min: 2, max: 900 })),
  LocationY: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
  WidthProportion: fc.double({ min: 0, max: 1.2, noNaN: true }),
  HeightProportion: fc.double({ min: 0, max: 1.2, noNaN: true }),
  ZOrder: fc.constantFrom(0, 1, 2, 200),
  Alpha: fc.double({ min: -0.2, max: 1.2, noNaN: true }),
  CornerRadius: fc.double({ min: 0, max: 0.6, noNaN: true }),
  RenderMode: fc.constantFrom(0, 1, 2, 3, 9),
  SourceCrop: fc.record({ LocationX: fc.double({ min: 0, max: 1.2, noNaN: true }), WidthProportion: fc.double({ min: 0, max: 1.2, noNaN: true }), HeightProportion: fc.double({ min: 0.1, max: 1, noNaN: true }) }),
}, { requiredKeys: ['StreamIndex'] });
const fullRegion = fc.record({
  StreamIndex: fc.integer({ min: 0, max: 4 }),
  LocationX: fc.double({ min: -0.6, max: 1.2, noNaN: true }),
  LocationY: fc.double({ min: -0.6, max: 1.2, noNaN: true }),
  WidthProportion: fc.double({ min: 0.05, max: 1, noNaN: true }),
  HeightProportion: fc.double({ min: 0.05, max: 1, noNaN: true }),
  ZOrder: fc.integer({ min: 0, max: 1 }),
  Alpha: fc.constantFrom(1, 1, 1, 0.5),
  RenderMode: fc.constantFrom(0, 1, 2),
  SourceCrop: fc.record({ WidthProportion: fc.constantFrom(1, 0, 0.5) }),
});
const wellFormed = fc.record({
  Layout: fc.record({ LayoutMode: fc.constant(2), CustomLayout: fc.record({ Canvas: fc.constant({ Width: 1280, Height: 720 }), Regions: fc.array(fullRegion, { maxLength: 8 }) }) }),
  TargetStreams: fc.record({ StreamList: fc.array(fc.record({ UserId: fc.constantFrom('a', 'b', 'c', 'd', 'e'), Index: fc.integer({ min: 0, max: 4 }) }), { maxLength: 18 }) }),
  Status: fc.constantFrom(2, 'x'),
});
/** Over the documented limits: 31 regions in a custom layout, 18 streams in a template layout. */
const crowded = fc.constantFrom(
  { Layout: { LayoutMode: 2, CustomLayout: { Regions: Array.from({ length: 31 }, (_, i) => ({ StreamIndex: i, WidthProportion: 0.1, HeightProportion: 0.1 })) } }, TargetStreams: { StreamList: Array.from({ length: 31 }, (_, i) => ({ UserId: `u${i}`, Index: i })) } },
  { Layout: { LayoutMode: 0 }, TargetStreams: { StreamList: Array.from({ length: 18 }, (_, i) => ({ UserId: `u${i}`, Index: i })) } },
);
const messy = fc.record({
  Layout: fc.record({
    LayoutMode: fc.constantFrom(0, 1, 2, 2, 2, 3),
    CustomLayout: fc.record({ Canvas: fc.record({ Width: fc.constantFrom(1280, 1281, 4000), Height: fc.constantFrom(720, 0) }), Regions: fc.array(region, { maxLength: 6 }) }),
  }),
  TargetStreams: fc.record({ StreamList: fc.array(fc.record({ UserId: fc.constantFrom('a', 'b', 'c'), Index: fc.integer({ min: 0, max: 4 }) }), { maxLength: 5 }) }),
  ExcludeStreams: fc.record({ StreamList: fc.array(fc.record({ UserId: fc.constantFrom('a', 'z') }), { maxLength: 1 }) }),
  Encode: fc.record({ VideoWidth: fc.constantFrom(640, 1280) }),
});

describe('Chinese layout warnings', () => {
  it('have a message and a fix for every warning code', () => {
    for (const code of WARNING_CODES) {
      expect(warningZh[code].message.length).toBeGreaterThan(0);
      expect(warningZh[code].fix.length).toBeGreaterThan(0);
    }
  });

  it('only use variables the warning provides (property)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.oneof(messy, wellFormed, crowded), (t) => {
        for (const w of layoutWarnings(buildTaskModel(t, '2020-12-01')) as LayoutWarning[]) {
          seen.add(w.code);
          const zh = warningZh[w.code];
          for (const v of [...vars(zh.message), ...vars(zh.fix)]) expect({ code: w.code, v, has: v in w.params }).toEqual({ code: w.code, v, has: true });
        }
      }),
      { numRuns: 600 },
    );
    // The generator must reach most codes, or this property proves little.
    const missed = WARNING_CODES.filter((c) => !seen.has(c));
    expect(missed).toEqual([]);
  });

  it('renders percentages and names through i18next', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'zh', resources: { zh: { translation: { warning: warningZh } } }, interpolation: { escapeValue: false } });
    const text = i18n.t('warning.offCanvasPartly.message', { region: '"host" (StreamIndex 0)', share: 0.4 });
    expect(text).toBe('"host" (StreamIndex 0) 的区域只有 40% 在画布内，其余部分被裁掉。');
  });
});
