import { memo } from 'react';
import type { ScaleLinear } from 'd3-scale';
import type { MarkerCluster } from '../../../shared/timeline-downsample.ts';
import { ROW_H, ROW_Y } from './timeline-geometry.ts';

interface Props {
  clusters: readonly MarkerCluster[];
  x: ScaleLinear<number, number>;
  selectedId: number | null;
}

const MID = ROW_Y.markers + ROW_H.markers / 2;
const R = 7;

/** Configuration changes as diamonds; changes too close to tell apart as one pill with a count. */
export const TimelineMarkers = memo(function TimelineMarkers({ clusters, x, selectedId }: Props) {
  return (
    <g data-lane="markers">
      {clusters.map((c) => {
        const first = c.markers[0];
        if (first === undefined) return null;
        const selected = c.markers.some((m) => m.id === selectedId);
        // Demo history: teal with a dashed edge, as its spans are.
        const demo = c.markers.every((m) => m.demo);
        const tone = selected
          ? 'fill-blue-600 stroke-blue-900 dark:fill-blue-400 dark:stroke-blue-100'
          : demo
            ? 'fill-teal-100 stroke-teal-800 dark:fill-teal-900 dark:stroke-teal-200'
          : first.initial && c.markers.length === 1
            ? 'fill-white stroke-slate-700 dark:fill-slate-900 dark:stroke-slate-200'
            : 'fill-violet-300 stroke-violet-900 dark:fill-violet-700 dark:stroke-violet-100';
        const common = {
          'data-testid': 'change-marker',
          'data-marker-ids': c.markers.map((m) => m.id).join(','),
          'data-fields': [...new Set(c.markers.flatMap((m) => m.fields))].join(','),
          'data-initial': String(first.initial),
          'data-selected': String(selected),
          'data-origin': demo ? 'demo' : 'observed',
          ...(demo ? { strokeDasharray: '2.5 1.5' } : {}),
        };
        if (c.markers.length === 1) {
          const cx = x(first.at);
          return (
            <path key={first.id} {...common} d={`M${cx},${MID - R} L${cx + R},${MID} L${cx},${MID + R} L${cx - R},${MID} Z`} strokeWidth={1.5} className={tone} />
          );
        }
        const x0 = x(c.from) - R;
        const w = Math.max(2 * R + 6 * (String(c.markers.length).length - 1), x(c.to) - x(c.from) + 2 * R);
        return (
          <g key={first.id} {...common}>
            <rect x={x0} y={MID - R} width={w} height={2 * R} rx={R} strokeWidth={1.5} className={tone} />
            <text x={x0 + w / 2} y={MID} textAnchor="middle" dominantBaseline="central" fontSize={10} fontWeight={600} pointerEvents="none" className="fill-slate-900 dark:fill-white">
              {c.markers.length}
            </text>
          </g>
        );
      })}
    </g>
  );
});
