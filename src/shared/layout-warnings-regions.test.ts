import { describe, expect, it } from 'vitest';
import { layoutWarnings as allWarnings, type WarningCode } from './layout-warnings.ts';
import { apartFromSource, pixelModel, type TestBox } from './layout-test-tasks.ts';
import { buildTaskModel } from './task-model.ts';

/** These tests are about other checks: the source-frame findings of their arbitrary shapes are left out. */
const layoutWarnings = (...args: Parameters<typeof allWarnings>) => apartFromSource(allWarnings(...args));

const codes = (boxes: TestBox[]) => layoutWarnings(pixelModel(boxes)).map((w) => w.id);
const only = (boxes: TestBox[], code: WarningCode) => layoutWarnings(pixelModel(boxes)).filter((w) => w.code === code);
const ratio = (region: Record<string, unknown>) =>
  layoutWarnings(buildTaskModel({
    TargetStreams: { StreamList: [{ UserId: 'guest', Index: 0 }] },
    Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: [{ StreamIndex: 0, WidthProportion: 0.5, HeightProportion: 0.5, ...region }] } },
  }, '2020-12-01'));

describe('off-canvas checks', () => {
  it('gives the share still on the canvas', () => {
    const [w] = only([{ x: 1200, y: 0, w: 160, h: 90 }], 'offCanvasPartly');
    expect(w?.params.share).toBe(0.5); // 80 of 160 px
    expect(w?.message).toBe('Only 50% of the region of "u0" (StreamIndex 0) is on the canvas (at x 1200, y 0, 160 × 90 px on a 1280 × 720 canvas); the rest is cut off.');
  });
  it('reports fully off, and not partly as well', () => {
    expect(codes([{ x: 0, y: 720, w: 160, h: 90 }])).toEqual(['offCanvasFully:r0']);
  });
  it('says nothing for a region touching the canvas edges from inside', () => {
    expect(codes([{ x: 1120, y: 630, w: 160, h: 90 }])).toEqual([]);
  });
});

describe('occlusion checks', () => {
  it('names the regions that hide a region completely', () => {
    const [w] = only([{ x: 0, y: 0, w: 320, h: 180 }, { x: 0, y: 0, w: 200, h: 180, z: 1 }, { x: 200, y: 0, w: 200, h: 180, z: 2 }], 'hiddenFully');
    expect(w?.regionIds).toEqual(['r0', 'r1', 'r2']);
    expect(w?.message).toBe('The region of "u0" (StreamIndex 0) is completely hidden behind opaque regions drawn above it: "u1" (StreamIndex 1) and "u2" (StreamIndex 2).');
  });
  it('gives the share still visible when more than half is hidden', () => {
    const [w] = only([{ x: 0, y: 0, w: 400, h: 100 }, { x: 0, y: 0, w: 300, h: 100, z: 1 }], 'hiddenPartly');
    expect(w?.params.visible).toBe(0.25);
    expect(w?.message).toContain('75% of the region of "u0" (StreamIndex 0) is hidden');
    expect(w?.message).toContain('25% still shows');
  });
  it('stays quiet at exactly half hidden and for a picture-in-picture', () => {
    expect(only([{ x: 0, y: 0, w: 400, h: 100 }, { x: 0, y: 0, w: 200, h: 100, z: 1 }], 'hiddenPartly')).toEqual([]);
    expect(codes([{ x: 0, y: 0, w: 1280, h: 720 }, { x: 960, y: 540, w: 320, h: 180, z: 1 }])).toEqual([]);
  });
  it('does not count translucent, audio-only or rounded-corner cover as hiding', () => {
    expect(codes([{ x: 0, y: 0, w: 320, h: 180 }, { x: 0, y: 0, w: 1280, h: 720, z: 1, alpha: 0.5 }])).toEqual([]);
    expect(codes([{ x: 0, y: 0, w: 320, h: 180 }, { x: 0, y: 0, w: 1280, h: 720, z: 1, mediaType: 1 }])).toEqual([]);
    // Rounded by 0.025 × 1280 = 32 px: a 20 × 20 region in the corner still shows.
    expect(codes([{ x: 0, y: 0, w: 20, h: 20 }, { x: 0, y: 0, w: 1280, h: 720, z: 1, radius: 0.025 }])).toEqual([]);
  });
});

describe('equal ZOrder', () => {
  it('flags an overlap with equal ZOrder and says which mixscope draws on top', () => {
    const [w] = only([{ x: 0, y: 0, w: 400, h: 400, z: 4 }, { x: 200, y: 200, w: 400, h: 400, z: 4 }], 'equalZOrderOverlap');
    expect(w?.id).toBe('equalZOrderOverlap:r0+r1');
    expect(w?.message).toBe('The region of "u0" (StreamIndex 0) and the region of "u1" (StreamIndex 1) overlap and both have ZOrder 4. Which is on top then depends on their order in Regions[], which Volcengine does not document; mixscope draws "u1" (StreamIndex 1) on top because it comes later.');
  });
  it('ignores touching regions, different ZOrders and overlaps off the canvas', () => {
    expect(codes([{ x: 0, y: 0, w: 400, h: 400 }, { x: 400, y: 0, w: 400, h: 400 }])).toEqual([]);
    expect(codes([{ x: 0, y: 0, w: 400, h: 400 }, { x: 200, y: 200, w: 400, h: 400, z: 1 }])).toEqual([]);
    expect(only([{ x: 1200, y: 0, w: 400, h: 400 }, { x: 1300, y: 0, w: 400, h: 400 }], 'equalZOrderOverlap')).toEqual([]);
  });
});

