import fc from 'fast-check';
import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { pixelLayout, type TestBox } from '../../../shared/layout-test-tasks.ts';
import { MAX_VIEWPORT_HEIGHT, MIN_VIEWPORT_HEIGHT } from './canvas-view.ts';
import { layoutColours, toDrawBoxes } from './draw-boxes.ts';
import { LayoutPreviewSvg } from './layout-preview-svg.tsx';

const CANVAS = { width: 1280, height: 720 };

type Props = Record<string, unknown> & { children?: ReactNode };
type El = ReactElement<Props>;
const elements = (node: ReactNode): El[] => Children.toArray(node).filter((c): c is El => isValidElement(c));

/** The component has no hooks: called as a function, its element tree is the picture. */
function svgOf(boxes: TestBox[]) {
  const layout = pixelLayout(boxes, CANVAS);
  const drawn = toDrawBoxes(layout, layoutColours(layout));
  const svg = LayoutPreviewSvg({ canvas: CANVAS, background: '#102030', boxes: drawn }) as El;
  const children = elements(svg.props.children);
  return { svg, drawn, rects: children.filter((c) => c.type === 'rect'), labels: children.filter((c) => c.type === 'svg') };
}

const box = fc.record({
  x: fc.integer({ min: -200, max: 1400 }), y: fc.integer({ min: -200, max: 800 }),
  w: fc.integer({ min: 0, max: 1400 }), h: fc.integer({ min: 0, max: 800 }),
  alpha: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
});

describe('LayoutPreviewSvg: the server\'s picture of a layout', () => {
  it('is sized as the canvas view is: the canvas\'s proportions, within the view\'s height limits', () => {
    const { svg } = svgOf([{ x: 0, y: 0, w: 640, h: 360 }]);
    expect(svg.props.viewBox).toBe('0 0 1280 720');
    expect(svg.props.width).toBe('100%');
    expect(svg.props.className).toContain(`max-h-[${MAX_VIEWPORT_HEIGHT}px]`);
    expect(svg.props.className).toContain(`min-h-[${MIN_VIEWPORT_HEIGHT}px]`);
  });

  it('draws the background and one rectangle per region with an area, where the region is, with its opacity', () => {
    fc.assert(fc.property(fc.array(box, { maxLength: 12 }), (boxes) => {
      const { rects, labels, drawn } = svgOf(boxes);
      const shown = drawn.filter((b) => b.rect.width > 0 && b.rect.height > 0);
      expect(rects).toHaveLength(1 + shown.length);
      expect(rects[0]?.props.fill).toBe('#102030');
      shown.forEach((b, i) => {
        const r = rects[i + 1]?.props ?? {};
        expect([r.x, r.y, r.width, r.height]).toEqual([b.rect.x, b.rect.y, b.rect.width, b.rect.height]);
        expect(r.fillOpacity).toBeCloseTo(b.audioOnly ? b.opacity * 0.25 : b.opacity, 6);
      });
      // Each label sits inside its region and is clipped to it (a nested svg of at most its size).
      for (const label of labels) {
        const { x, y, width, height } = label.props as { x: number; y: number; width: number; height: number };
        const text = elements(label.props.children)[0]?.props.children;
        const owner = shown.find((b) => text === b.label && x >= b.rect.x && y >= b.rect.y && x + width <= b.rect.x + b.rect.width + 1e-9 && y + height <= b.rect.y + b.rect.height + 1e-9);
        expect(owner).toBeDefined();
      }
    }));
  });

  it('writes no label where it would not be read', () => {
    const { labels } = svgOf([{ x: 0, y: 0, w: 1280, h: 720 }, { x: 10, y: 10, w: 20, h: 20 }]);
    expect(labels).toHaveLength(1);
  });
});
