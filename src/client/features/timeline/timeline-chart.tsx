import { useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useWheelZoom } from './use-wheel-zoom.ts';
import type { LaneId } from '../../../shared/timeline-lanes.ts';
import { ActiveOutline, TimelineGuides, type Guide } from './timeline-guides.tsx';
import { TimelineAxis } from './timeline-axis.tsx';
import { InferredLayer } from './inferred-layer.tsx';
import { DemoLayer } from './demo-layer.tsx';
import type { DemoLanes } from './demo-spans.ts';
import type { InferredSpan } from './inferred-spans.ts';
import { AXIS_H, CHART_H, GUTTER, indexAt, ROW_H, ROW_Y, rowAt, ROWS, type ActiveItem } from './timeline-geometry.ts';
import { TimelineLane } from './timeline-lane.tsx';
import { TimelineMarkers } from './timeline-markers.tsx';
import type { TimelineView } from './use-timeline-view.ts';
import { MARKER_SPACING_PX } from './use-timeline-view.ts';

interface Props {
  tv: TimelineView;
  width: number;
  ticks: readonly number[];
  tickFormat: (ms: number) => string;
  guides: readonly Guide[];
  /** Status time implied by the task's StartTime and EndTime, and its label. */
  inferred: readonly InferredSpan[];
  inferredLabel: string;
  /** The simulator's past where nothing was observed (demo tasks only), and its label. */
  demo?: DemoLanes | undefined;
  demoLabel: (lane: LaneId, value: number) => string;
  rowLabels: Record<(typeof ROWS)[number], string>;
  active: ActiveItem | null;
  selectedId: number | null;
  label: string;
  helpId: string;
  /** The item under the pointer, and the moment there. */
  onHover: (item: ActiveItem | null, at?: number) => void;
  /** The item, and the moment under the pointer. */
  onActivate: (item: ActiveItem, at: number) => void;
  onKeyDown: (e: KeyboardEvent) => void;
}

const LANES: LaneId[] = ['status', 'push'];

