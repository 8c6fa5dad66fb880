import type { ChangeField, GapError, Observation } from './history-api.ts';

/**
 * The lifecycle timeline as plain data: lanes of segments for Status and PushStreamState over
 * the task's life, reconnect episodes and change markers. Pure, so the rules are property-tested
 * and the browser only draws. Times are Unix ms.
 *
 * A state row is known state over [observedAt, confirmedUntil]. Between two state rows the
 * watcher kept asking (`continuous`): the same value holds across, a different one changed
 * somewhere in between (unknown, `between-polls`). Everything else is unknown, never stretched.
 */

export const QUERY_WINDOW_MS = 72 * 3_600_000;

export type UnknownReason =
  | 'not-watched' // no observation at all
  | 'before-watch' // before the first observation
  | 'truncated' // older observations were not loaded
  | 'silence' // nobody asked for a while (server down, budget starved)
  | 'failed' // asked, and the upstream failed
  | 'between-polls' // the value changed somewhere between two polls
  | 'not-yet'; // after the last observation, up to now

export type Segment =
  | { kind: 'state'; from: number; to: number; value: number | null }
  | { kind: 'unknown'; from: number; to: number; reason: UnknownReason; error: GapError | null };

export type LaneId = 'status' | 'push';
export const LANE_IDS: readonly LaneId[] = ['status', 'push'];

export interface ReconnectEpisode {
  from: number;
  to: number;
  /** Not seen entering (or leaving) the reconnect: the real start (end) lies in unknown time. */
  openStart: boolean;
  openEnd: boolean;
}

export const MARKER_FIELDS = ['layout', 'encode', 'control', 'streams', 'other'] as const;
export type MarkerField = (typeof MARKER_FIELDS)[number];

export interface ChangeMarker {
  id: number;
  /** First seen at. */
  at: number;
  /** The change happened after this (the previous poll), when the watcher kept asking. */
  since: number | null;
  /** The first observation: the configuration as first seen, not a change. */
  initial: boolean;
  fields: MarkerField[];
  payload: unknown;
  /** The configuration before: the previous marker's payload (or the baseline's). */
  previousPayload: unknown;
  /** Computed by the embedded simulator (demo history), not observed. */
  demo?: true;
}

export interface TimelineInput {
  observations: readonly Observation[];
  baseline?: Observation | null;
  truncated?: boolean;
  startTime?: number | undefined;
  endTime?: number | undefined;
  now: number;
}

export interface Timeline {
  life: { from: number; to: number; ended: boolean };
  lanes: Record<LaneId, Segment[]>;
  reconnects: ReconnectEpisode[];
  markers: ChangeMarker[];
  /** StartTime + 72 h: Volcengine stops answering for the task after this. */
  queryLimitAt: number | undefined;
  /** Whether any observation falls inside the task's life. */
  observed: boolean;
}

const laneValue = (o: Observation, lane: LaneId): number | null => (lane === 'status' ? o.status : o.pushStreamState);
const isState = (o: Observation) => o.kind !== 'gap';
const unknown = (from: number, to: number, reason: UnknownReason, error: GapError | null = null): Segment =>
  ({ kind: 'unknown', from, to, reason, error });

const sameKey = (a: Segment, b: Segment) =>
  a.kind === 'state' ? b.kind === 'state' && a.value === b.value : b.kind === 'unknown' && a.reason === b.reason;

/**
 * Appends [from, to) clipped to the life and to what is already drawn; merges equal neighbours.
 * A state seen by one answer only is an instant (from = to): kept, so a one-poll reconnect is
 * not lost; the renderer gives it a minimum width.
 */
function push(out: Segment[], seg: Segment, lifeFrom: number, lifeTo: number) {
  const last = out[out.length - 1];
  const from = Math.max(seg.from, lifeFrom, last?.to ?? lifeFrom);
  const to = Math.min(seg.to, lifeTo);
  const instant = seg.kind === 'state' && seg.from === seg.to && from === seg.from && to === seg.to;
  if (!(to > from) && !instant) return;
  if (last !== undefined && last.to === from && sameKey(last, seg)) last.to = Math.max(last.to, to);
  else out.push({ ...seg, from, to });
}

