import { memo } from 'react';
import type { Size } from '../../../shared/layout-geometry.ts';
import type { ImagePlacement } from './alternate-image.ts';
import type { DrawBox } from './draw-boxes.ts';
import { Group, Image, KonvaUtil, Rect, type KonvaContext } from './konva-core.ts';

export interface PlacedImage extends ImagePlacement {
  image: HTMLImageElement;
}

/** An audio-only region paints no picture: a faint fill keeps it findable, the overlay outlines it. */
const AUDIO_ONLY_FILL = 0.25;

interface Props {
  canvas: Size;
  boxes: readonly DrawBox[];
  images: ReadonlyMap<string, PlacedImage>;
}

/** Every region in drawing order, clipped to the canvas as the output stream is. Static: listening off. */
export const RegionShapes = memo(function RegionShapes({ canvas, boxes, images }: Props) {
  return (
    <Group clipX={0} clipY={0} clipWidth={canvas.width} clipHeight={canvas.height} listening={false}>
      {boxes.map((box) => <RegionShape key={box.id} box={box} image={images.get(box.id)} />)}
    </Group>
  );
});

function RegionShape({ box, image }: { box: DrawBox; image: PlacedImage | undefined }) {
  const { rect, opacity, colour, cornerRadius } = box;
  if (!(rect.width > 0 && rect.height > 0)) return null;
  return (
    <>
      <Rect
        x={rect.x}
        y={rect.y}
        width={rect.width}
        height={rect.height}
        fill={colour}
        opacity={box.audioOnly ? opacity * AUDIO_ONLY_FILL : opacity}
        cornerRadius={cornerRadius}
        perfectDrawEnabled={false}
      />
      {image && (
        <Group
          x={rect.x}
          y={rect.y}
          clipFunc={(ctx: KonvaContext) => {
            ctx.beginPath();
            KonvaUtil.drawRoundedRectPath(ctx, rect.width, rect.height, cornerRadius);
            ctx.closePath();
          }}
        >
          <Image
            image={image.image}
            x={image.dest.x - rect.x}
            y={image.dest.y - rect.y}
            width={image.dest.width}
            height={image.dest.height}
            crop={image.crop}
            opacity={opacity}
          />
        </Group>
      )}
    </>
  );
}
