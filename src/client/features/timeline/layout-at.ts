import type { ChangeMarker } from '../../../shared/timeline-lanes.ts';

/**
 * The configuration in force at a moment, as far as observed: the last change seen at or before
 * it (markers are in time order). Undefined when nothing was observed before the moment.
 */
export function markerInForceAt(markers: readonly ChangeMarker[], at: number): ChangeMarker | undefined {
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((markers[mid]?.at ?? Infinity) <= at) lo = mid + 1;
    else hi = mid;
  }
  return markers[lo - 1];
}
