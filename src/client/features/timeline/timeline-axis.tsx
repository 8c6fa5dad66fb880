import type { ScaleLinear } from 'd3-scale';
import { AXIS_H, CHART_H } from './timeline-geometry.ts';

interface Props {
  ticks: readonly number[];
  format: (ms: number) => string;
  x: ScaleLinear<number, number>;
  width: number;
}

/** Time along the top, with faint grid lines down through the lanes. */
export function TimelineAxis({ ticks, format, x, width }: Props) {
  return (
    <g aria-hidden="true">
      <line x1={0} x2={width} y1={AXIS_H} y2={AXIS_H} className="stroke-slate-300 dark:stroke-slate-600" />
      {ticks.map((t) => {
        const tx = x(t);
        return (
          <g key={t}>
            <line x1={tx} x2={tx} y1={AXIS_H - 4} y2={CHART_H - 22} className="stroke-slate-200 dark:stroke-slate-700" strokeDasharray="2 3" />
            <text x={tx} y={AXIS_H - 8} textAnchor={tx < 30 ? 'start' : tx > width - 30 ? 'end' : 'middle'} fontSize={11} className="fill-slate-600 dark:fill-slate-300">
              {format(t)}
            </text>
          </g>
        );
      })}
    </g>
  );
}
