import type { WatchedTask } from '../../../shared/history-api.ts';
import type { Timeline } from '../../../shared/timeline-lanes.ts';
import type { TimelineText } from './timeline-text.ts';

/** One line of counts under the title: reconnects, configuration changes, watching, the 72-hour window. */
export function TimelineSummary({ timeline, watched, truncatedCount, now, text }: {
  timeline: Timeline;
  watched: WatchedTask | null;
  truncatedCount: number | undefined;
  now: number;
  text: TimelineText;
}) {
  const { t } = text;
  // A reconnect seen by one answer only has no measured length.
  const durations = timeline.reconnects.map((r) => r.to - r.from).filter((d) => d > 0);
  const total = durations.reduce((a, b) => a + b, 0);
  const changes = timeline.markers.filter((m) => !m.initial).length;
  const limit = timeline.queryLimitAt;
  const parts = [
    timeline.observed && (
      <span key="r" data-testid="reconnect-summary">
        <span aria-hidden="true">↻ </span>{t('timeline.reconnects', { count: timeline.reconnects.length })}
        {durations.length > 0 && ` (${t('timeline.reconnectTotal', { total: text.duration(total), longest: text.duration(Math.max(...durations)) })})`}
      </span>
    ),
    timeline.observed && <span key="c"><span aria-hidden="true">◆ </span>{t('timeline.changes', { count: changes })}</span>,
    watched && <span key="w">{t('timeline.watchedSince', { time: text.instant(watched.addedAt) })}</span>,
    truncatedCount !== undefined && <span key="t">{t('timeline.truncated', { count: truncatedCount })}</span>,
    limit !== undefined && (
      <span key="l">{limit < now ? t('timeline.pastWindow') : t('timeline.queryableUntil', { time: text.instant(limit) })}</span>
    ),
  ].filter(Boolean);
  return <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700 dark:text-slate-300">{parts}</p>;
}