/** The SVG: axis, two lanes, the change row and guides. Drag pans, Shift+drag zooms to a range, Ctrl+wheel zooms at the pointer; hover and click go up as items. */
export function TimelineChart({ tv, width, ticks, tickFormat, guides, inferred, inferredLabel, demo, demoLabel, rowLabels, active, selectedId, label, helpId, onHover, onActivate, onKeyDown }: Props) {
  const ids = useId().replace(/:/g, '');
  const drag = useRef<{ x: number; from: number; to: number; moved: boolean; select: boolean } | null>(null);
  // Shift+drag selects a range to zoom to; drawn while the pointer moves.
  const [brush, setBrush] = useState<{ from: number; to: number } | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const plot = Math.max(1, width - GUTTER - 8);
  const { x, view, drawn, rows } = tv;
  const timeAt = (clientX: number) => x.invert(clientX - (svg.current?.getBoundingClientRect().left ?? 0) - GUTTER);
  useWheelZoom(svg, (factor, clientX) => tv.actions.zoom(factor, timeAt(clientX)));

  const itemAt = (e: PointerEvent<SVGSVGElement>): ActiveItem | null => {
    const box = e.currentTarget.getBoundingClientRect();
    const row = rowAt(e.clientY - box.top);
    if (row === undefined) return null;
    const t = x.invert(e.clientX - box.left - GUTTER);
    const index = indexAt(rows[row], t, row === 'markers' ? tv.msPerPx * MARKER_SPACING_PX * 0.6 : 0, tv.msPerPx * 2);
    return index === undefined ? null : { row, index };
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (d !== null) {
      const dx = e.clientX - d.x;
      if (Math.abs(dx) > 3) d.moved = true;
      if (d.moved && d.select) {
        const a = x.invert(d.x - e.currentTarget.getBoundingClientRect().left - GUTTER);
        const b = timeAt(e.clientX);
        setBrush({ from: Math.min(a, b), to: Math.max(a, b) });
      } else if (d.moved) tv.actions.set({ from: d.from - dx * tv.msPerPx, to: d.to - dx * tv.msPerPx });
      return;
    }
    onHover(itemAt(e), timeAt(e.clientX));
  };
  const activeItem = active && rows[active.row][active.index];

  return (
    <div
      tabIndex={0}
      role="group"
      aria-roledescription="timeline"
      aria-label={label}
      aria-describedby={helpId}
      onKeyDown={onKeyDown}
      className="rounded-md focus-visible:outline-2"
      data-testid="timeline-chart"
    >
      <svg
        ref={svg}
        width={width}
        height={CHART_H}
        aria-hidden="true"
        className="block cursor-crosshair touch-none select-none"
        onPointerMove={onPointerMove}
        onPointerLeave={() => onHover(null)}
        onPointerDown={(e) => {
          drag.current = { x: e.clientX, from: view.from, to: view.to, moved: false, select: e.shiftKey };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerUp={(e) => {
          const d = drag.current;
          drag.current = null;
          if (d?.select && d.moved && brush !== null) tv.actions.set(brush);
          setBrush(null);
          if (d !== null && !d.moved) {
            const item = itemAt(e);
            const box = e.currentTarget.getBoundingClientRect();
            if (item) onActivate(item, x.invert(e.clientX - box.left - GUTTER));
          }
        }}
      >
        <defs>
          <pattern id={`${ids}-hatch`} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={6} height={6} className="fill-slate-50 dark:fill-slate-900" />
            <line x1={0} y1={0} x2={0} y2={6} strokeWidth={2} className="stroke-slate-300 dark:stroke-slate-600" />
          </pattern>
          <pattern id={`${ids}-mix`} width={4} height={4} patternUnits="userSpaceOnUse">
            <line x1={1} y1={0} x2={1} y2={4} strokeWidth={1} className="stroke-slate-900/40 dark:stroke-white/40" />
          </pattern>
          <pattern id={`${ids}-stripes`} width={5} height={5} patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
            <line x1={0} y1={0} x2={0} y2={5} strokeWidth={1.5} className="stroke-slate-900/35 dark:stroke-white/40" />
          </pattern>
          <pattern id={`${ids}-dots`} width={6} height={6} patternUnits="userSpaceOnUse">
            <circle cx={3} cy={3} r={1.3} className="fill-sky-600/70 dark:fill-sky-300/70" />
          </pattern>
          <pattern id={`${ids}-demo`} width={4} height={4} patternUnits="userSpaceOnUse">
            <line x1={0} y1={0.5} x2={4} y2={0.5} strokeWidth={1} className="stroke-teal-700/60 dark:stroke-teal-300/60" />
          </pattern>
          <clipPath id={`${ids}-plot`}>
            <rect x={-10} y={0} width={plot + 20} height={CHART_H} />
          </clipPath>
        </defs>
        {ROWS.map((r) => (
          <text key={r} x={4} y={ROW_Y[r] + ROW_H[r] / 2} dominantBaseline="central" fontSize={12} fontWeight={600} className="fill-slate-700 dark:fill-slate-200">
            {rowLabels[r]}
          </text>
        ))}
        <g transform={`translate(${GUTTER},0)`} clipPath={`url(#${ids}-plot)`}>
          <TimelineAxis ticks={ticks} format={tickFormat} x={x} width={plot} />
          {LANES.map((lane) => (
            <TimelineLane key={lane} lane={lane} segments={drawn[lane]} x={x} hatchId={`${ids}-hatch`} mixId={`${ids}-mix`} stripesId={`${ids}-stripes`} />
          ))}
          <InferredLayer spans={inferred} x={x} dotsId={`${ids}-dots`} label={inferredLabel} />
          {demo && <DemoLayer lanes={demo} x={x} patternId={`${ids}-demo`} label={demoLabel} />}
          <TimelineMarkers clusters={drawn.markers} x={x} selectedId={selectedId} />
          <TimelineGuides guides={guides} x={x} view={view} width={plot} />
          {brush && (
            <rect data-testid="timeline-brush" x={x(brush.from)} y={AXIS_H} width={Math.max(1, x(brush.to) - x(brush.from))} height={CHART_H - AXIS_H - 18} className="fill-blue-500/15 stroke-blue-700 dark:fill-blue-300/20 dark:stroke-blue-300" strokeWidth={1} />
          )}
          {active && activeItem && <ActiveOutline from={activeItem.from} to={activeItem.to} row={active.row} x={x} />}
        </g>
      </svg>
    </div>
  );
}
