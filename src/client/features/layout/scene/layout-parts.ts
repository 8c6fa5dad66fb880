import type { NormalisedLayout } from '../../../../shared/layout-model.ts';
import { occlusion, type RegionVisibility, type Size } from '../../../../shared/layout-geometry.ts';
import { backgroundFill, layoutColours, toDrawBoxes, type DrawBox } from '../draw-boxes.ts';

/** What every picture and list of a layout is made from: colours → occlusion → boxes, once per layout. */
export interface LayoutParts {
  canvas: Size;
  colours: Map<string, string>;
  visibility: Map<string, RegionVisibility>;
  /** Every region in drawing order (ZOrder, then Regions[] order). */
  boxes: readonly DrawBox[];
  background: { colour: string; reset: boolean };
}

/** Pure: the chain the layout section, the presentation view and the server's page all draw from. */
export function layoutParts(layout: NormalisedLayout): LayoutParts {
  const colours = layoutColours(layout);
  const visibility = occlusion(layout);
  return {
    canvas: { width: layout.canvas.width.value, height: layout.canvas.height.value },
    colours,
    visibility,
    boxes: toDrawBoxes(layout, colours, visibility),
    background: backgroundFill(layout),
  };
}
