import { useId, useState } from 'react';
import type { ApiVersion } from '../../../shared/api-versions.ts';
import type { Timeline } from '../../../shared/timeline-lanes.ts';
import type { TaskEventsResponse } from '../../../shared/task-events-api.ts';
import type { TaskModel } from '../../../shared/task-model.ts';
import { useElementWidth } from '../../lib/use-element-width.ts';
import { useTimeMode } from '../../lib/time-setting.ts';
import { MarkerDetail } from './marker-detail.tsx';
import { ReportedFacts } from './reported-facts.tsx';
import { StatusAnnouncer } from './status-announcer.tsx';
import { TimelineChart } from './timeline-chart.tsx';
import { TimelineDetails } from './timeline-details.tsx';
import { GUTTER, indexAt, type ActiveItem, type RowId } from './timeline-geometry.ts';
import type { Guide } from './timeline-guides.tsx';
import { axisTicks, tickFormatter } from './timeline-scale.ts';
import { useTimelineText } from './timeline-text.ts';
import { TimelineToolbar } from './timeline-toolbar.tsx';
import { timelineKeyHandler } from './use-timeline-keys.ts';
import { useTimelineView } from './use-timeline-view.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

interface Props {
  timeline: Timeline;
  model: TaskModel;
  version: ApiVersion;
  now: number;
  /** What Volcengine reported by callback, once loaded. */
  reported?: TaskEventsResponse | undefined;
}

/** The drawn timeline and everything that hangs off it: toolbar, details, the selected change. */
export function TimelineBody({ timeline, model, version, now, reported }: Props) {
  const helpId = useId();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const [mode] = useTimeMode();
  const text = useTimelineText(mode, now, timeline.life.from);
  const { t, locale } = text;
  const tv = useTimelineView(timeline, width - GUTTER - 8);
  const [hover, setHover] = useState<ActiveItem | null>(null);
  // Focus is kept as a moment in a row, so it survives zooming and new data.
  const [focus, setFocus] = useState<{ row: RowId; at: number } | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);

  const focusIndex = focus ? indexAt(tv.rows[focus.row], focus.at, Infinity, 0) : undefined;
  const focused: ActiveItem | null = focus && focusIndex !== undefined ? { row: focus.row, index: focusIndex } : null;
  const active = hover ?? focused;
  const activeItem = active ? (active.row === 'markers' ? tv.drawn.markers : tv.drawn[active.row])[active.index] : undefined;
  const selected = timeline.markers.find((m) => m.id === selectedId);

  const setFocusItem = (item: ActiveItem | null) => {
    const it = item && tv.rows[item.row][item.index];
    setFocus(item && it ? { row: item.row, at: (it.from + it.to) / 2 } : null);
  };
  const activate = (item: ActiveItem) => {
    setFocusItem(item);
    const cluster = item.row === 'markers' ? tv.drawn.markers[item.index] : undefined;
    if (cluster === undefined) return;
    const only = cluster.markers.length === 1 ? cluster.markers[0] : undefined;
    if (only) setSelectedId(only.id);
    else tv.actions.focus(cluster.from, cluster.to);
  };
  const onKeyDown = timelineKeyHandler({ tv, active: focused, setActive: setFocusItem, activate, close: () => setSelectedId(null) });

  const plot = Math.max(1, width - GUTTER - 8);
  const ticks = axisTicks(tv.view, plot, mode, timeline.life.from);
  const final = text.value('status', model.status ?? null);
  const guides: Guide[] = [
    timeline.life.ended ? { at: timeline.life.to, kind: 'end', label: `${final.glyph ?? ''} ${final.label}` } : { at: timeline.life.to, kind: 'now', label: t('timeline.now') },
    ...(timeline.queryLimitAt !== undefined ? [{ at: timeline.queryLimitAt, kind: 'limit' as const, label: t('timeline.limit72') }] : []),
    ...(selected ? [{ at: selected.at, kind: 'selected' as const, label: '' }] : []),
  ];

  return (
    <div className="space-y-2">
      <TimelineToolbar tv={tv} />
      <div ref={ref} className="w-full">
        {width > 0 && (
          <TimelineChart
            tv={tv}
            width={width}
            ticks={ticks}
            tickFormat={tickFormatter(ticks, mode, locale, timeline.life.from)}
            guides={guides}
            rowLabels={{ status: t('timeline.lanes.status'), push: t('timeline.lanes.push'), markers: t('timeline.lanes.markers') }}
            active={active}
            selectedId={selectedId}
            label={t('timeline.chartLabel')}
            helpId={helpId}
            onHover={setHover}
            onActivate={activate}
            onKeyDown={onKeyDown}
          />
        )}
      </div>
      {reported && width > 0 && <ReportedFacts reported={reported} x={tv.x} view={tv.view} width={width} text={text} />}
      <p id={helpId} className={`text-xs ${MUTED_TEXT}`}>{t('timeline.keyboardHelp')}</p>
      <TimelineDetails active={active} item={activeItem} text={text} idle={t('timeline.selectHint')} />
      <StatusAnnouncer model={model} text={text} />
      {selected && <MarkerDetail key={selected.id} marker={selected} version={version} text={text} onClose={() => setSelectedId(null)} />}
    </div>
  );
}
