import { initialShare, observe, shareCap, type ReplicaRow, type ShareOptions, type ShareState } from './replica-share.ts';

/**
 * A model of the membership protocol for tests (never imported by production code): replicas
 * that join, heartbeat with arbitrary delays between sending a write, the write landing, the read
 * and its answer, and die; one shared table; one real clock that is also the database's.
 */

export interface ReplicaSpec {
  joinAt: number;
  /** Dies (no more rounds, no more grants) at this time. */
  dieAt?: number;
  /** Per round: [send → write lands, write → read, read → answer] in ms, used in turn. */
  delays: readonly (readonly [number, number, number])[];
}

export interface Timeline {
  /** caps[i][k]: replica i's cap at time k × stepMs. */
  caps: number[][];
  stepMs: number;
}

type Event = { at: number; seq: number; run: () => void };

export function simulate(specs: readonly ReplicaSpec[], options: ShareOptions, endMs: number, stepMs = 10): Timeline {
  const { heartbeatMs } = options.timings;
  const table = new Map<string, ReplicaRow>();
  const events: Event[] = [];
  let seq = 0;
  const at = (t: number, run: () => void) => events.push({ at: t, seq: seq++, run });
  const history: { at: number; state: ShareState }[][] = specs.map(() => []);

  specs.forEach((spec, i) => {
    const id = `r${i}`;
    let state = initialShare(id);
    let round = 0;
    const alive = (t: number) => spec.dieAt === undefined || t < spec.dieAt;
    const startRound = (sentAt: number) => {
      if (!alive(sentAt) || sentAt >= endMs) return;
      const [toWrite, toRead, toAnswer] = spec.delays[round % spec.delays.length] ?? [0, 0, 0];
      round += 1;
      const sees = [...state.counted];
      const writeAt = sentAt + toWrite;
      at(writeAt, () => table.set(id, { id, lastSeen: writeAt, sees }));
      const readAt = writeAt + toRead;
      at(readAt, () => {
        const rows = [...table.values()].map((r) => ({ ...r, sees: [...r.sees] }));
        const receivedAt = readAt + toAnswer;
        at(receivedAt, () => {
          if (!alive(receivedAt)) return;
          state = observe(state, { sentAt, receivedAt, dbNow: readAt, rows }, options.timings);
          history[i]?.push({ at: receivedAt, state });
          startRound(Math.max(receivedAt, sentAt + heartbeatMs));
        });
      });
    };
    at(spec.joinAt, () => startRound(spec.joinAt));
  });

  for (;;) {
    events.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = events.shift();
    if (next === undefined || next.at > endMs) break;
    next.run();
  }

  const steps = Math.floor(endMs / stepMs);
  const caps = specs.map((spec, i) => {
    const log = history[i] ?? [];
    const out: number[] = [];
    let j = -1;
    for (let k = 0; k <= steps; k++) {
      const t = k * stepMs;
      while (j + 1 < log.length && (log[j + 1]?.at ?? Infinity) <= t) j++;
      const entry = log[j];
      const dead = spec.dieAt !== undefined && t >= spec.dieAt;
      out.push(entry === undefined || dead ? 0 : shareCap(entry.state, t, options));
    }
    return out;
  });
  return { caps, stepMs };
}

/**
 * The most calls all replicas together could put in one window at any moment: a call granted
 * under a cap stays countable for holdMs, so each replica counts with its highest cap of the
 * last holdMs.
 */
export function worstSum(timeline: Timeline, holdMs: number): number {
  const span = Math.ceil(holdMs / timeline.stepMs);
  const steps = timeline.caps[0]?.length ?? 0;
  let worst = 0;
  for (let k = 0; k < steps; k++) {
    let sum = 0;
    for (const caps of timeline.caps) sum += Math.max(...caps.slice(Math.max(0, k - span), k + 1));
    worst = Math.max(worst, sum);
  }
  return worst;
}
