import type { NormalisedLayout } from '../../../shared/layout-model.ts';
import type { VolcControl } from '../../../shared/volc-task-schema.ts';

/**
 * SpatialPosition on a top-down map. Volcengine's default audience orientation is forward
 * [1, 0, 0], right [0, 1, 0], up [0, 0, 1]; the map puts forward (+X) up and right (+Y) right,
 * each axis [-100, 100], and leaves the height (Z) to the label.
 */
export type Triple = readonly [number, number, number];

export interface SpatialMark {
  id: string;
  position: Triple;
  defaulted: boolean;
  /** ApplySpatialAudio is false: the position has no effect. */
  ignored: boolean;
  /** On the map, in [0, 1] from its top-left (clamped to the edge when out of range). */
  mapX: number;
  mapY: number;
  outOfRange: boolean;
}

export interface SpatialScene {
  enabled: boolean;
  audience: Triple;
  audienceDefaulted: boolean;
  /** The audience's forward direction on the map (unit length, map coordinates; y grows down). */
  forward: { x: number; y: number };
  audienceMap: { x: number; y: number };
  marks: SpatialMark[];
}

const LIMIT = 100;

function triple(v: readonly number[] | undefined): Triple | undefined {
  return v && v.length === 3 ? [v[0] ?? 0, v[1] ?? 0, v[2] ?? 0] : undefined;
}

export function toMap(p: Triple): { x: number; y: number; outOfRange: boolean } {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const x = (p[1] + LIMIT) / (2 * LIMIT);
  const y = (LIMIT - p[0]) / (2 * LIMIT);
  return { x: clamp(x), y: clamp(y), outOfRange: p.some((v) => !(Math.abs(v) <= LIMIT)) };
}

export function spatialScene(layout: NormalisedLayout, control: VolcControl | undefined): SpatialScene {
  const config = control?.SpatialConfig;
  const sentAudience = triple(config?.AudienceSpatialPosition);
  const audience = sentAudience ?? [0, 0, 0];
  const f = triple(config?.AudienceSpatialOrientation?.Forward) ?? [1, 0, 0];
  const len = Math.hypot(f[0], f[1]);
  const forward = len > 0 ? { x: f[1] / len, y: -f[0] / len || 0 } : { x: 0, y: -1 };
  const a = toMap(audience);
  return {
    enabled: config?.EnableSpatialRender === true,
    audience,
    audienceDefaulted: sentAudience === undefined,
    forward,
    audienceMap: { x: a.x, y: a.y },
    marks: layout.regions.map((r) => {
      const m = toMap(r.spatialPosition.value);
      return {
        id: r.id,
        position: r.spatialPosition.value,
        defaulted: r.spatialPosition.defaulted,
        ignored: !r.applySpatialAudio.value,
        mapX: m.x,
        mapY: m.y,
        outOfRange: m.outOfRange,
      };
    }),
  };
}
