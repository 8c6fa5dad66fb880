import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FleetChangeSchema, fleetPaths } from '../../../shared/fleet-api.ts';
import { fleetQueries, pushFleetChange } from './fleet-queries.ts';

export type StreamState = 'connecting' | 'open' | 'cut';

/**
 * GET /api/events?fleet=1 while the page is open: each pushed row updates the list in place. The
 * browser's EventSource reconnects by itself with Last-Event-ID; a `reset` (too much was missed)
 * refetches the list. While the stream is cut the page polls instead.
 */
export function useFleetStream(enabled: boolean): StreamState {
  const client = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  const supported = typeof EventSource !== 'undefined';
  useEffect(() => {
    if (!enabled || !supported) return undefined;
    const source = new EventSource(`${fleetPaths.events}?fleet=1`);
    const refetch = () => void client.invalidateQueries({ queryKey: fleetQueries.all() });
    let wasCut = false;
    source.onopen = () => {
      setState('open');
      // Polling filled the gap while it was cut; one fetch makes sure nothing fell between.
      if (wasCut) refetch();
      wasCut = false;
    };
    source.onerror = () => {
      wasCut = true;
      setState('cut');
    };
    source.addEventListener('fleet', (e) => {
      const parsed = FleetChangeSchema.safeParse(JSON.parse((e as MessageEvent<string>).data));
      if (parsed.success) pushFleetChange(client, parsed.data);
      else refetch();
    });
    source.addEventListener('reset', refetch);
    return () => {
      source.close();
      setState('connecting');
    };
  }, [client, enabled, supported]);
  return enabled && supported ? state : 'cut';
}
