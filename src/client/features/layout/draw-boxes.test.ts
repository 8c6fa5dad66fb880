import { describe, expect, it } from 'vitest';
import { buildTaskModel } from '../../../shared/task-model.ts';
import { pixelLayout } from '../../../shared/layout-test-tasks.ts';
import { occlusion } from '../../../shared/layout-geometry.ts';
import { backgroundFill, layoutColours, MARKER_GLYPH, regionLabel, regionMarkers, toDrawBoxes } from './draw-boxes.ts';

describe('toDrawBoxes', () => {
  it('keeps canvas pixels and drawing order', () => {
    const layout = pixelLayout([{ x: 10, y: 20, w: 300, h: 200, z: 2 }, { x: 0, y: 0, w: 1280, h: 720, z: 0 }]);
    const boxes = toDrawBoxes(layout, layoutColours(layout));
    expect(boxes.map((b) => b.id)).toEqual(['r1', 'r0']);
    expect(boxes[1]?.rect).toEqual({ x: 10, y: 20, width: 300, height: 200 });
  });

  it('clamps Alpha for drawing and keeps negative sizes from drawing', () => {
    const layout = pixelLayout([{ x: 0, y: 0, w: -10, h: 50, alpha: 1.7 }]);
    const [box] = toDrawBoxes(layout, layoutColours(layout));
    expect(box?.opacity).toBe(1);
    expect(box?.rect.width).toBe(0);
  });

  it('draws an ignored corner radius square and remembers what was asked', () => {
    // 0.1 × 1280 = 128 px, more than half of a 200 px tall region: Volcengine ignores it.
    const layout = pixelLayout([{ x: 0, y: 0, w: 400, h: 200, radius: 0.1 }, { x: 0, y: 300, w: 400, h: 400, radius: 0.1 }]);
    const [ignored, kept] = toDrawBoxes(layout, layoutColours(layout));
    expect(ignored).toMatchObject({ cornerRadius: 0, ignoredRadius: 128 });
    expect(ignored?.markers).toContain('radiusIgnored');
    expect(kept).toMatchObject({ cornerRadius: 128, ignoredRadius: 0 });
  });

  it('tells how much of a region is off the canvas', () => {
    const layout = pixelLayout([{ x: 1200, y: 0, w: 200, h: 100 }, { x: 1300, y: 0, w: 10, h: 10 }]);
    expect(toDrawBoxes(layout, layoutColours(layout)).map((b) => b.offCanvas)).toEqual(['partly', 'fully']);
  });

  it('marks a region hidden under opaque regions above it', () => {
    const layout = pixelLayout([{ x: 10, y: 10, w: 100, h: 100, z: 0 }, { x: 0, y: 0, w: 640, h: 360, z: 1 }]);
    const [under, over] = toDrawBoxes(layout, layoutColours(layout), occlusion(layout));
    expect(under?.markers).toEqual(['hidden']);
    expect(over?.markers).toEqual([]);
  });

  it('gives each stream one colour', () => {
    const layout = pixelLayout([{ x: 0, y: 0, w: 10, h: 10 }, { x: 20, y: 0, w: 10, h: 10 }]);
    const boxes = toDrawBoxes(layout, layoutColours(layout));
    expect(boxes[0]?.colour).not.toBe(boxes[1]?.colour);
  });
});

describe('regionMarkers and regionLabel', () => {
  const model = buildTaskModel({
    TargetStreams: { StreamList: [{ UserId: 'mo', Index: 0, StreamType: 1 }, { UserId: 'ana', Index: 1 }] },
    Layout: {
      LayoutMode: 2,
      CustomLayout: {
        Canvas: { Width: 1280, Height: 720 },
        Regions: [
          { StreamIndex: 0, Width: 640, Height: 360, MediaType: 2 },
          { StreamIndex: 1, Width: 280, Height: 280, MediaType: 1, AlternateImage: 'https://example.com/a.png' },
          { StreamIndex: 9, Width: 10, Height: 10 },
        ],
      },
    },
  }, '2023-11-01');
  const [screen, audio, unmapped] = model.layout.regions;

  it('mark screen, audio-only, video-only and AlternateImage', () => {
    expect(regionMarkers(screen!, 1280)).toEqual(['screen', 'videoOnly']);
    expect(regionMarkers(audio!, 1280)).toEqual(['audioOnly', 'alternateImage']);
  });

  it('name the user and StreamIndex, with glyphs only', () => {
    expect(regionLabel(screen!, ['screen'])).toBe(`mo · #0 ${MARKER_GLYPH.screen}`);
    expect(regionLabel(unmapped!)).toBe('? · #9');
  });

  it('use no emoji', () => {
    for (const glyph of Object.values(MARKER_GLYPH)) expect(glyph).not.toMatch(/\p{Extended_Pictographic}/u);
  });
});

describe('backgroundFill', () => {
  const withBackground = (Background: string) =>
    buildTaskModel({ Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 64, Height: 64, Background } } } }, '2023-11-01').layout;
  it('keeps #RRGGBB in either case', () => {
    expect(backgroundFill(withBackground('#0B3D2E'))).toEqual({ colour: '#0B3D2E', reset: false });
  });
  it('paints the default black for anything else', () => {
    expect(backgroundFill(withBackground('red'))).toEqual({ colour: '#000000', reset: true });
    expect(backgroundFill(withBackground('#fff'))).toEqual({ colour: '#000000', reset: true });
  });
});
