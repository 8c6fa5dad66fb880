import fc from 'fast-check';
import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { pixelLayout, type TestBox } from '../../../../shared/layout-test-tasks.ts';
import { buildScene } from './build-scene.ts';
import { layoutParts } from './layout-parts.ts';
import { SceneSvg, type SvgFrame } from './scene-svg.tsx';

const CANVAS = { width: 1280, height: 720 };
const FILL: SvgFrame = { kind: 'fill', className: 'block' };

type Props = Record<string, unknown> & { children?: ReactNode };
type El = ReactElement<Props>;
const elements = (node: ReactNode): El[] => Children.toArray(node).filter((c): c is El => isValidElement(c));

/** The drawer has no hooks: called as a function, its element tree is the picture. */
function svgOf(boxes: TestBox[], frame = FILL) {
  const parts = layoutParts(pixelLayout(boxes, CANVAS));
  const scene = buildScene(parts, { scale: 0.5, fontPx: 12, measure: (s) => s.length * 7 });
  const svg = SceneSvg({ scene, frame }) as El;
  return { svg, parts, scene, children: elements(svg.props.children) };
}

const box = fc.record({
  x: fc.integer({ min: -200, max: 1400 }), y: fc.integer({ min: -200, max: 800 }),
  w: fc.integer({ min: 0, max: 1400 }), h: fc.integer({ min: 0, max: 800 }),
  alpha: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
});

describe('SceneSvg: the static drawer', () => {
  it('on the server fills the width at the canvas\'s proportions', () => {
    const { svg } = svgOf([{ x: 0, y: 0, w: 640, h: 360 }]);
    expect(svg.props.viewBox).toBe('0 0 1280 720');
    expect(svg.props.width).toBe('100%');
    expect(svg.props['data-server-picture']).toBe('');
  });

  it('draws the background and one rectangle per region with an area as the canvas\'s children, the overlays after them', () => {
    fc.assert(fc.property(fc.array(box, { maxLength: 12 }), (boxes) => {
      const { svg, parts } = svgOf(boxes);
      const html = renderToStaticMarkup(svg);
      const canvasChildren = html.slice(0, html.indexOf('<g>'));
      const shown = parts.boxes.filter((b) => b.rect.width > 0 && b.rect.height > 0);
      expect(canvasChildren.match(/<rect /g)).toHaveLength(1 + shown.length);
      shown.forEach((b) => expect(canvasChildren).toContain(`x="${b.rect.x}" y="${b.rect.y}" width="${b.rect.width}" height="${b.rect.height}"`));
    }));
  });

  it('in the browser places the canvas where the view puts it', () => {
    const frame: SvgFrame = { kind: 'viewport', width: 800, height: 640, view: { x: 10, y: 20, scale: 0.5 } };
    const { svg, children } = svgOf([{ x: 0, y: 0, w: 640, h: 360 }], frame);
    expect([svg.props.width, svg.props.height]).toEqual([800, 640]);
    expect(children[0]?.props).toMatchObject({ x: 10, y: 20, width: 640, height: 360, viewBox: '0 0 1280 720' });
    expect(children[1]?.props.transform).toBe('translate(10 20) scale(0.5)');
  });
});