describe('Alpha', () => {
  it('flags a value outside (0, 1] and a value too low to see', () => {
    expect(ratio({ Alpha: 1.5 }).map((w) => w.code)).toEqual(['alphaOutOfRange']);
    expect(ratio({ Alpha: -0.2 }).map((w) => w.code)).toEqual(['alphaOutOfRange']);
    expect(ratio({ Alpha: 0.14 }).map((w) => w.code)).toEqual(['alphaTooLow']);
  });
  it('accepts 0.15 and 1', () => {
    expect(ratio({ Alpha: 0.15 })).toEqual([]);
    expect(ratio({ Alpha: 1 })).toEqual([]);
  });
});

describe('size', () => {
  it('flags a 2020 size that rounds to 0 px', () => {
    const [w] = ratio({ WidthProportion: 0.0001 });
    expect(w?.code).toBe('zeroSize');
    expect(w?.message).toBe('The region of "guest" (StreamIndex 0) is 0 × 360 px (WidthProportion 0.0001, HeightProportion 0.5, rounded to whole pixels): it has no area, so nothing of it is drawn.');
  });
  it('reports a missing size once, as missingRequired', () => {
    const list = ratio({ WidthProportion: undefined });
    expect(list.map((w) => w.id)).toEqual(['missingRequired:r0']);
    expect(list[0]?.params.fields).toBe('WidthProportion');
  });
});

describe('SourceCrop', () => {
  it('explains each problem and what is used instead', () => {
    const [w] = ratio({ SourceCrop: { LocationX: 1.2, LocationY: 0.75, HeightProportion: 0.5 } });
    expect(w?.params.details).toBe('LocationX 1.2 is outside [0, 1) (reset to 0); LocationY 0.75 + HeightProportion 0.5 runs past the bottom edge (cut to 0.25)');
  });
  it('reports an empty crop once, as cropEmpty', () => {
    expect(ratio({ SourceCrop: { WidthProportion: -1 } }).map((w) => w.code)).toEqual(['cropEmpty']);
  });
  it('accepts a window that ends exactly at the edge', () => {
    expect(ratio({ SourceCrop: { LocationX: 0.35, WidthProportion: 0.65 } })).toEqual([]);
  });
});

describe('CornerRadius', () => {
  it('flags a radius Volcengine ignores, with the largest that works', () => {
    const [w] = ratio({ CornerRadius: 0.2 }); // 256 px on a 640 × 360 region: more than 180
    expect(w?.code).toBe('cornerRadiusIgnored');
    expect(w?.params).toMatchObject({ radiusPx: 256, halfShorterSide: 180, max: 0.1406 }); // 180 / 1280 = 0.140625
  });
  it('accepts exactly half the shorter side', () => {
    expect(ratio({ CornerRadius: 0.140625 })).toEqual([]);
  });
});

describe('pixels given as a ratio', () => {
  it('names the field and the ratio it should have been', () => {
    const [w] = ratio({ LocationX: 640 });
    expect(w?.code).toBe('pixelsGivenAsRatio');
    expect(w?.params.sent).toBe('LocationX 640');
    expect(w?.fix).toContain('(here 0.5 and 0)');
  });
});

describe('template layouts', () => {
  it('skip the region checks: their regions are mixscope approximations', () => {
    const model = buildTaskModel({ TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }, { UserId: 'b', Index: 1 }] }, Layout: { LayoutMode: 1 } }, '2020-12-01');
    expect(layoutWarnings(model).map((w) => w.id)).toEqual(['approximateLayout']);
  });
});

