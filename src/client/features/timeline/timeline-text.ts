import { useTranslation } from 'react-i18next';
import type { DrawSegment } from '../../../shared/timeline-downsample.ts';
import type { ChangeMarker, LaneId } from '../../../shared/timeline-lanes.ts';
import type { DescribedEnum } from '../../../shared/volc-enums.ts';
import { useEnumLabel } from '../../i18n/use-enum-label.ts';
import { formatDuration } from '../../lib/time-format.ts';
import { formatInstant, type TimeMode } from '../../lib/time-setting.ts';

/** Words for what the timeline draws: lane values, spans, moments and markers. */
export function useTimelineText(mode: TimeMode, now: number, start: number) {
  const { t, i18n } = useTranslation();
  const enumLabel = useEnumLabel();
  const locale = i18n.language;
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });

  const value = (lane: LaneId, v: number | null): DescribedEnum => enumLabel(lane === 'status' ? 'taskStatus' : 'pushState', v ?? undefined);

  /** Relative mode on a timeline: the offset from the start, then how long ago. */
  const instant = (ms: number): string =>
    mode === 'relative'
      ? `${t('timeline.afterStart', { offset: formatDuration(ms - start, locale) })} · ${formatInstant(ms, mode, locale, now)}`
      : formatInstant(ms, mode, locale, now);

  const segmentTitle = (lane: LaneId, s: DrawSegment): string => {
    if (s.kind === 'state') {
      const d = value(lane, s.value);
      return `${d.glyph ?? ''} ${d.label}`.trim();
    }
    if (s.kind === 'unknown') return `? ${t('timeline.unknown')}: ${t(`timeline.reason.${s.reason}`)}`;
    const states = list.format([...s.values.map((v) => value(lane, v).label), ...(s.unknown ? [t('timeline.unknown')] : [])]);
    return t('timeline.mixed', { count: s.count, states });
  };

  const markerTitle = (m: ChangeMarker): string => {
    const fields = list.format(m.fields.map((f) => t(`timeline.fields.${f}`)));
    if (m.demo) return m.initial ? t('timeline.demo.markerInitial') : t('timeline.demo.markerChanged', { fields });
    return m.initial ? t('timeline.markerInitial') : t('timeline.markerChanged', { fields });
  };

  /** A span of demo history: "▶ Running · demo history". */
  const demoLabel = (lane: LaneId, v: number): string => {
    const d = value(lane, v);
    return t('timeline.demo.spanLabel', { state: `${d.glyph ?? ''} ${d.label}`.trim() });
  };

  return { t, locale, value, instant, duration: (ms: number) => formatDuration(ms, locale), segmentTitle, markerTitle, demoLabel };
}

export type TimelineText = ReturnType<typeof useTimelineText>;
