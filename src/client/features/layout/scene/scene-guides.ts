import { alignmentGuides } from '../../../../shared/layout-edit/snap.ts';
import type { Size } from '../../../../shared/layout-geometry.ts';
import type { DrawBox } from '../draw-boxes.ts';
import type { SceneGuide } from './scene-types.ts';

/** Figma's smart-guide magenta: no region is given it (stream-colours.ts) and the measuring lines are red. */
export const GUIDE_STROKE = '#ff00ff';
export const GUIDE_DASH = [5, 3];
/** Proportional layouts land on fractions of a pixel: within half a pixel is lined up. */
const TOLERANCE_PX = 0.5;

/** Where `box`'s edges and centre line up with the other shown regions' and the canvas's (the editor's own alignment rule). */
export function sceneGuides(box: Pick<DrawBox, 'id' | 'rect'>, shown: readonly Pick<DrawBox, 'id' | 'rect'>[], canvas: Size, scale: number): SceneGuide[] {
  const others = shown.filter((b) => b.id !== box.id && b.rect.width > 0 && b.rect.height > 0).map((b) => b.rect);
  const k = 1 / scale;
  return alignmentGuides(box.rect, others, canvas, TOLERANCE_PX).map((g) => ({ kind: 'guide', id: box.id, ...g, k }));
}
