import type { Size } from '../../../shared/layout-geometry.ts';
import type { PixelRect } from '../../../shared/layout-model.ts';
import type { View } from './canvas-view.ts';
import { LABEL_FONT_FAMILY, measureLabel } from './label-fit.ts';
import { RULER_FONT_PX, RULER_SIZE_PX, rulerFigure, rulerTicks } from './scene/scene-rulers.ts';

interface Props {
  view: View;
  /** The picture's viewport, which the rulers run along. */
  viewport: Size;
  canvas: Size;
  /** The selected region, marked on both rulers as Figma does. */
  selected: PixelRect | undefined;
}

const BAND = 'fill-slate-100 dark:fill-slate-900';
const ON_CANVAS = 'fill-white dark:fill-slate-800';
const SELECTED = 'fill-sky-200 dark:fill-sky-900';
const TICK = 'stroke-slate-500 dark:stroke-slate-400';
const EDGE = 'stroke-slate-300 dark:stroke-slate-600';
const FIGURE = 'fill-slate-700 dark:fill-slate-200';
/** The figures' baseline, from the gutter's outer edge: clear of the minor ticks along its inner edge. */
const BASELINE_PX = 11;
const MINOR_PX = 5;

/**
 * Rulers in output pixels in a gutter above and left of the picture (Photoshop's and Figma's), so
 * they never cover the picture or its labels: a corner, the top ruler and the left one, for a grid
 * whose fourth cell is the canvas element. The canvas's extent and the selected region are marked.
 */
export function CanvasRulers({ view, viewport, canvas, selected }: Props) {
  const s = RULER_SIZE_PX;
  return (
    <>
      <svg width={s} height={s} aria-hidden="true" className="block">
        <rect width={s} height={s} className={BAND} />
      </svg>
      <Ruler axis="x" length={viewport.width} offset={view.x} scale={view.scale} extent={canvas.width} span={selected && [selected.x, selected.x + selected.width]} />
      <Ruler axis="y" length={viewport.height} offset={view.y} scale={view.scale} extent={canvas.height} span={selected && [selected.y, selected.y + selected.height]} />
    </>
  );
}

interface RulerProps {
  axis: 'x' | 'y';
  length: number;
  offset: number;
  scale: number;
  extent: number;
  span: [number, number] | undefined;
}

/** One ruler, drawn along x; the left one is the same turned a quarter, so both read alike. */
function Ruler({ axis, length, offset, scale, extent, span }: RulerProps) {
  const s = RULER_SIZE_PX;
  const ticks = rulerTicks(scale, offset, length, extent);
  // Screen positions of output pixels along the ruler, kept within it.
  const at = (v: number) => Math.min(length, Math.max(0, offset + v * scale));
  const band = (from: number, to: number, className: string) => (to > from ? <rect x={from} y={0} width={to - from} height={s} className={className} /> : null);
  const figures = ticks.filter((t) => t.major).map((t) => {
    const text = String(t.value);
    return { t, text, ...rulerFigure(t.at, measureLabel(text, RULER_FONT_PX), length) };
  });
  const marks = (
    <>
      <rect width={length} height={s} className={BAND} />
      {band(at(0), at(extent), ON_CANVAS)}
      {span && band(at(span[0]), at(span[1]), SELECTED)}
      <line x1={0} y1={s - 0.5} x2={length} y2={s - 0.5} strokeWidth={1} className={EDGE} />
      {ticks.map((t) => (
        <line key={t.value} x1={t.at} y1={t.major ? 0 : s - MINOR_PX} x2={t.at} y2={s} strokeWidth={1} className={TICK} />
      ))}
    </>
  );
  const font = { fontSize: RULER_FONT_PX, fontFamily: LABEL_FONT_FAMILY, className: FIGURE };
  if (axis === 'x') {
    return (
      <svg width={length} height={s} aria-hidden="true" data-testid="ruler-x" className="block">
        {marks}
        {figures.map((f) => <text key={f.t.value} x={f.at} y={BASELINE_PX} textAnchor={f.anchor} {...font}>{f.text}</text>)}
      </svg>
    );
  }
  // Along y: the marks mirrored across the diagonal, the figures turned a quarter to read bottom to
  // top (as in Photoshop and Figma); one that runs down the ruler ends at its tick.
  return (
    <svg width={s} height={length} aria-hidden="true" data-testid="ruler-y" className="block">
      <g transform="matrix(0 1 1 0 0 0)">{marks}</g>
      {figures.map((f) => (
        <text key={f.t.value} transform={`translate(${BASELINE_PX} ${f.at}) rotate(-90)`} textAnchor={f.anchor === 'start' ? 'end' : 'start'} {...font}>{f.text}</text>
      ))}
    </svg>
  );
}
