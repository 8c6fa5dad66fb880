import { memo } from 'react';
import type { Size } from '../../../../shared/layout-geometry.ts';
import { Circle, Group, Image, KonvaUtil, Line, Rect, Text, type KonvaContext } from '../konva-core.ts';
import { LABEL_FONT_FAMILY, LABEL_RIM } from '../label-fit.ts';
import { SPACING_LINE, SPACING_PLATE, spacingPlate } from './scene-spacing.ts';
import { UNDERLAY } from './build-scene.ts';
import { GUIDE_DASH, GUIDE_STROKE } from './scene-guides.ts';
import type { SceneGuide, SceneImage, SceneItem, SceneLabel, SceneSpacing, SceneSpatial } from './scene-types.ts';

interface Props {
  items: readonly SceneItem[];
  /** Clip to the output canvas, as the stream is (the regions layer). */
  clip?: Size | undefined;
}

/** The interactive drawer: a scene layer's items as Konva nodes, in order. Static: listening off. */
export const SceneKonvaItems = memo(function SceneKonvaItems({ items, clip }: Props) {
  const nodes = items.map((item, i) => <KonvaItem key={`${item.kind}:${'id' in item ? item.id : ''}:${i}`} item={item} />);
  return clip
    ? <Group clipX={0} clipY={0} clipWidth={clip.width} clipHeight={clip.height} listening={false}>{nodes}</Group>
    : <Group listening={false}>{nodes}</Group>;
});

function KonvaItem({ item }: { item: SceneItem }) {
  switch (item.kind) {
    case 'background':
      return <Rect {...item.rect} fill={item.fill} />;
    case 'backgroundImage':
      return <Image image={item.image} {...item.rect} />;
    case 'box':
      return <Rect {...item.rect} fill={item.fill} opacity={item.opacity} cornerRadius={item.cornerRadius} perfectDrawEnabled={false} />;
    case 'image':
      return <KonvaImage item={item} />;
    case 'edge':
      return <Rect {...item.rect} stroke={item.stroke} strokeWidth={item.widthPx} strokeScaleEnabled={false} />;
    case 'outline':
      return <Rect {...item.rect} cornerRadius={item.cornerRadius} stroke={item.stroke} strokeWidth={item.widthPx} dash={item.dashPx ? [...item.dashPx] : undefined} strokeScaleEnabled={false} />;
    case 'label':
      return <KonvaLabel item={item} />;
    case 'spatial':
      return <KonvaSpatial item={item} />;
    case 'spacing':
      return <KonvaSpacing item={item} />;
    case 'guide':
      return <KonvaGuide item={item} />;
  }
}

function KonvaImage({ item }: { item: SceneImage }) {
  const { clip, dest } = item;
  return (
    <Group
      x={clip.x}
      y={clip.y}
      clipFunc={(ctx: KonvaContext) => {
        ctx.beginPath();
        KonvaUtil.drawRoundedRectPath(ctx, clip.width, clip.height, item.cornerRadius);
        ctx.closePath();
      }}
    >
      <Image image={item.image} x={dest.x - clip.x} y={dest.y - clip.y} width={dest.width} height={dest.height} crop={item.crop} opacity={item.opacity} />
    </Group>
  );
}

/** Light text on a dark plate with a light rim: legible on any region colour and any background. */
function KonvaLabel({ item }: { item: SceneLabel }) {
  return (
    // Named, so a test can read where each label was drawn from the stage itself.
    <Group name="scene-label" id={`label:${item.id}`} x={item.x} y={item.y} scaleX={item.k} scaleY={item.k}>
      <Rect width={item.widthPx} height={item.heightPx} fill="rgba(15,23,42,0.78)" stroke={item.rim ?? LABEL_RIM} strokeWidth={item.rim ? 2 : 1} cornerRadius={item.radiusPx} perfectDrawEnabled={false} />
      <Text x={item.padPx} y={item.padPx + 0.5} text={item.text} fontSize={item.fontPx} fontFamily={LABEL_FONT_FAMILY} fill="#f8fafc" wrap="none" perfectDrawEnabled={false} />
    </Group>
  );
}

function KonvaSpatial({ item }: { item: SceneSpatial }) {
  const half = item.widthPx / 2;
  return (
    <Group x={item.cx} y={item.cy} scaleX={item.k} scaleY={item.k} opacity={item.ignored ? 0.55 : 1}>
      <Circle radius={4} fill="#f8fafc" stroke="#0f172a" strokeWidth={1.5} />
      <Rect x={-half} y={8} width={item.widthPx} height={item.fontPx + 2 * item.padPx} fill="rgba(15,23,42,0.85)" cornerRadius={3} />
      <Text x={-half + item.padPx} y={8 + item.padPx + 0.5} text={item.text} fontSize={item.fontPx} fontFamily={LABEL_FONT_FAMILY} fill={item.defaulted ? '#cbd5e1' : '#f8fafc'} wrap="none" />
    </Group>
  );
}

/** A measuring line with its figure on a plate at its middle; line and plate keep their screen size. */
function KonvaSpacing({ item }: { item: SceneSpacing }) {
  const plate = spacingPlate(item);
  return (
    <Group>
      <Line points={[item.from.x, item.from.y, item.to.x, item.to.y]} stroke={SPACING_LINE} strokeWidth={1.5} strokeScaleEnabled={false} />
      <Group x={plate.x} y={plate.y} scaleX={item.k} scaleY={item.k}>
        <Rect width={item.widthPx} height={plate.heightPx} fill={SPACING_PLATE} cornerRadius={3} perfectDrawEnabled={false} />
        <Text x={item.padPx} y={item.padPx + 0.5} text={item.text} fontSize={item.fontPx} fontFamily={LABEL_FONT_FAMILY} fill="#ffffff" wrap="none" perfectDrawEnabled={false} />
      </Group>
    </Group>
  );
}

/** An alignment guide: dashed magenta on a dark line, each keeping its screen width. Named for tests. */
function KonvaGuide({ item }: { item: SceneGuide }) {
  const points = item.axis === 'x' ? [item.at, item.from, item.at, item.to] : [item.from, item.at, item.to, item.at];
  return (
    <Group name="scene-guide" axis={item.axis} at={item.at}>
      <Line points={points} stroke={UNDERLAY} strokeWidth={2.5} strokeScaleEnabled={false} />
      <Line points={points} stroke={GUIDE_STROKE} strokeWidth={1} dash={[...GUIDE_DASH]} strokeScaleEnabled={false} />
    </Group>
  );
}