function buildLane(rows: readonly Observation[], lane: LaneId, life: Timeline['life'], truncated: boolean): Segment[] {
  const out: Segment[] = [];
  const add = (s: Segment) => push(out, s, life.from, life.to);
  if (rows.length === 0) {
    add(unknown(life.from, life.to, 'not-watched'));
    return out;
  }
  let prev: Observation | undefined;
  for (const row of rows) {
    if (prev === undefined) {
      add(unknown(life.from, row.observedAt, truncated ? 'truncated' : 'before-watch'));
    } else if (row.continuity !== 'continuous') {
      add(unknown(prev.confirmedUntil, row.observedAt, 'silence'));
    } else if (!isState(prev) || !isState(row)) {
      add(unknown(prev.confirmedUntil, row.observedAt, 'failed', (isState(row) ? prev : row).error));
    } else if (laneValue(prev, lane) === laneValue(row, lane)) {
      add({ kind: 'state', from: prev.confirmedUntil, to: row.observedAt, value: laneValue(row, lane) });
    } else {
      add(unknown(prev.confirmedUntil, row.observedAt, 'between-polls'));
    }
    const to = Math.max(row.confirmedUntil, row.observedAt);
    add(isState(row) ? { kind: 'state', from: row.observedAt, to, value: laneValue(row, lane) } : unknown(row.observedAt, to, 'failed', row.error));
    prev = row;
  }
  if (prev !== undefined) add(unknown(prev.confirmedUntil, life.to, 'not-yet'));
  return out;
}

export const RECONNECTING = 3;

/** A poll or two away from a known neighbour is a normal edge; longer unknown time is an open one. */
const opensEdge = (s: Segment | undefined) => s === undefined || (s.kind === 'unknown' && s.reason !== 'between-polls');

export function reconnectEpisodes(push: readonly Segment[]): ReconnectEpisode[] {
  const out: ReconnectEpisode[] = [];
  push.forEach((s, i) => {
    if (s.kind !== 'state' || s.value !== RECONNECTING) return;
    const before = push[i - 1];
    const after = push[i + 1];
    out.push({
      from: s.from,
      to: s.to,
      openStart: opensEdge(before),
      openEnd: opensEdge(after),
    });
  });
  return out;
}

const markerFields = (changed: readonly ChangeField[]): MarkerField[] =>
  MARKER_FIELDS.filter((f) => changed.includes(f));

export function changeMarkers(rows: readonly Observation[], baseline: Observation | null, life: Timeline['life']): ChangeMarker[] {
  const out: ChangeMarker[] = [];
  let previousPayload: unknown = baseline?.payload ?? null;
  let prev: Observation | undefined;
  for (const row of rows) {
    if (row.kind === 'change') {
      const initial = row.changed.length === 0 && baseline === null && out.length === 0;
      const fields = markerFields(row.changed);
      if ((initial || fields.length > 0) && row.observedAt >= life.from && row.observedAt <= life.to) {
        const since = prev !== undefined && row.continuity === 'continuous' ? prev.confirmedUntil : null;
        out.push({ id: row.id, at: row.observedAt, since, initial, fields, payload: row.payload, previousPayload });
      }
      if (initial || fields.length > 0) previousPayload = row.payload;
    }
    prev = row;
  }
  return out;
}

/** The task's life: StartTime (or the first observation) to EndTime (or now). */
export function taskLife(input: Pick<TimelineInput, 'observations' | 'startTime' | 'endTime' | 'now'>): Timeline['life'] {
  const first = input.observations[0]?.observedAt;
  const from = input.startTime ?? first ?? input.now;
  const ended = input.endTime !== undefined;
  const to = Math.max(from, input.endTime ?? input.now);
  return { from, to, ended };
}

export function buildTimeline(input: TimelineInput): Timeline {
  const life = taskLife(input);
  const rows = input.observations;
  const truncated = input.truncated ?? false;
  const lanes = { status: buildLane(rows, 'status', life, truncated), push: buildLane(rows, 'push', life, truncated) };
  return {
    life,
    lanes,
    reconnects: reconnectEpisodes(lanes.push),
    markers: changeMarkers(rows, input.baseline ?? null, life),
    queryLimitAt: input.startTime === undefined ? undefined : input.startTime + QUERY_WINDOW_MS,
    observed: rows.some((r) => r.confirmedUntil >= life.from && r.observedAt <= life.to),
  };
}
