import fc from 'fast-check';
import type { ApiVersion } from '../api-versions.ts';
import type { PixelRect } from '../layout-model.ts';

/** Shared by the editor's tests: frozen documents (a write would throw) and valid layouts to edit. */

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export const evenSide = fc.integer({ min: 32, max: 960 }).map((n) => n * 2);
export const canvasArb = fc.record({ width: evenSide, height: evenSide });

/** A whole-pixel rectangle the docs accept on `canvas`: position [0, side), size (0, side]. */
export function rectOn(canvas: { width: number; height: number }): fc.Arbitrary<PixelRect> {
  return fc.record({
    x: fc.integer({ min: 0, max: canvas.width - 1 }),
    y: fc.integer({ min: 0, max: canvas.height - 1 }),
    width: fc.integer({ min: 1, max: canvas.width }),
    height: fc.integer({ min: 1, max: canvas.height }),
  });
}

/** Any rectangle, fractional and off the canvas too: what a drag can produce. */
export const anyRect = fc.record({
  x: fc.double({ min: -3000, max: 5000, noNaN: true }),
  y: fc.double({ min: -3000, max: 5000, noNaN: true }),
  width: fc.double({ min: -100, max: 5000, noNaN: true }),
  height: fc.double({ min: -100, max: 5000, noNaN: true }),
});

/** Region geometry written by hand for `version` (not by the code under test). */
export function geometry(rect: PixelRect, canvas: { width: number; height: number }, version: ApiVersion): Record<string, number> {
  return version === '2020-12-01'
    ? { LocationX: rect.x / canvas.width, LocationY: rect.y / canvas.height, WidthProportion: rect.width / canvas.width, HeightProportion: rect.height / canvas.height }
    : { LocationX: rect.x, LocationY: rect.y, Width: rect.width, Height: rect.height };
}

export interface ValidLayout {
  canvas: { width: number; height: number };
  task: Record<string, unknown>;
}

/** A custom layout Volcengine accepts: 1 to 30 regions, each on its own stream, every value in range. */
export function validLayout(version: ApiVersion): fc.Arbitrary<ValidLayout> {
  return canvasArb.chain((canvas) =>
    fc.array(
      fc.record({
        rect: rectOn(canvas),
        ZOrder: fc.integer({ min: 0, max: 100 }),
        Alpha: fc.double({ min: 0.01, max: 1, noNaN: true }),
        RenderMode: fc.integer({ min: 0, max: 3 }),
      }),
      { minLength: 1, maxLength: 30 },
    ).map((regions) => ({
      canvas,
      task: {
        Status: 2,
        PushURL: 'rtmp://push.example.com/live/abc••••',
        TargetStreams: { StreamList: regions.map((_, i) => ({ UserId: `user-${i}`, Index: i })) },
        Encode: { VideoFps: 15, VideoBitrate: 1000 },
        Layout: {
          LayoutMode: 2,
          CustomLayout: {
            Canvas: { Width: canvas.width, Height: canvas.height, Background: '#112233' },
            Regions: regions.map(({ rect, ...rest }, i) => ({ StreamIndex: i, ...geometry(rect, canvas, version), ...rest })),
          },
        },
        Control: { MaxIdleTime: 180 },
      },
    })));
}
