import { useEffect, useRef, useSyncExternalStore } from 'react';
import { createEventStream, type EventStream, type StreamState, type StreamSubscriber } from './event-stream.ts';

export type { StreamState } from './event-stream.ts';

let tabStream: EventStream | undefined;

/** The tab's one stream, made on first use (never on the server, which has no EventSource). */
function theTabStream(): EventStream {
  tabStream ??= createEventStream({ open: (url) => new EventSource(url) });
  return tabStream;
}

const supported = () => typeof EventSource !== 'undefined';
const noStream = (): (() => void) => () => undefined;
const cut = (): StreamState => 'cut';
const watchTab = (listener: () => void) => theTabStream().watchState(listener);
const tabState = () => theTabStream().state();

type Handlers = Pick<StreamSubscriber, 'onChange' | 'onCallback' | 'onStale'>;

/**
 * Pushed changes for what this view shows, over the tab's one stream. Returns the stream's state;
 * 'cut' (poll instead) when disabled, while rendered on the server, or where EventSource does not exist.
 */
export function useEventStream(what: { fleet?: boolean; keys?: readonly string[]; rooms?: readonly string[] }, handlers: Handlers, enabled = true): StreamState {
  const on = enabled && supported();
  const state = useSyncExternalStore(on ? watchTab : noStream, on ? tabState : cut, cut);
  // The latest handlers, without reopening the subscription each render.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const fleet = what.fleet === true;
  const keys = (what.keys ?? []).join(',');
  const rooms = (what.rooms ?? []).join(',');
  useEffect(() => {
    if (!on) return undefined;
    return theTabStream().subscribe({
      fleet,
      keys: keys === '' ? [] : keys.split(','),
      rooms: rooms === '' ? [] : rooms.split(','),
      onChange: (change) => latest.current.onChange?.(change),
      onCallback: (notice) => latest.current.onCallback?.(notice),
      onStale: () => latest.current.onStale?.(),
    });
  }, [on, fleet, keys, rooms]);
  return state;
}
