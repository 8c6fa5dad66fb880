import { useMemo } from 'react';
import type { NormalisedLayout } from '../../../../shared/layout-model.ts';
import type { Size } from '../../../../shared/layout-geometry.ts';
import { useLayoutImages } from '../use-layout-images.ts';
import { layoutParts } from './layout-parts.ts';

/**
 * Everything a view of a layout draws from, computed once per layout: colours → occlusion →
 * boxes (layout-parts.ts), then the images as they load. The layout section and the
 * presentation view both start here.
 */
export function useLayoutPicture(layout: NormalisedLayout, assumedSource: Size) {
  const parts = useMemo(() => layoutParts(layout), [layout]);
  const images = useLayoutImages(layout, assumedSource);
  return { parts, images };
}

export type LayoutImages = ReturnType<typeof useLayoutImages>;
