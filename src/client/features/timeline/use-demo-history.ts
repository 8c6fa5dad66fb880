import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { demoHistoryPath, DemoHistoryResponseSchema } from '../../../shared/demo-history-api.ts';
import type { Timeline } from '../../../shared/timeline-lanes.ts';
import { taskRefKey, taskRefToSearch, type TaskRef } from '../../../shared/task-ref.ts';
import { getJson } from '../../lib/api-client.ts';
import { configQueries } from '../../lib/config-queries.ts';
import { useLiveSetting } from '../../lib/live-setting.ts';
import { storedSetting, useStoredSetting } from '../../lib/stored-setting.ts';
import { demoLane, demoMarkers, onUnknown, type DemoLanes } from './demo-spans.ts';

/** Whether the timeline draws the simulator's demo history: shown unless the reader hid it, remembered. */
export const demoHistorySetting = storedSetting<'shown' | 'hidden'>('mixscope.demoHistory', (raw) => (raw === 'hidden' ? 'hidden' : 'shown'), (v) => v);

export const demoHistoryQueries = {
  task: (ref: TaskRef) =>
    queryOptions({
      queryKey: ['demo-history', taskRefKey(ref)],
      queryFn: ({ signal }) => getJson(`${demoHistoryPath}?${new URLSearchParams(taskRefToSearch(ref))}`, DemoHistoryResponseSchema, signal),
      staleTime: Infinity,
      retry: 1,
    }),
};

/**
 * The timeline with the embedded simulator's past of the task laid in (only on a server that runs
 * it): demo spans per lane where nothing was observed, demo changes before the first observed one.
 * `available`: the server has demo history for this task, shown or not.
 */
export function useDemoHistory(ref: TaskRef, timeline: Timeline | undefined) {
  const [setting, setSetting] = useStoredSetting(demoHistorySetting);
  const [live] = useLiveSetting();
  const config = useQuery(configQueries.server()).data;
  const onSimulator = config?.upstream === 'simulator';
  // Read again at the page's pace while the task lives, so the past reaches up to now.
  const ended = timeline?.life.ended ?? false;
  const demo = useQuery({
    ...demoHistoryQueries.task(ref),
    enabled: onSimulator && setting === 'shown',
    refetchInterval: live.paused || ended ? false : live.intervalMs,
  }).data;
  const merged = useMemo((): { timeline: Timeline | undefined; lanes: DemoLanes | undefined } => {
    if (timeline === undefined || demo === undefined || demo.steps.length === 0 || setting !== 'shown') return { timeline, lanes: undefined };
    const lanes = { status: onUnknown(demoLane(demo, 'status'), timeline.lanes.status), push: onUnknown(demoLane(demo, 'push'), timeline.lanes.push) };
    const markers = [...demoMarkers(demo, timeline.markers[0]?.at), ...timeline.markers].sort((a, b) => a.at - b.at);
    return { timeline: { ...timeline, markers }, lanes };
  }, [timeline, demo, setting]);
  return { ...merged, available: onSimulator, shown: setting === 'shown', setShown: (shown: boolean) => setSetting(shown ? 'shown' : 'hidden') };
}

export type DemoHistoryView = ReturnType<typeof useDemoHistory>;