describe('region checks at their edges', () => {
  it('says how an out-of-range Alpha is drawn: 0 invisible, above 1 opaque', () => {
    expect(ratio({ Alpha: 0 })[0]?.message).toBe('The region of "guest" (StreamIndex 0) has Alpha 0, outside the documented (0, 1]. Volcengine resets an out-of-range value to 1 (opaque), though its docs also call 0 fully transparent; mixscope draws it invisible.');
    expect(ratio({ Alpha: 1.5 })[0]?.message).toContain('mixscope draws it opaque.');
  });

  it('still reports an Alpha 0 region hidden under an opaque one, with both warnings', () => {
    const list = layoutWarnings(pixelModel([{ x: 0, y: 0, w: 320, h: 180, alpha: 0 }, { x: 0, y: 0, w: 640, h: 360, z: 1 }]));
    expect(list.map((w) => w.id)).toEqual(['hiddenFully:r0', 'alphaOutOfRange:r0']);
  });

  it('gives the opacity of a faint region in the message', () => {
    const [w] = ratio({ Alpha: 0.1 });
    expect(w?.message).toBe('The region of "guest" (StreamIndex 0) has Alpha 0.1: at 10% opacity it is barely visible.');
    expect(w?.fix).toBe('Raise Alpha to 0.15 or more (1 is opaque), unless it is meant as a faint overlay.');
  });

  it('gives a pixel task\'s zero size in pixels, with a pixel fix', () => {
    const [w] = only([{ x: 10, y: 10, w: 0, h: 50 }], 'zeroSize');
    expect(w?.message).toBe('The region of "u0" (StreamIndex 0) is 0 × 50 px: it has no area, so nothing of it is drawn.');
    expect(w?.fix).toBe('Give it a Width and Height of at least 1 px.');
    expect(codes([{ x: 10, y: 10, w: 50, h: -5 }])).toEqual(['zeroSize:r0']);
  });

  it('states the position rule in the model the task uses', () => {
    expect(only([{ x: 1300, y: 0, w: 100, h: 100 }], 'offCanvasFully')[0]?.fix).toBe('Move it onto the canvas: LocationX + Width ≤ canvas width and LocationY + Height ≤ canvas height.');
    expect(ratio({ LocationX: 0.75 })[0]?.fix).toBe('Move or shrink it so that LocationX + WidthProportion ≤ 1 and LocationY + HeightProportion ≤ 1.');
  });

  it('describes a crop that runs past the right edge', () => {
    const [w] = ratio({ SourceCrop: { LocationX: 0.5, WidthProportion: 0.75, LocationY: -0.5 } });
    expect(w?.params.details).toBe('LocationY -0.5 is outside [0, 1) (reset to 0); LocationX 0.5 + WidthProportion 0.75 runs past the right edge (cut to 0.5)');
  });

  it('names every location sent as pixels', () => {
    const [w] = ratio({ LocationX: 640, LocationY: 360 });
    expect(w?.params.sent).toBe('LocationX 640 and LocationY 360');
    expect(w?.message).toContain('(it lands at x 640, y 360)');
  });

  it('rounds the largest working CornerRadius down, so that it still works', () => {
    const [w] = ratio({ WidthProportion: 0.11, CornerRadius: 0.5 }); // 141 × 360 px: half the shorter side is 70.5 px
    expect(w?.params).toMatchObject({ halfShorterSide: 70.5, max: 0.055 }); // 70.5 / 1280 = 0.05507…
  });
});

describe('region checks: what each warning carries', () => {
  const pixel = (region: Record<string, unknown>) => layoutWarnings(buildTaskModel({
    TargetStreams: { StreamList: [{ UserId: 'guest', Index: 0 }] },
    Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: [{ StreamIndex: 0, Width: 640, Height: 360, ...region }] } },
  }, '2023-11-01'));

  it('lists every missing size field once, and never adds zeroSize for a missing one', () => {
    expect(pixel({ Width: undefined, Height: undefined }).map((w) => [w.id, w.params.fields])).toEqual([['missingRequired:r0', 'Width, Height']]);
    expect(pixel({ Height: undefined }).map((w) => w.id)).toEqual(['missingRequired:r0']);
    expect(ratio({ HeightProportion: undefined }).map((w) => w.id)).toEqual(['missingRequired:r0']);
  });

  it('flags a region with width but no height, and says nothing more of one off the canvas', () => {
    expect(pixel({ Height: 0 }).map((w) => w.id)).toEqual(['zeroSize:r0']);
    expect(pixel({ LocationX: 5000, Width: 0 }).map((w) => w.id)).toEqual(['zeroSize:r0']);
  });

  it('points off-canvas, crop and corner warnings at their region, with their values', () => {
    const [fully] = pixel({ LocationX: 2000 });
    expect([fully?.regionIds, fully?.params]).toEqual([['r0'], { region: '"guest" (StreamIndex 0)', x: 2000, y: 0, width: 640, height: 360, canvasWidth: 1280, canvasHeight: 720 }]);
    expect(pixel({ LocationX: 1000 })[0]?.regionIds).toEqual(['r0']);
    const [empty] = pixel({ SourceCrop: { WidthProportion: 0 } });
    expect([empty?.code, empty?.regionIds, empty?.params]).toEqual(['cropEmpty', ['r0'], { region: '"guest" (StreamIndex 0)', width: 0, height: 1 }]);
    const [corner] = pixel({ CornerRadius: 0.5 });
    expect([corner?.code, corner?.regionIds]).toEqual(['cornerRadiusIgnored', ['r0']]);
    expect(pixel({ Alpha: 0.1 })[0]?.params).toEqual({ region: '"guest" (StreamIndex 0)', alpha: 0.1 });
  });

  it('names the range of a crop size that is out of it', () => {
    expect(ratio({ SourceCrop: { WidthProportion: 1.5 } })[0]?.params.details).toBe('WidthProportion 1.5 is outside (0, 1] (reset to 1)');
  });

  it('names only the locations above 1 as pixels', () => {
    expect(ratio({ LocationX: 640, LocationY: 1 }).find((w) => w.code === 'pixelsGivenAsRatio')?.params.sent).toBe('LocationX 640');
  });
});
