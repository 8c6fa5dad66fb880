import type { ChangeMarker, Segment } from './timeline-lanes.ts';

/**
 * Fitting a lane to the pixels at hand. A run of segments each narrower than the resolution
 * becomes one `mixed` segment that lists every value seen in it, so no state change disappears:
 * it is either a boundary between two drawn segments or inside a mixed one that names both sides.
 */

export interface MixedSegment {
  kind: 'mixed';
  from: number;
  to: number;
  /** Distinct known values in the run, in order of first appearance. */
  values: (number | null)[];
  /** Milliseconds spent in each of `values`, same order: how dense a state was in the run. */
  time: number[];
  /** Whether unknown time is part of the run. */
  unknown: boolean;
  /** How many segments were folded in. */
  count: number;
}

export type DrawSegment = Segment | MixedSegment;

/** First index whose segment ends after `t` (segments sorted, non-overlapping). */
function firstEndingAfter(segments: readonly { to: number }[], t: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((segments[mid]?.to ?? Infinity) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The segments that meet [from, to], clipped to it. */
export function sliceSegments(segments: readonly Segment[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  for (let i = firstEndingAfter(segments, from); i < segments.length; i++) {
    const s = segments[i];
    if (s === undefined || s.from >= to) break;
    out.push({ ...s, from: Math.max(s.from, from), to: Math.min(s.to, to) });
  }
  return out;
}

function fold(run: Segment[]): DrawSegment | undefined {
  const first = run[0];
  const last = run[run.length - 1];
  if (first === undefined || last === undefined) return undefined;
  if (run.length === 1) return first;
  const values: (number | null)[] = [];
  const time: number[] = [];
  let unknown = false;
  for (const s of run) {
    if (s.kind === 'unknown') {
      unknown = true;
      continue;
    }
    const i = values.indexOf(s.value);
    if (i < 0) {
      values.push(s.value);
      time.push(s.to - s.from);
    } else {
      time[i] = (time[i] ?? 0) + s.to - s.from;
    }
  }
  return { kind: 'mixed', from: first.from, to: last.to, values, time, unknown, count: run.length };
}

/** Share of a mixed span's time in one value. */
const share = (m: MixedSegment, v: number | null) => {
  const i = m.values.indexOf(v);
  return m.to > m.from ? (m.time[i] ?? 0) / (m.to - m.from) : 0;
};
/** Neighbours whose shares differ less than this read the same on screen. */
const SHARE_TOLERANCE = 0.15;

const sameMix = (a: MixedSegment, b: MixedSegment) =>
  a.unknown === b.unknown && a.values.length === b.values.length &&
  a.values.every((v) => b.values.includes(v) && Math.abs(share(a, v) - share(b, v)) < SHARE_TOLERANCE);

function merge(into: MixedSegment, next: MixedSegment) {
  next.values.forEach((v, j) => {
    const i = into.values.indexOf(v);
    into.time[i] = (into.time[i] ?? 0) + (next.time[j] ?? 0);
  });
  into.to = next.to;
  into.count += next.count;
}

/** At most about one drawn segment per `resolutionMs` of short segments; long ones stay as they are. */
export function downsample(segments: readonly Segment[], resolutionMs: number): DrawSegment[] {
  if (!(resolutionMs > 0)) return [...segments];
  const out: DrawSegment[] = [];
  let run: Segment[] = [];
  let runFrom = 0;
  const flush = () => {
    const folded = fold(run);
    const last = out[out.length - 1];
    // Mixed runs side by side with the same values in about the same shares say nothing more apart.
    if (folded?.kind === 'mixed' && last?.kind === 'mixed' && last.to === folded.from && sameMix(last, folded)) {
      merge(last, folded);
    } else if (folded !== undefined) {
      out.push(folded);
    }
    run = [];
  };
  for (const s of segments) {
    if (s.to - s.from >= resolutionMs) {
      flush();
      out.push(s);
      continue;
    }
    if (run.length === 0) runFrom = s.from;
    run.push(s);
    if (s.to - runFrom >= resolutionMs) flush();
  }
  flush();
  return out;
}

export interface MarkerCluster {
  from: number;
  to: number;
  markers: ChangeMarker[];
}

/** Markers closer together than `spacingMs` share one drawn cluster; clusters keep them all. */
export function clusterMarkers(markers: readonly ChangeMarker[], spacingMs: number): MarkerCluster[] {
  const out: MarkerCluster[] = [];
  for (const m of markers) {
    const last = out[out.length - 1];
    if (last !== undefined && m.at - last.from < spacingMs) {
      last.markers.push(m);
      last.to = m.at;
    } else {
      out.push({ from: m.at, to: m.at, markers: [m] });
    }
  }
  return out;
}
