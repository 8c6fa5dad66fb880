import { memo } from 'react';
import type { Size } from '../../../shared/layout-geometry.ts';
import type { ImageState } from './image-url.ts';
import { Image, Rect } from './konva-core.ts';

interface Props {
  canvas: Size;
  background: string;
  image: ImageState | undefined;
}

/** Background colour, and the BackgroundImage stretched over the canvas once it has loaded (the docs: it overrides the colour). */
export const CanvasBackground = memo(function CanvasBackground({ canvas, background, image }: Props) {
  return (
    <>
      <Rect x={0} y={0} width={canvas.width} height={canvas.height} fill={background} />
      {image?.status === 'loaded' && <Image image={image.image} x={0} y={0} width={canvas.width} height={canvas.height} />}
    </>
  );
});
