import type { NormalisedRegion, PixelRect } from '../../../shared/layout-model.ts';
import { finiteRect, type Size } from '../../../shared/layout-geometry.ts';
import { DEFAULT_SOURCE, sourceFrame } from '../../../shared/source-frame.ts';

/** Where an AlternateImage lands in its region, and which part of the image is used. */
export interface ImagePlacement {
  /** In canvas pixels. */
  dest: PixelRect;
  /** In the image's own pixels. */
  crop: PixelRect;
}

const KEEP_IMAGE_RATIO = 1;
const WHOLE = { x: 0, y: 0, width: 1, height: 1 };

/**
 * The docs: the placeholder is "rendered according to RenderMode"; AlternateImageFillMode 0 first
 * scales it to the user's frame ratio (the assumed source aspect), 1 keeps the image's own ratio.
 * So the image stands in for the source frame and goes through the same RenderMode geometry.
 * SourceCrop is for the stream, not the placeholder, so the whole image is used.
 */
export function alternateImagePlacement(region: NormalisedRegion, natural: Size, assumedSource: Size = DEFAULT_SOURCE): ImagePlacement | undefined {
  if (!(natural.width > 0 && natural.height > 0)) return undefined;
  const rect = finiteRect(region.rect);
  if (!(rect.width > 0 && rect.height > 0)) return undefined;
  const source = region.alternateImageFillMode.value === KEEP_IMAGE_RATIO ? natural : assumedSource;
  const frame = sourceFrame({ crop: WHOLE, region: rect, renderMode: region.renderMode.value, source });
  const v = frame.visible;
  return {
    dest: frame.content,
    crop: { x: v.x * natural.width, y: v.y * natural.height, width: v.width * natural.width, height: v.height * natural.height },
  };
}
