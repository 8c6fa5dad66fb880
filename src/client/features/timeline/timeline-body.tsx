import { useId, useMemo, useState } from 'react';
import type { ApiVersion } from '../../../shared/api-versions.ts';
import type { Timeline } from '../../../shared/timeline-lanes.ts';
import type { TaskEventsResponse } from '../../../shared/task-events-api.ts';
import type { TaskModel } from '../../../shared/task-model.ts';
import { useElementWidth } from '../../lib/use-element-width.ts';
import { useTimeMode } from '../../lib/time-setting.ts';
import { inferredSpans } from './inferred-spans.ts';
import type { DemoHistoryView } from './use-demo-history.ts';
import { markerInForceAt } from './layout-at.ts';
import { MarkerDetail, NoLayoutAt } from './marker-detail.tsx';
import { TimelineLegend } from './timeline-legend.tsx';
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
  /** The task's own StartTime and EndTime, as far as known. */
  times: { startTime: number | undefined; endTime: number | undefined };
  model: TaskModel;
  version: ApiVersion;
  now: number;
  /** What Volcengine reported by callback, once loaded. */
  reported?: TaskEventsResponse | undefined;
  /** The embedded simulator's past of the task, when the server runs it. */
  demo?: DemoHistoryView | undefined;
}

/** The drawn timeline and everything that hangs off it: toolbar, details, the selected change. */
export function TimelineBody({ timeline, times, model, version, now, reported, demo }: Props) {
  const helpId = useId();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const [mode] = useTimeMode();
  const text = useTimelineText(mode, now, timeline.life.from);
  const { t, locale } = text;
  const tv = useTimelineView(timeline, width - GUTTER - 8);
  const [hover, setHoverItem] = useState<ActiveItem | null>(null);
  // The moment under the pointer: which demo span the details speak of inside a long unknown span.
  const [hoverAt, setHoverAt] = useState<number | null>(null);
  const setHover = (item: ActiveItem | null, at?: number) => {
    setHoverItem(item);
    setHoverAt(item && at !== undefined ? at : null);
  };
  // Focus is kept as a moment in a row, so it survives zooming and new data.
  const [focus, setFocus] = useState<{ row: RowId; at: number } | null>(null);
  // A change picked on its marker, or any moment picked on a lane (then the change in force then).
  const [selection, setSelection] = useState<{ id: number | null; moment: number | null } | null>(null);
  const selectedId = selection?.id ?? null;

  const focusIndex = focus ? indexAt(tv.rows[focus.row], focus.at, Infinity, 0) : undefined;
  const focused: ActiveItem | null = focus && focusIndex !== undefined ? { row: focus.row, index: focusIndex } : null;
  const active = hover ?? focused;
  const activeItem = active ? (active.row === 'markers' ? tv.drawn.markers : tv.drawn[active.row])[active.index] : undefined;
  const selected = timeline.markers.find((m) => m.id === selectedId);

  const setFocusItem = (item: ActiveItem | null) => {
    const it = item && tv.rows[item.row][item.index];
    setFocus(item && it ? { row: item.row, at: (it.from + it.to) / 2 } : null);
  };
  /** `at`: the moment under the pointer; from the keyboard, the middle of the focused span. */
  const activate = (item: ActiveItem, at?: number) => {
    setFocusItem(item);
    if (item.row !== 'markers') {
      const span = tv.rows[item.row][item.index];
      const middle = at ?? (span ? (span.from + span.to) / 2 : undefined);
      const moment = middle === undefined ? undefined : Math.round(middle);
      if (moment !== undefined) setSelection({ id: markerInForceAt(timeline.markers, moment)?.id ?? null, moment });
      return;
    }
    const cluster = tv.drawn.markers[item.index];
    if (cluster === undefined) return;
    const only = cluster.markers.length === 1 ? cluster.markers[0] : undefined;
    if (only) setSelection({ id: only.id, moment: null });
    else tv.actions.focus(cluster.from, cluster.to);
  };
  const close = () => setSelection(null);
  const onKeyDown = timelineKeyHandler({ tv, active: focused, setActive: setFocusItem, activate, close });

  const plot = Math.max(1, width - GUTTER - 8);
  const ticks = axisTicks(tv.view, plot, mode, timeline.life.from);
  const demoLanes = demo?.lanes;
  const hasDemo = demoLanes !== undefined && (demoLanes.status.length > 0 || demoLanes.push.length > 0 || timeline.markers.some((m) => m.demo));
  // Where the simulator says what the task did, the run its times imply adds nothing; the moments
  // since its past was last read are left unknown rather than inferred.
  const inferred = useMemo(
    () => (hasDemo ? [] : inferredSpans(timeline.lanes.status, { ...times, status: model.status, now: timeline.life.to })),
    [timeline, times, model.status, hasDemo],
  );
  const final = text.value('status', model.status ?? null);
  // Room for the times beside the StartTime and end labels only when both fit under the chart.
  const roomy = plot >= 520;
  const at = (ms: number) => (roomy ? ` · ${text.instant(ms)}` : '');
  const guides: Guide[] = [
    ...(times.startTime !== undefined ? [{ at: times.startTime, kind: 'start' as const, label: `${t('timeline.startGuide')}${at(times.startTime)}` }] : []),
    timeline.life.ended ? { at: timeline.life.to, kind: 'end', label: `${final.glyph ?? ''} ${final.label}${at(timeline.life.to)}` } : { at: timeline.life.to, kind: 'now', label: t('timeline.now') },
    ...(timeline.queryLimitAt !== undefined ? [{ at: timeline.queryLimitAt, kind: 'limit' as const, label: t('timeline.limit72') }] : []),
    ...(selection && (selection.moment ?? selected?.at) !== undefined ? [{ at: selection.moment ?? selected?.at ?? 0, kind: 'selected' as const, label: '' }] : []),
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
            inferred={inferred}
            inferredLabel={`${text.value('status', 2).glyph ?? ''} ${t('timeline.inferredLabel')}`}
            demo={demoLanes}
            demoLabel={text.demoLabel}
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
      <TimelineLegend inferred={inferred.length > 0} demo={hasDemo} demoToggle={demo?.available ? { shown: demo.shown, set: demo.setShown } : undefined} />
      {reported && width > 0 && <ReportedFacts reported={reported} x={tv.x} view={tv.view} width={width} text={text} />}
      <p id={helpId} className={`text-xs ${MUTED_TEXT}`}>{t('timeline.keyboardHelp')}</p>
      <TimelineDetails active={active} item={activeItem} inferred={inferred} demo={demoLanes} moment={hover ? hoverAt : focus?.at ?? null} text={text} idle={t('timeline.selectHint')} />
      <StatusAnnouncer model={model} text={text} />
      {selected && <MarkerDetail key={`${selected.id}-${selection?.moment}`} marker={selected} moment={selection?.moment ?? undefined} version={version} text={text} onClose={close} />}
      {selection && selection.moment !== null && !selected && <NoLayoutAt moment={selection.moment} text={text} onClose={close} />}
    </div>
  );
}
