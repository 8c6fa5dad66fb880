import type { ScaleLinear } from 'd3-scale';
import { AXIS_H, CHART_H, ROW_H, ROW_Y } from './timeline-geometry.ts';
import type { ViewRange } from './view-range.ts';

export interface Guide {
  at: number;
  label: string;
  kind: 'start' | 'now' | 'end' | 'limit' | 'selected';
}

const LINE: Record<Guide['kind'], string> = {
  start: 'stroke-slate-800 dark:stroke-slate-100',
  now: 'stroke-blue-600 dark:stroke-blue-300',
  end: 'stroke-slate-800 dark:stroke-slate-100',
  limit: 'stroke-orange-700 dark:stroke-orange-300',
  selected: 'stroke-blue-600 dark:stroke-blue-300',
};
const TEXT: Record<Guide['kind'], string> = {
  start: 'fill-slate-800 dark:fill-slate-100',
  now: 'fill-blue-800 dark:fill-blue-200',
  end: 'fill-slate-800 dark:fill-slate-100',
  limit: 'fill-orange-800 dark:fill-orange-200',
  selected: 'fill-blue-800 dark:fill-blue-200',
};
const DASH: Record<Guide['kind'], string | undefined> = { start: undefined, now: '4 3', end: undefined, limit: '6 3', selected: '2 2' };

/** Vertical lines for StartTime, the live edge, the end, the 72-hour limit and the selected change, labelled below. */
export function TimelineGuides({ guides, x, view, width }: { guides: readonly Guide[]; x: ScaleLinear<number, number>; view: ViewRange; width: number }) {
  return (
    <g aria-hidden="true">
      {guides.filter((g) => g.at >= view.from && g.at <= view.to).map((g) => {
        const gx = Math.min(Math.max(x(g.at), 1), width - 1);
        const anchor = gx > width - 60 ? 'end' : gx < 60 ? 'start' : 'middle';
        return (
          <g key={`${g.kind}-${g.at}`} data-guide={g.kind}>
            <line x1={gx} x2={gx} y1={AXIS_H} y2={CHART_H - 18} strokeWidth={g.kind === 'selected' ? 1.5 : 2} strokeDasharray={DASH[g.kind]} className={LINE[g.kind]} />
            {g.kind !== 'selected' && (
              <text x={gx} y={CHART_H - 5} textAnchor={anchor} fontSize={11} fontWeight={600} className={TEXT[g.kind]}>{g.label}</text>
            )}
          </g>
        );
      })}
    </g>
  );
}

/** The outline of the hovered or focused item. */
export function ActiveOutline({ from, to, row, x }: { from: number; to: number; row: keyof typeof ROW_Y; x: ScaleLinear<number, number> }) {
  const x0 = x(from);
  const w = Math.max(x(to) - x0, 0);
  const pad = row === 'markers' ? 9 : 1;
  return (
    <rect
      x={x0 - pad}
      y={ROW_Y[row] - 1}
      width={w + 2 * pad}
      height={ROW_H[row] + 2}
      fill="none"
      strokeWidth={2.5}
      className="stroke-blue-700 dark:stroke-blue-300"
      pointerEvents="none"
      data-testid="timeline-active"
    />
  );
}
