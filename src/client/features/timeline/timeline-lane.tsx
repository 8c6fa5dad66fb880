import { memo } from 'react';
import type { ScaleLinear } from 'd3-scale';
import type { DrawSegment } from '../../../shared/timeline-downsample.ts';
import type { LaneId } from '../../../shared/timeline-lanes.ts';
import { useTranslation } from 'react-i18next';
import { useEnumLabel } from '../../i18n/use-enum-label.ts';
import { ROW_H, ROW_Y } from './timeline-geometry.ts';
import { TEXT_FILL, textWidth, TONE_FILL, worstTone } from './lane-style.ts';

interface Props {
  lane: LaneId;
  segments: readonly DrawSegment[];
  x: ScaleLinear<number, number>;
  hatchId: string;
  mixId: string;
}

/** One lane's spans: known states in their tone with glyph and words, unknown hatched, mixed striped. */
export const TimelineLane = memo(function TimelineLane({ lane, segments, x, hatchId, mixId }: Props) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const describe = (v: number | null) => enumLabel(lane === 'status' ? 'taskStatus' : 'pushState', v ?? undefined);
  const y = ROW_Y[lane];
  const h = ROW_H[lane];
  return (
    <g data-lane={lane}>
      {segments.map((s) => {
        // An instant (seen by one answer) gets 2 px around its moment.
        const x0 = s.from === s.to ? x(s.from) - 1 : x(s.from);
        const w = Math.max(s.from === s.to ? 2 : 1, x(s.to) - x0);
        let fill: string;
        let label: string;
        let glyph: string;
        let attrs: Record<string, string>;
        if (s.kind === 'state') {
          const d = describe(s.value);
          fill = TONE_FILL[d.tone ?? 'neutral'];
          glyph = d.glyph ?? '';
          label = d.label;
          attrs = { 'data-kind': 'state', 'data-value': String(s.value ?? '') };
        } else if (s.kind === 'unknown') {
          fill = '';
          glyph = '?';
          label = t('timeline.unknown');
          attrs = { 'data-kind': 'unknown', 'data-reason': s.reason };
        } else {
          fill = TONE_FILL[worstTone(s.values.map((v) => describe(v).tone ?? 'neutral'))];
          glyph = '≋';
          label = s.values.map((v) => describe(v).glyph ?? '').join('');
          attrs = { 'data-kind': 'mixed', 'data-values': s.values.join(',') };
        }
        const text = w >= textWidth(`${glyph} ${label}`) + 10 ? `${glyph} ${label}` : w >= 16 ? glyph : '';
        return (
          <g key={s.from} {...attrs} data-from={s.from} data-to={s.to}>
            {s.kind === 'unknown' ? (
              <rect x={x0} y={y} width={w} height={h} fill={`url(#${hatchId})`} className="stroke-slate-400 dark:stroke-slate-500" strokeWidth={0.5} />
            ) : (
              <rect x={x0} y={y} width={w} height={h} className={fill} />
            )}
            {s.kind === 'mixed' && <rect x={x0} y={y} width={w} height={h} fill={`url(#${mixId})`} />}
            {text && (
              <text x={x0 + 5} y={y + h / 2} dominantBaseline="central" fontSize={12} className={TEXT_FILL} pointerEvents="none">
                {text}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
});
