import type { NormalisedRegion } from '../../../shared/layout-model.ts';

export const SORT_KEYS = ['drawOrder', 'streamIndex', 'userId', 'x', 'y', 'width', 'height', 'zOrder', 'alpha'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface SortState {
  key: SortKey;
  dir: 'asc' | 'desc';
}

function sortValue(r: NormalisedRegion, key: SortKey): number | string {
  switch (key) {
    case 'drawOrder': return r.drawOrder;
    case 'streamIndex': return r.streamIndex ?? Number.NEGATIVE_INFINITY;
    case 'userId': return r.stream?.userId ?? '';
    case 'x': case 'y': case 'width': case 'height': return r.rect[key];
    case 'zOrder': return r.zOrder.value;
    case 'alpha': return r.alpha.value;
  }
}

/** Stable sort by one column; ties keep drawing order. */
export function sortRegions(regions: readonly NormalisedRegion[], sort: SortState): NormalisedRegion[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...regions].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    const cmp = typeof va === 'string' || typeof vb === 'string' ? String(va).localeCompare(String(vb)) : va - vb;
    return cmp * sign || a.drawOrder - b.drawOrder;
  });
}
