import { useMemo } from 'react';
import type { NormalisedLayout } from '../../../shared/layout-model.ts';
import type { Size } from '../../../shared/layout-geometry.ts';
import { alternateImagePlacement } from './alternate-image.ts';
import type { ImageState } from './image-url.ts';
import type { PlacedImage } from './scene/scene-types.ts';
import { useImages } from './use-images.ts';

/** An image the canvas cannot show (yet): said in words under the canvas, never a broken canvas. */
export interface ImageNote {
  key: string;
  regionId: string | undefined;
  url: string;
  state: Exclude<ImageState, { status: 'loaded' }>;
}

/** BackgroundImage and every AlternateImage: their states, where the loaded ones go, and notes for the rest. */
export function useLayoutImages(layout: NormalisedLayout, assumedSource: Size) {
  const background = layout.canvas.backgroundImage;
  const urls = useMemo(() => [background, ...layout.regions.map((r) => r.alternateImage)], [background, layout.regions]);
  const states = useImages(urls);
  const placed = useMemo(() => {
    const out = new Map<string, PlacedImage>();
    for (const region of layout.regions) {
      const state = region.alternateImage ? states.get(region.alternateImage) : undefined;
      if (state?.status !== 'loaded') continue;
      const natural = { width: state.image.naturalWidth, height: state.image.naturalHeight };
      const placement = alternateImagePlacement(region, natural, assumedSource);
      if (placement) out.set(region.id, { ...placement, image: state.image });
    }
    return out;
  }, [layout.regions, states, assumedSource]);
  const notes = useMemo(() => {
    const out: ImageNote[] = [];
    const add = (key: string, regionId: string | undefined, url: string | undefined) => {
      const state = url ? states.get(url) : undefined;
      if (url && state && state.status !== 'loaded') out.push({ key, regionId, url, state });
    };
    add('background', undefined, background);
    for (const r of layout.regions) add(r.id, r.id, r.alternateImage);
    return out;
  }, [background, layout.regions, states]);
  return { background: background ? states.get(background) : undefined, placed, notes };
}
