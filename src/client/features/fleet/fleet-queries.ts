import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { FleetResponseSchema, fleetPaths, type FleetChange, type FleetResponse } from '../../../shared/fleet-api.ts';
import { getJson } from '../../lib/api-client.ts';

/** The whole fleet, unfiltered: filters, counters and sorts run in the browser on live data. */
export const fleetQueries = {
  all: () => ['fleet'] as const,
  list: () =>
    queryOptions({
      queryKey: [...fleetQueries.all(), 'list'],
      queryFn: ({ signal }) => getJson(fleetPaths.tasks, FleetResponseSchema, signal),
      retry: 1,
    }),
};

/** A pushed row replaces its old self (or joins, or leaves): no refetch needed. */
export function applyFleetChange(data: FleetResponse | undefined, change: FleetChange): FleetResponse | undefined {
  if (data === undefined) return data;
  const others = data.tasks.filter((t) => t.key !== change.key);
  const tasks = change.task === null ? others : [...others, change.task];
  return { ...data, tasks, total: tasks.length };
}

export function pushFleetChange(client: QueryClient, change: FleetChange): void {
  client.setQueryData(fleetQueries.list().queryKey, (data) => applyFleetChange(data, change));
}
