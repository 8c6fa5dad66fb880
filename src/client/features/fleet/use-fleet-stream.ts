import { useQueryClient } from '@tanstack/react-query';
import { useEventStream, type StreamState } from '../../lib/use-event-stream.ts';
import { fleetQueries, pushFleetChange } from './fleet-queries.ts';

/**
 * The fleet over the tab's event stream while the page is open: each pushed row updates the list
 * in place; anything that may have been missed refetches it. While the stream is cut the page polls.
 */
export function useFleetStream(enabled: boolean): StreamState {
  const client = useQueryClient();
  return useEventStream({ fleet: true }, {
    onChange: (change) => pushFleetChange(client, change),
    onStale: () => void client.invalidateQueries({ queryKey: fleetQueries.all() }),
  }, enabled);
}
