import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { buildTimeline } from '../../../shared/timeline-lanes.ts';
import { isFinished, type TaskModel } from '../../../shared/task-model.ts';
import type { TaskRef } from '../../../shared/task-ref.ts';
import { useLiveSetting } from '../../lib/live-setting.ts';
import { taskStreamKeys } from '../../lib/event-stream.ts';
import { useEventStream } from '../../lib/use-event-stream.ts';
import { historyQueries } from './timeline-queries.ts';

/**
 * The task's history from the server, polled at the user's pace while there can be more of it
 * (and read again as soon as the tab's event stream tells of a change),
 * and the timeline built from it and from the task's own StartTime and EndTime.
 */
export function useTimelineData(taskRef: TaskRef, model: TaskModel) {
  const [live] = useLiveSetting();
  const options = historyQueries.task(taskRef);
  // Ended, and the watcher has made its last fetch (or nobody watches): nothing more will come.
  const complete = (watched: { nextPollAt: number | null } | null | undefined) => isFinished(model) && (watched == null || watched.nextPollAt === null);
  const history = useQuery({
    ...options,
    refetchInterval: (q) => (live.paused || complete(q.state.data?.watched) ? false : live.intervalMs),
  });
  // What the server records or hears about the task is read at once, not at the next poll.
  const client = useQueryClient();
  const reread = () => void client.invalidateQueries({ queryKey: options.queryKey });
  useEventStream({ keys: taskStreamKeys(taskRef) }, { onChange: reread, onCallback: reread, onStale: reread }, !live.paused);
  const data = history.data;
  const built = useMemo(() => {
    if (data === undefined) return undefined;
    const startTime = model.startTime ?? data.watched?.startTime ?? undefined;
    // The task's EndTime; else, when the lanes already saw the end, the first ended observation's.
    const endTime = model.endTime ?? data.observations.find((o) => o.endTime !== null)?.endTime ?? undefined;
    const timeline = buildTimeline({
      observations: data.observations,
      baseline: data.baseline,
      truncated: data.truncated,
      startTime,
      endTime,
      now: data.now,
    });
    return { timeline, times: { startTime, endTime } };
  }, [data, model.startTime, model.endTime]);
  return { history, timeline: built?.timeline, times: built?.times, complete: data !== undefined && complete(data.watched) };
}
