import { memo } from 'react';
import type { ScaleLinear } from 'd3-scale';
import type { LaneId } from '../../../shared/timeline-lanes.ts';
import { useEnumLabel } from '../../i18n/use-enum-label.ts';
import type { DemoLanes } from './demo-spans.ts';
import { TEXT_FILL, textWidth, TONE_FILL } from './lane-style.ts';
import { ROW_H, ROW_Y } from './timeline-geometry.ts';

interface Props {
  lanes: DemoLanes;
  x: ScaleLinear<number, number>;
  /** The pattern that marks demo history (thin teal lines across a paler state colour). */
  patternId: string;
  /** "▶ Running · demo history" in the reader's language. */
  label: (lane: LaneId, value: number) => string;
}

const LANES: LaneId[] = ['status', 'push'];

/**
 * The simulator's past of a demo task, laid over the unknown time of each lane: the state's own
 * colour, paler, under teal lines and a dashed teal edge, so it reads as the state it was and
 * never as observed, inferred or unknown time.
 */
export const DemoLayer = memo(function DemoLayer({ lanes, x, patternId, label }: Props) {
  const enumLabel = useEnumLabel();
  const [from, to] = x.domain() as [number, number];
  return (
    <g data-layer="demo" pointerEvents="none">
      {LANES.map((lane) => {
        const y = ROW_Y[lane];
        const h = ROW_H[lane];
        return lanes[lane].filter((s) => s.to >= from && s.from <= to).map((s) => {
          const x0 = x(s.from);
          const w = Math.max(1, x(s.to) - x0);
          const tone = enumLabel(lane === 'status' ? 'taskStatus' : 'pushState', s.value).tone ?? 'neutral';
          const text = label(lane, s.value);
          const shown = w >= textWidth(text) + 10 ? text : '';
          return (
            <g key={`${lane}-${s.from}`} data-testid="demo-span" data-lane={lane} data-value={s.value} data-from={s.from} data-to={s.to}>
              <rect x={x0} y={y} width={w} height={h} className="fill-white dark:fill-slate-900" />
              <rect x={x0} y={y} width={w} height={h} opacity={0.7} className={TONE_FILL[tone]} />
              <rect x={x0} y={y} width={w} height={h} fill={`url(#${patternId})`} />
              {w > 3 && <rect x={x0 + 0.75} y={y + 0.75} width={w - 1.5} height={h - 1.5} fill="none" strokeWidth={1.5} strokeDasharray="2 2" className="stroke-teal-700 dark:stroke-teal-300" />}
              {shown && (
                <text x={x0 + 6} y={y + h / 2} dominantBaseline="central" fontSize={12} className={TEXT_FILL}>
                  {shown}
                </text>
              )}
            </g>
          );
        });
      })}
    </g>
  );
});
