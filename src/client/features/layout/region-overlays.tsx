import { memo } from 'react';
import { clampToCanvas, type Size } from '../../../shared/layout-geometry.ts';
import type { DrawBox } from './draw-boxes.ts';
import { Circle, Group, Rect, Text } from './konva-core.ts';
import { fitLabel, LABEL_FONT_FAMILY, LABEL_FONT_PX, LABEL_INSET_PX, LABEL_MIN_ROOM_PX, LABEL_PAD_PX, measureLabel } from './label-fit.ts';
import type { SpatialMark } from './spatial-map.ts';

interface Props {
  canvas: Size;
  boxes: readonly DrawBox[];
  /** Screen pixels per canvas pixel: labels and strokes keep their screen size at every zoom. */
  scale: number;
  spatial: readonly SpatialMark[] | undefined;
  /** Label font size in screen pixels (larger in the presentation view). */
  labelPx?: number;
}

const DASH = [6, 4];
/** Under every coloured or white line: a dark edge, so the line reads on any background colour. */
const UNDERLAY = 'rgba(15,23,42,0.6)';

/**
 * What the output stream does not show but the inspector must: the canvas edge, the parts of
 * regions off the canvas (dashed), rounding that Volcengine ignores (dashed, as asked), audio-only
 * regions (outline), labels, and on request the SpatialPosition of each region. Static.
 */
export const RegionOverlays = memo(function RegionOverlays({ canvas, boxes, scale, spatial, labelPx = LABEL_FONT_PX }: Props) {
  const px = 1 / scale;
  return (
    <Group listening={false}>
      {/* Half a screen pixel outside the canvas, so no canvas pixel is touched. */}
      <Rect x={-px / 2} y={-px / 2} width={canvas.width + px} height={canvas.height + px} stroke="#64748b" strokeWidth={1} strokeScaleEnabled={false} />
      {boxes.map((b) => (
        <Group key={b.id}>
          {b.offCanvas !== 'inside' && (
            <>
              <Rect {...b.rect} stroke={UNDERLAY} strokeWidth={3} strokeScaleEnabled={false} />
              <Rect {...b.rect} stroke={b.colour} strokeWidth={1.5} dash={DASH} strokeScaleEnabled={false} />
            </>
          )}
          {b.ignoredRadius > 0 && (
            <>
              <Rect {...b.rect} cornerRadius={b.ignoredRadius} stroke={UNDERLAY} strokeWidth={2.5} strokeScaleEnabled={false} />
              <Rect {...b.rect} cornerRadius={b.ignoredRadius} stroke="#f8fafc" strokeWidth={1} dash={[3, 3]} strokeScaleEnabled={false} />
            </>
          )}
          {b.audioOnly && (
            <>
              <Rect {...b.rect} cornerRadius={b.cornerRadius} stroke={UNDERLAY} strokeWidth={3.5} strokeScaleEnabled={false} />
              <Rect {...b.rect} cornerRadius={b.cornerRadius} stroke={b.colour} strokeWidth={2} dash={DASH} strokeScaleEnabled={false} />
            </>
          )}
        </Group>
      ))}
      {boxes.map((b) => <RegionLabel key={b.id} box={b} canvas={canvas} scale={scale} fontPx={labelPx} />)}
      {spatial && boxes.map((b) => {
        const mark = spatial.find((m) => m.id === b.id);
        return mark ? <SpatialBadge key={b.id} box={b} mark={mark} canvas={canvas} scale={scale} fontPx={labelPx} /> : null;
      })}
    </Group>
  );
});

function RegionLabel({ box, canvas, scale, fontPx }: { box: DrawBox; canvas: Size; scale: number; fontPx: number }) {
  const shown = clampToCanvas(box.rect, canvas);
  if (!shown) return null;
  const em = fontPx / LABEL_FONT_PX;
  const pad = LABEL_PAD_PX * em;
  const inset = LABEL_INSET_PX * em;
  const room = shown.width * scale - 2 * (inset + pad);
  // Two letters and an ellipsis help nobody and cost a text draw each (300 tiny regions): zoom in to read them.
  if (shown.height * scale < fontPx + 2 * (inset + pad) || room < LABEL_MIN_ROOM_PX * em) return null;
  const text = fitLabel(box.label, room, (s) => measureLabel(s, fontPx));
  if (!text) return null;
  const k = 1 / scale;
  const width = measureLabel(text, fontPx) + 2 * pad;
  const x = shown.x + inset * k;
  const y = shown.y + inset * k;
  // Light text on a dark plate with a light rim: legible on any region colour and any background.
  return (
    <Group x={x} y={y} scaleX={k} scaleY={k}>
      <Rect width={width} height={fontPx + 2 * pad} fill="rgba(15,23,42,0.78)" stroke="rgba(248,250,252,0.55)" strokeWidth={1} cornerRadius={3 * em} perfectDrawEnabled={false} />
      <Text x={pad} y={pad + 0.5} text={text} fontSize={fontPx} fontFamily={LABEL_FONT_FAMILY} fill="#f8fafc" wrap="none" perfectDrawEnabled={false} />
    </Group>
  );
}

function SpatialBadge({ box, mark, canvas, scale, fontPx }: { box: DrawBox; mark: SpatialMark; canvas: Size; scale: number; fontPx: number }) {
  const shown = clampToCanvas(box.rect, canvas);
  if (!shown) return null;
  const k = 1 / scale;
  const text = `◎ ${mark.position.join(', ')}`;
  const width = measureLabel(text, fontPx) + 2 * LABEL_PAD_PX;
  const cx = shown.x + shown.width / 2;
  const cy = shown.y + shown.height / 2;
  return (
    <Group x={cx} y={cy} scaleX={k} scaleY={k} opacity={mark.ignored ? 0.55 : 1}>
      <Circle radius={4} fill="#f8fafc" stroke="#0f172a" strokeWidth={1.5} />
      <Rect x={-width / 2} y={8} width={width} height={fontPx + 2 * LABEL_PAD_PX} fill="rgba(15,23,42,0.85)" cornerRadius={3} />
      <Text x={-width / 2 + LABEL_PAD_PX} y={8 + LABEL_PAD_PX + 0.5} text={text} fontSize={fontPx} fontFamily={LABEL_FONT_FAMILY} fill={mark.defaulted ? '#cbd5e1' : '#f8fafc'} wrap="none" />
    </Group>
  );
}
