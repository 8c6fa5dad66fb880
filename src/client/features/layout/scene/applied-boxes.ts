import type { PixelRect } from '../../../../shared/layout-model.ts';
import type { Size } from '../../../../shared/layout-geometry.ts';
import type { OutputResponse } from '../../../../shared/output-api.ts';
import { appliedRect } from '../../../../shared/output-compare-regions.ts';
import { appliedCanvasSize } from '../../../../shared/output-compare-size.ts';

/** One region of the layout the mixer applied, in the declared canvas's pixels, named for a label. */
export interface AppliedBox {
  id: string;
  rect: PixelRect;
  label: string;
}

/**
 * Pure: the applied regions placed on the declared canvas. The mixer may lay them out on another
 * canvas (a capped size, or ratios of it): they are scaled to the declared one, as the comparison
 * scales the declared regions the other way.
 */
export function appliedBoxes(output: Pick<OutputResponse, 'applied' | 'stream'>, declared: Size, label: (userId: string | null) => string): AppliedBox[] {
  const canvas = appliedCanvasSize(output.applied, output.stream);
  if (!(canvas.width > 0 && canvas.height > 0)) return [];
  const sx = declared.width / canvas.width;
  const sy = declared.height / canvas.height;
  return output.applied.regions.map((region, i) => {
    const r = appliedRect(region, output.applied.units, canvas);
    return { id: `applied:${i}`, rect: { x: r.x * sx, y: r.y * sy, width: r.width * sx, height: r.height * sy }, label: label(region.userId) };
  });
}
