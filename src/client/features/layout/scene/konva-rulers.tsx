import type { Size } from '../../../../shared/layout-geometry.ts';
import type { View } from '../canvas-view.ts';
import { Group, Line, Rect, Text } from '../konva-core.ts';
import { LABEL_FONT_FAMILY } from '../label-fit.ts';
import { RULER_SIZE_PX, rulerTicks } from './scene-rulers.ts';

const BAND = 'rgba(15,23,42,0.82)';
const INK = '#e2e8f0';

/** Rulers in output pixels along the top and left of the view (screen space, drawn over the canvas). */
export function KonvaRulers({ view, viewport, canvas }: { view: View; viewport: Size; canvas: Size }) {
  const s = RULER_SIZE_PX;
  const top = rulerTicks(view.scale, view.x, viewport.width, canvas.width).filter((t) => t.at >= s);
  const left = rulerTicks(view.scale, view.y, viewport.height, canvas.height).filter((t) => t.at >= s);
  return (
    <Group listening={false}>
      <Rect x={0} y={0} width={viewport.width} height={s} fill={BAND} />
      <Rect x={0} y={s} width={s} height={viewport.height - s} fill={BAND} />
      {top.map((t) => (
        <Group key={`x${t.value}`}>
          <Line points={[t.at, t.major ? 0 : s - 5, t.at, s]} stroke={INK} strokeWidth={1} />
          {t.major && <Text x={t.at + 2} y={2} text={String(t.value)} fontSize={10} fontFamily={LABEL_FONT_FAMILY} fill={INK} />}
        </Group>
      ))}
      {left.map((t) => (
        <Group key={`y${t.value}`}>
          <Line points={[t.major ? 0 : s - 5, t.at, s, t.at]} stroke={INK} strokeWidth={1} />
          {t.major && <Text x={2} y={t.at - 2} rotation={-90} text={String(t.value)} fontSize={10} fontFamily={LABEL_FONT_FAMILY} fill={INK} />}
        </Group>
      ))}
    </Group>
  );
}
