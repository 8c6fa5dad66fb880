import type { RegionVisibility } from '../../../shared/layout-geometry.ts';
import type { NormalisedLayout, NormalisedRegion } from '../../../shared/layout-model.ts';

export interface VisibilityEntry {
  region: NormalisedRegion;
  visible: number;
}

/** Regions a viewer does not fully see, least visible first (ties in drawing order). */
export function leastVisible(layout: NormalisedLayout, visibility: ReadonlyMap<string, RegionVisibility>, limit = 5): VisibilityEntry[] {
  return layout.regions
    .map((region) => ({ region, visible: visibility.get(region.id)?.visible ?? 1 }))
    .filter((e) => e.visible < 0.995)
    .sort((a, b) => a.visible - b.visible || a.region.drawOrder - b.region.drawOrder)
    .slice(0, limit);
}
