import type { CallbackNotice } from '../../shared/fleet-api.ts';

/**
 * What changed, told once per change to whoever listens in this process: the SSE hub. Messages
 * are small and JSON-safe, so a bus over PostgreSQL LISTEN/NOTIFY can carry them between replicas
 * behind the same interface (each replica's hub then hears the watcher of another).
 */
export type BusMessage =
  | { type: 'task-changed'; key: string }
  | { type: 'callback'; notice: CallbackNotice };

export interface EventBus {
  publish(message: BusMessage): void;
  /** Returns the unsubscribe. */
  subscribe(listener: (message: BusMessage) => void): () => void;
}

/** One process: listeners are called synchronously; one that throws does not stop the others. */
export function createLocalEventBus(onListenerError: (err: unknown) => void = () => undefined): EventBus {
  const listeners = new Set<(message: BusMessage) => void>();
  return {
    publish(message) {
      for (const listener of [...listeners]) {
        try {
          listener(message);
        } catch (err) {
          onListenerError(err);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
