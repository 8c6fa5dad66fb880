import { memo } from 'react';
import type { ScaleLinear } from 'd3-scale';
import { useTranslation } from 'react-i18next';
import type { DrawSegment } from '../../../shared/timeline-downsample.ts';
import type { LaneId } from '../../../shared/timeline-lanes.ts';
import { useEnumLabel } from '../../i18n/use-enum-label.ts';
import { paintLane } from './lane-paint.ts';
import { TEXT_FILL } from './lane-style.ts';
import { ROW_H, ROW_Y } from './timeline-geometry.ts';

interface Props {
  lane: LaneId;
  segments: readonly DrawSegment[];
  x: ScaleLinear<number, number>;
  hatchId: string;
  mixId: string;
  stripesId: string;
}

/** One lane's spans: known states in their tone with glyph and words, unknown hatched, dense stretches as stacked bars. */
export const TimelineLane = memo(function TimelineLane({ lane, segments, x, hatchId, mixId, stripesId }: Props) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const y = ROW_Y[lane];
  const h = ROW_H[lane];
  const { wide, batches } = paintLane(segments, { x, y, h }, (v) => enumLabel(lane === 'status' ? 'taskStatus' : 'pushState', v ?? undefined), t('timeline.unknown'));
  const hatch = `url(#${hatchId})`;
  const patterns: Record<string, string> = { hatch, stripes: `url(#${stripesId})` };
  return (
    <g data-lane={lane}>
      {batches.map((b) => (
        <path key={b.fill} d={b.d} data-batch={b.fill} {...(patterns[b.fill] ? { fill: patterns[b.fill] } : { className: b.fill })} />
      ))}
      {wide.map((s) => (
        <g key={s.key} {...s.attrs}>
          {s.fill === undefined
            ? <rect x={s.x} y={y} width={s.w} height={h} fill={hatch} className="stroke-slate-400 dark:stroke-slate-500" strokeWidth={0.5} />
            : <rect x={s.x} y={y} width={s.w} height={h} className={s.fill} />}
          {s.overlay && <rect x={s.x} y={y + h - s.overlay.height} width={s.w} height={s.overlay.height} className={s.overlay.fill} />}
          {s.striped && <rect x={s.x} y={y} width={s.w} height={h} fill={patterns.stripes} />}
          {s.mixed && <rect x={s.x} y={y} width={s.w} height={h} fill={`url(#${mixId})`} />}
          {s.text && (
            <text x={s.x + 5} y={y + h / 2} dominantBaseline="central" fontSize={12} className={TEXT_FILL} pointerEvents="none">
              {s.text}
            </text>
          )}
        </g>
      ))}
    </g>
  );
});
