import { PRESENCE_EVENTS, TRANSCODE_EVENTS, parseEventData, type CallbackOutcome } from '../../shared/callback-api.ts';
import { DEFAULT_API_VERSION } from '../../shared/api-versions.ts';
import { taskIdentityKey, type TaskRef } from '../../shared/task-ref.ts';
import type { ReportedState } from '../history/history-store.ts';
import type { Logger } from '../logger.ts';
import { AppIdNotAllowedError } from '../security/app-id-allow-list.ts';
import type { CallbackStore, PendingCallbackEvent, ProcessedMark } from './callback-store.ts';

/**
 * Applies stored callbacks after they were acknowledged: a Transcode* event puts the task it
 * names on the watch list (the watcher then asks GetPushMixedStreamToCDNTask for the authoritative
 * state) and, when its EventData carries a Status or PushStreamState, shows that on the task's row
 * at once, before the next poll confirms it; a join or leave becomes a presence fact of its room. Events are applied oldest EventTime
 * first, so a late one takes its place; one that names no task stays stored as "unattributed".
 */

export interface CallbackProcessorDeps {
  store: Pick<CallbackStore, 'pending' | 'markProcessedMany' | 'addPresence'>;
  /** Adds a task to the watch list; undefined when MIXSCOPE_CALLBACK_WATCH=0. */
  watch: ((ref: TaskRef, opts: { label: string }) => Promise<unknown>) | undefined;
  /** Shows a reported state on a watched task's row (HistoryStore.report). */
  report?: (key: string, state: ReportedState, eventTime: number) => Promise<unknown>;
  now: () => number;
  logger: Logger;
  onApplied?: (outcome: CallbackOutcome) => void;
  /** Told after each event is applied, with the ids it names: the fleet's live screens hear of it. */
  onEvent?: (event: { eventId: string; eventType: string; eventTime: number; appId: string; roomId?: string | undefined; taskId?: string | undefined }) => void;
}

export interface CallbackProcessor {
  /** Applies whatever is pending, now or right after the pass already running. */
  kick(): void;
  /** Resolves when no pass is running (tests, shutdown). */
  idle(): Promise<void>;
}

/** The label of watch-list entries a callback added. */
export const CALLBACK_WATCH_LABEL = 'callback';
/** Small enough that one batch holds the event loop only briefly: acknowledgements wait behind it. */
const BATCH = 50;
const isTranscode = (t: string) => (TRANSCODE_EVENTS as readonly string[]).includes(t);
const isPresence = (t: string) => (PRESENCE_EVENTS as readonly string[]).includes(t);

export function createCallbackProcessor(deps: CallbackProcessorDeps): CallbackProcessor {
  const { store, logger } = deps;
  let running: Promise<void> | undefined;
  let again = false;

  /** Applies one event; the ids it names and its outcome are marked with the rest of its batch. */
  async function apply(event: PendingCallbackEvent, watchedNow: Set<string>): Promise<{ mark: ProcessedMark; roomId?: string | undefined; taskId?: string | undefined }> {
    let eventData = '';
    try {
      const envelope = JSON.parse(event.envelope) as { EventData?: unknown };
      if (typeof envelope.EventData === 'string') eventData = envelope.EventData;
    } catch {
      // Stored only after it parsed; a damaged row is kept and counted as unattributed.
    }
    const { facts } = parseEventData(eventData);
    const ids = { roomId: facts.roomId, taskId: facts.taskId, userId: facts.userId };
    let outcome: CallbackOutcome = 'stored';
    if (isTranscode(event.eventType)) {
      if (facts.roomId === undefined || facts.taskId === undefined) outcome = 'unattributed';
      else if (deps.watch === undefined) outcome = 'watch-off';
      else {
        const ref = { version: DEFAULT_API_VERSION, appId: event.appId, roomId: facts.roomId, taskId: facts.taskId };
        const key = taskIdentityKey(ref);
        // A task's start, update and state change often come together: one watch per batch does.
        if (watchedNow.has(key)) outcome = 'watched';
        else {
          try {
            await deps.watch(ref, { label: CALLBACK_WATCH_LABEL });
            watchedNow.add(key);
            outcome = 'watched';
          } catch (err) {
            if (!(err instanceof AppIdNotAllowedError)) throw err;
            outcome = 'refused';
          }
        }
        const { status, pushStreamState, stopReason } = facts;
        if (outcome === 'watched' && (status !== undefined || pushStreamState !== undefined)) {
          await deps.report?.(key, { status, pushStreamState, stopReason }, event.eventTime);
        }
      }
    } else if (isPresence(event.eventType)) {
      if (facts.roomId === undefined || facts.userId === undefined) outcome = 'unattributed';
      else {
        await store.addPresence({
          eventId: event.eventId, appId: event.appId, roomId: facts.roomId, userId: facts.userId,
          kind: event.eventType === 'UserJoinRoom' ? 'join' : 'leave', reason: facts.reason, at: facts.timestamp ?? event.eventTime,
        });
        outcome = 'presence';
      }
    }
    const defined = Object.fromEntries(Object.entries(ids).filter(([, v]) => v !== undefined));
    return { mark: { eventId: event.eventId, outcome, at: deps.now(), ids: defined }, roomId: facts.roomId, taskId: facts.taskId };
  }

  /** Applies one batch, marks it in one transaction, then tells the listeners and the log. */
  async function applyBatch(batch: readonly PendingCallbackEvent[]): Promise<void> {
    const watchedNow = new Set<string>();
    const applied: Array<{ event: PendingCallbackEvent; mark: ProcessedMark; roomId?: string | undefined; taskId?: string | undefined }> = [];
    for (const event of batch) applied.push({ event, ...(await apply(event, watchedNow)) });
    await store.markProcessedMany(applied.map((a) => a.mark));
    const outcomes: Partial<Record<CallbackOutcome, number>> = {};
    for (const { event, mark, roomId, taskId } of applied) {
      outcomes[mark.outcome] = (outcomes[mark.outcome] ?? 0) + 1;
      deps.onApplied?.(mark.outcome);
      deps.onEvent?.({ eventId: event.eventId, eventType: event.eventType, eventTime: event.eventTime, appId: event.appId, roomId, taskId });
    }
    // One line per batch, not per event: each event's outcome is stored on its row.
    const first = applied[0]?.event;
    const last = applied.at(-1)?.event;
    logger.info({ count: applied.length, outcomes, firstEventId: first?.eventId, lastEventId: last?.eventId }, 'callback events applied');
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      for (;;) {
        const batch = await store.pending(BATCH);
        if (batch.length > 0) await applyBatch(batch);
        if (batch.length < BATCH) break;
        // The store answers SQLite reads without a macrotask: let waiting requests in between batches.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } while (again);
  }

  return {
    kick() {
      if (running !== undefined) {
        again = true;
        return;
      }
      running = drain()
        .catch((err: unknown) => {
          // Left pending: the next callback (or the next start) tries again.
          logger.error({ err: err instanceof Error ? err.message : String(err) }, 'could not apply stored callback events');
        })
        .finally(() => { running = undefined; });
    },
    idle: async () => {
      while (running !== undefined) await running;
    },
  };
}
