import { CallbackEnvelopeSchema, parseEventData } from '../../shared/callback-api.ts';
import { DEMO_SCENARIOS } from '../../shared/demo-scenarios.ts';
import { eventsBetween, NOTHING_SEEN, type SeenWorld } from '../../simulator/callback-events.ts';
import { signedEnvelope } from '../../simulator/callback-sender.ts';
import type { TaskSnapshot } from '../../simulator/task-lifecycle.ts';
import type { Logger } from '../logger.ts';
import type { CallbackStore, NewCallbackEvent } from '../callbacks/callback-store.ts';

/**
 * `npm start` with no keys: the embedded simulator's task lives reach the fleet as callbacks.
 * Each look compares the simulator's tasks with the last look (the standalone simulator's own
 * sender does the same) and stores the envelopes it would have POSTed, then tells the callback
 * processor, exactly as the receiver does after checking a signature. In process there is no
 * network and no secret to share, and the public receiver keeps answering 404 without
 * MIXSCOPE_CALLBACK_SECRET.
 */

export interface SimulatorFeedDeps {
  snapshots: () => TaskSnapshot[];
  taskNow: () => number;
  store: Pick<CallbackStore, 'addMany'>;
  /** The processor's kick: apply what was stored. */
  stored: () => void;
  now: () => number;
  logger: Logger;
  everyMs?: number;
}

/** Signs nothing anyone checks: the envelope keeps Volcengine's shape, Signature included. */
const LOCAL_SECRET = 'embedded-simulator';

/**
 * The fault demos (no answer, throttled, 503s...) are left out: watched, their polls would throttle
 * and trip the breaker for every other demo task. They stay one click away in the gallery.
 */
const FAULT_DEMOS = new Set(DEMO_SCENARIOS.filter((s) => (s.tags as readonly string[]).includes('fault')).map((s) => `${s.ref.roomId}|${s.ref.taskId ?? ''}`));
const isFaultDemo = (snapshot: TaskSnapshot) => FAULT_DEMOS.has(`${snapshot.script.key.roomId}|${snapshot.script.key.taskId}`);

export function startSimulatorFeed(deps: SimulatorFeedDeps): { stop(): void; look(): Promise<void> } {
  let seen: SeenWorld = NOTHING_SEEN;
  let busy: Promise<void> = Promise.resolve();

  async function once(): Promise<void> {
    const { events, next } = eventsBetween(seen, deps.snapshots().filter((s) => !isFaultDemo(s)), deps.taskNow());
    seen = next;
    const batch: NewCallbackEvent[] = [];
    for (const event of events) {
      const raw = await signedEnvelope(event, LOCAL_SECRET);
      const envelope = CallbackEnvelopeSchema.parse(raw);
      const { facts } = parseEventData(envelope.EventData);
      batch.push({
        envelope, rawBody: JSON.stringify(raw), eventTime: event.at, receivedAt: deps.now(),
        roomId: facts.roomId, taskId: facts.taskId, userId: facts.userId,
      });
    }
    // One transaction (and one disk sync) for the second's events, as the receiver does.
    const added = (await deps.store.addMany(batch)).filter(Boolean).length;
    if (added > 0) deps.stored();
  }

  const look = () => {
    busy = busy.then(once).catch((err: unknown) => {
      deps.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not feed the embedded simulator\'s task events to the fleet');
    });
    return busy;
  };
  void look();
  const timer = setInterval(() => void look(), deps.everyMs ?? 1_000);
  timer.unref();
  return { stop: () => clearInterval(timer), look };
}
