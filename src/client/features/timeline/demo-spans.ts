import type { DemoHistoryResponse, DemoHistoryStep } from '../../../shared/demo-history-api.ts';
import type { ChangeMarker, LaneId, Segment } from '../../../shared/timeline-lanes.ts';

/**
 * The embedded simulator's past of a demo task (demo history) in the timeline's terms. Pure:
 * what mixscope observed always wins, so demo spans lie on unknown time only, and demo changes
 * come before the first observed one.
 */

export interface DemoSpan {
  from: number;
  to: number;
  value: number;
}

export type DemoLanes = Record<LaneId, DemoSpan[]>;

const valueOf = (s: DemoHistoryStep, lane: LaneId): number => (lane === 'status' ? s.status : s.pushStreamState);

/** Until when the past is known: the task's EndTime, else the moment it was computed. */
export function demoUntil(demo: Pick<DemoHistoryResponse, 'steps' | 'now'>): number {
  return demo.steps.at(-1)?.endTime ?? demo.now;
}

/** One lane of the past: each step holds until the next one, the last until demoUntil; equal neighbours merged. */
export function demoLane(demo: Pick<DemoHistoryResponse, 'steps' | 'now'>, lane: LaneId): DemoSpan[] {
  const until = demoUntil(demo);
  const out: DemoSpan[] = [];
  demo.steps.forEach((step, i) => {
    const from = step.at;
    const to = Math.min(demo.steps[i + 1]?.at ?? until, until);
    if (to <= from) return;
    const value = valueOf(step, lane);
    const last = out[out.length - 1];
    if (last !== undefined && last.value === value && last.to === from) last.to = to;
    else out.push({ from, to, value });
  });
  return out;
}

/** The parts of `spans` (sorted, apart) on unknown time of an observed lane (sorted): observed states win. */
export function onUnknown(spans: readonly DemoSpan[], lane: readonly Segment[]): DemoSpan[] {
  const unknown = lane.filter((s) => s.kind === 'unknown');
  const out: DemoSpan[] = [];
  let j = 0;
  for (const span of spans) {
    while (j < unknown.length && (unknown[j]?.to ?? Infinity) <= span.from) j++;
    for (let k = j; k < unknown.length; k++) {
      const u = unknown[k];
      if (u === undefined || u.from >= span.to) break;
      const from = Math.max(u.from, span.from);
      const to = Math.min(u.to, span.to);
      if (to <= from) continue;
      const last = out[out.length - 1];
      if (last !== undefined && last.value === span.value && last.to === from) last.to = to;
      else out.push({ from, to, value: span.value });
    }
  }
  return out;
}

/**
 * The configurations of the past, as change markers: the first as the task started, then each
 * change. Only those before `firstObservedAt` (the first observed change): from there on what
 * mixscope saw is the record. Ids below zero never meet an observation's.
 */
export function demoMarkers(demo: Pick<DemoHistoryResponse, 'steps'>, firstObservedAt: number | undefined): ChangeMarker[] {
  const out: ChangeMarker[] = [];
  let previousPayload: unknown = null;
  demo.steps.forEach((step, i) => {
    if (step.payload == null) return;
    const initial = out.length === 0 && previousPayload === null;
    if (firstObservedAt === undefined || step.at < firstObservedAt) {
      out.push({ id: -(i + 1), at: step.at, since: null, initial, fields: initial ? [] : step.changed, payload: step.payload, previousPayload, demo: true });
    }
    previousPayload = step.payload;
  });
  return out;
}
