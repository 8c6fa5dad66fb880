import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CallbackNotice } from '../../../shared/fleet-api.ts';
import { taskIdentityKey, type TaskRef } from '../../../shared/task-ref.ts';
import { taskStreamKeys } from '../../lib/event-stream.ts';
import { useEventStream, type StreamState } from '../../lib/use-event-stream.ts';
import { taskQueries } from './task-queries.ts';
import { newerReport } from './reported-stop.ts';

/**
 * The task page over the tab's event stream: a pushed change or a callback about this task asks
 * for the task again at once, instead of at the next poll; the newest Transcode* report is kept so
 * the page can show a stop before an answer confirms it.
 */
export function useTaskStream(taskRef: TaskRef, enabled: boolean): { stream: StreamState; newestReport: CallbackNotice | undefined } {
  const client = useQueryClient();
  const keys = taskStreamKeys(taskRef);
  const own = taskIdentityKey(taskRef);
  const [report, setReport] = useState<{ key: string; notice: CallbackNotice }>();
  const refetch = () => void client.invalidateQueries({ queryKey: taskQueries.detail(taskRef).queryKey });
  const stream = useEventStream({ keys }, {
    onChange: refetch,
    onStale: refetch,
    onCallback: (notice) => {
      setReport((prev) => {
        // Kept per task: the page may have moved on to another one.
        const next = newerReport(prev !== undefined && prev.key === own ? prev.notice : undefined, notice);
        return next === undefined ? undefined : { key: own, notice: next };
      });
      refetch();
    },
  }, enabled);
  return { stream, newestReport: report !== undefined && report.key === own ? report.notice : undefined };
}
