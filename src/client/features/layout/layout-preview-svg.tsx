import type { Size } from '../../../shared/layout-geometry.ts';
import type { DrawBox } from './draw-boxes.ts';
import { LABEL_FONT_FAMILY, LABEL_FONT_PX, LABEL_INSET_PX, LABEL_MIN_ROOM_PX, LABEL_PAD_PX } from './label-fit.ts';

interface Props {
  canvas: Size;
  background: string;
  boxes: readonly DrawBox[];
}

/**
 * The width, in CSS pixels, the server assumes the picture gets: it cannot measure the page, so
 * its labels and outlines are drawn at this scale (the task page 1440 px wide gives its
 * layout about this much). The browser's own picture, a moment later, has them exact.
 */
export const NOMINAL_PREVIEW_WIDTH = 800;
const AUDIO_ONLY_FILL = 0.25;
/** Two decimals of a canvas pixel: the picture is a few hundred CSS pixels wide. */
const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The layout's first picture as SVG, for the HTML the server sends with a /task link (so the
 * picture is on the screen before any of the page's JavaScript has run): what layout-preview-paint.ts
 * paints, but sized by the browser rather than measured. The viewBox is the mixed stream's
 * canvas, scaled to the section's width and at most as tall as the canvas view (centred, as
 * fitView does); no inline style (the CSP allows none), only SVG attributes and classes.
 */
export function LayoutPreviewSvg({ canvas, background, boxes }: Props) {
  const { width: cw, height: ch } = canvas;
  if (!(cw > 0 && ch > 0)) return null;
  // Canvas pixels per CSS pixel at the nominal width: labels keep their screen size.
  const px = cw / NOMINAL_PREVIEW_WIDTH;
  const dashed = (b: DrawBox) => b.audioOnly || b.offCanvas !== 'inside';
  const labelH = (LABEL_FONT_PX + 2 * LABEL_PAD_PX) * px;
  return (
    <svg viewBox={`0 0 ${cw} ${ch}`} width="100%" className="block max-h-[640px] min-h-[160px]" aria-hidden="true" data-server-picture="">
      <rect width={cw} height={ch} fill={background} />
      {boxes.filter((b) => b.rect.width > 0 && b.rect.height > 0).map((b) => (
        <rect
          key={b.id}
          x={b.rect.x} y={b.rect.y} width={b.rect.width} height={b.rect.height} rx={b.cornerRadius || undefined}
          fill={b.colour} fillOpacity={b.audioOnly ? b.opacity * AUDIO_ONLY_FILL : b.opacity}
          {...(dashed(b) ? { stroke: b.colour, strokeWidth: r2(2 * px), strokeDasharray: `${r2(6 * px)} ${r2(4 * px)}` } : {})}
        />
      ))}
      {boxes.map((b) => {
        const roomPx = b.rect.width / px - 2 * (LABEL_INSET_PX + LABEL_PAD_PX);
        if (!b.label || b.rect.height < labelH + 2 * LABEL_INSET_PX * px || roomPx < LABEL_MIN_ROOM_PX) return null;
        const x = r2(b.rect.x + LABEL_INSET_PX * px);
        const y = r2(b.rect.y + LABEL_INSET_PX * px);
        const w = r2(b.rect.width - 2 * LABEL_INSET_PX * px);
        // A nested <svg> clips the label to its region (overflow is hidden by default).
        return (
          <svg key={b.id} x={x} y={y} width={w} height={r2(labelH)}>
            <text x={r2(LABEL_PAD_PX * px)} y={r2(labelH / 2)} dominantBaseline="central" fontSize={r2(LABEL_FONT_PX * px)} fontFamily={LABEL_FONT_FAMILY} fill="#f8fafc" stroke="rgba(15,23,42,0.78)" strokeWidth={r2(3 * px)} paintOrder="stroke">{b.label}</text>
          </svg>
        );
      })}
    </svg>
  );
}
