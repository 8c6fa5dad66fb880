import { memo } from 'react';
import type { ScaleLinear } from 'd3-scale';
import type { InferredSpan } from './inferred-spans.ts';
import { textWidth } from './lane-style.ts';
import { ROW_H, ROW_Y } from './timeline-geometry.ts';

interface Props {
  spans: readonly InferredSpan[];
  x: ScaleLinear<number, number>;
  dotsId: string;
  /** "▶ Running (inferred)" in the reader's language. */
  label: string;
}

/**
 * Status time the task's StartTime and EndTime imply but nobody observed: laid over the unknown
 * hatch in a dotted, dashed-edged style of its own, so it never reads as an observed span.
 */
export const InferredLayer = memo(function InferredLayer({ spans, x, dotsId, label }: Props) {
  const y = ROW_Y.status;
  const h = ROW_H.status;
  return (
    <g data-layer="inferred" pointerEvents="none">
      {spans.map((s) => {
        const x0 = x(s.from);
        const w = Math.max(1, x(s.to) - x0);
        const text = w >= textWidth(label) + 10 ? label : '';
        return (
          <g key={s.from} data-testid="inferred-span" data-from={s.from} data-to={s.to} data-value={s.value}>
            <rect x={x0} y={y} width={w} height={h} className="fill-white dark:fill-slate-900" />
            <rect x={x0} y={y} width={w} height={h} fill={`url(#${dotsId})`} />
            <rect x={x0 + 0.75} y={y + 0.75} width={Math.max(0, w - 1.5)} height={h - 1.5} fill="none" strokeWidth={1.5} strokeDasharray="5 3" className="stroke-sky-700 dark:stroke-sky-300" />
            {text && (
              <text x={x0 + 6} y={y + h / 2} dominantBaseline="central" fontSize={12} fontStyle="italic" className="fill-slate-900 dark:fill-slate-50">
                {text}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
});
