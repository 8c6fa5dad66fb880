import type { ScaleLinear } from 'd3-scale';
import { AXIS_H, CHART_H } from './timeline-geometry.ts';

interface Props {
  ticks: readonly number[];
  format: (ms: number) => string;
  x: ScaleLinear<number, number>;
  width: number;
}

const EDGE = 34;

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
            {/* Centred on its tick; a label that would spill past either end is left out, not shifted onto its neighbour. */}
            {tx >= EDGE && tx <= width - EDGE && (
              <text x={tx} y={AXIS_H - 8} textAnchor="middle" fontSize={11} className="fill-slate-600 dark:fill-slate-300">
                {format(t)}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
