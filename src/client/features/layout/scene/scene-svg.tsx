import type { PixelRect } from '../../../../shared/layout-model.ts';
import { LABEL_FONT_FAMILY, LABEL_RIM } from '../label-fit.ts';
import { SPACING_LINE, SPACING_PLATE, spacingPlate } from './scene-spacing.ts';
import { UNDERLAY } from './build-scene.ts';
import { GUIDE_DASH, GUIDE_STROKE } from './scene-guides.ts';
import type { Scene, SceneGuide, SceneImage, SceneItem, SceneLabel, SceneSpacing, SceneSpatial } from './scene-types.ts';

/** Where the picture goes: a known viewport and view (the browser), or the element's width (the server, which cannot measure). */
export type SvgFrame =
  | { kind: 'viewport'; width: number; height: number; view: { x: number; y: number; scale: number } }
  | { kind: 'fill'; className: string };

interface Props {
  scene: Scene;
  frame: SvgFrame;
  /** Prefix of the clip paths' ids: one picture of a layout is on the page at a time. */
  idPrefix?: string;
}

/** Two decimals of a canvas pixel are plenty at any size the picture is shown. */
const r2 = (n: number) => Math.round(n * 100) / 100;
const rx = (rect: PixelRect, radius: number) => (radius > 0 ? r2(Math.min(radius, rect.width / 2, rect.height / 2)) : undefined);

/**
 * The static drawer: a scene as SVG, for the HTML the server sends and the browser's first
 * picture while the Konva canvas loads. SVG attributes only, no inline style (the CSP allows none).
 * The background and the regions are the outer canvas's direct children (clipped to it, as the
 * stream is); the overlays follow in a group.
 */
export function SceneSvg({ scene, frame, idPrefix = 'layout-scene-' }: Props) {
  const { width: cw, height: ch } = scene.canvas;
  if (!(cw > 0 && ch > 0)) return null;
  // Plain calls, not components: a server render of hundreds of regions pays per component.
  const under = [...scene.layers.background, ...scene.layers.regions].map((item, i) => svgItem(item, i, `${idPrefix}${i}`));
  const over = [...scene.layers.overlays, ...scene.layers.highlight].map((item, i) => svgItem(item, i, ''));
  if (frame.kind === 'fill') {
    return (
      <svg viewBox={`0 0 ${cw} ${ch}`} width="100%" className={frame.className} aria-hidden="true" data-server-picture="">
        {under}
        <g>{over}</g>
      </svg>
    );
  }
  const { view } = frame;
  return (
    <svg width={frame.width} height={frame.height} className="block" aria-hidden="true" data-first-picture="">
      <svg x={view.x} y={view.y} width={cw * view.scale} height={ch * view.scale} viewBox={`0 0 ${cw} ${ch}`}>{under}</svg>
      <g transform={`translate(${view.x} ${view.y}) scale(${view.scale})`}>{over}</g>
    </svg>
  );
}

function svgItem(item: SceneItem, key: number, idPrefix: string) {
  switch (item.kind) {
    case 'background':
      return <rect key={key} {...item.rect} fill={item.fill} />;
    case 'backgroundImage':
      return <image key={key} href={item.image.src} {...item.rect} preserveAspectRatio="none" />;
    case 'box':
      return <rect key={key} {...item.rect} rx={rx(item.rect, item.cornerRadius)} fill={item.fill} fillOpacity={item.opacity} />;
    case 'image':
      return <SvgImage key={key} item={item} clipId={`${idPrefix}clip`} />;
    case 'edge':
    case 'outline': {
      // Screen-pixel strokes and dashes, in canvas pixels at this picture's scale.
      const dash = item.kind === 'outline' ? item.dashPx : undefined;
      const radius = item.kind === 'outline' ? item.cornerRadius : 0;
      return <rect key={key} {...item.rect} rx={rx(item.rect, radius)} fill="none" stroke={item.stroke} strokeWidth={r2(item.widthPx * item.k)} strokeDasharray={dash?.map((d) => r2(d * item.k)).join(' ')} />;
    }
    case 'label':
      return <SvgLabel key={key} item={item} />;
    case 'spatial':
      return <SvgSpatial key={key} item={item} />;
    case 'spacing':
      return <SvgSpacing key={key} item={item} />;
    case 'guide':
      return <SvgGuide key={key} item={item} />;
  }
}

/** A loaded AlternateImage: the crop of the image stretched over its destination, clipped to the region. */
function SvgImage({ item, clipId }: { item: SceneImage; clipId: string }) {
  const { clip, dest, crop } = item;
  return (
    <g clipPath={`url(#${clipId})`} opacity={item.opacity}>
      <clipPath id={clipId}><rect {...clip} rx={rx(clip, item.cornerRadius)} /></clipPath>
      <svg {...dest} viewBox={`${crop.x} ${crop.y} ${crop.width} ${crop.height}`} preserveAspectRatio="none">
        <image href={item.image.src} width={item.image.naturalWidth} height={item.image.naturalHeight} />
      </svg>
    </g>
  );
}

function SvgLabel({ item }: { item: SceneLabel }) {
  return (
    <g transform={`translate(${r2(item.x)} ${r2(item.y)}) scale(${item.k})`}>
      <rect width={r2(item.widthPx)} height={r2(item.heightPx)} rx={r2(item.radiusPx)} fill="rgba(15,23,42,0.78)" stroke={item.rim ?? LABEL_RIM} strokeWidth={item.rim ? 2 : 1} />
      <text x={r2(item.padPx)} y={r2(item.padPx + 0.5 + item.fontPx / 2)} dominantBaseline="central" fontSize={item.fontPx} fontFamily={LABEL_FONT_FAMILY} fill="#f8fafc">{item.text}</text>
    </g>
  );
}

function SvgSpatial({ item }: { item: SceneSpatial }) {
  const half = item.widthPx / 2;
  return (
    <g transform={`translate(${r2(item.cx)} ${r2(item.cy)}) scale(${item.k})`} opacity={item.ignored ? 0.55 : 1}>
      <circle r={4} fill="#f8fafc" stroke="#0f172a" strokeWidth={1.5} />
      <rect x={r2(-half)} y={8} width={r2(item.widthPx)} height={item.fontPx + 2 * item.padPx} rx={3} fill="rgba(15,23,42,0.85)" />
      <text x={r2(-half + item.padPx)} y={r2(8 + item.padPx + 0.5 + item.fontPx / 2)} dominantBaseline="central" fontSize={item.fontPx} fontFamily={LABEL_FONT_FAMILY} fill={item.defaulted ? '#cbd5e1' : '#f8fafc'}>{item.text}</text>
    </g>
  );
}

function SvgSpacing({ item }: { item: SceneSpacing }) {
  const plate = spacingPlate(item);
  return (
    <g>
      <line x1={r2(item.from.x)} y1={r2(item.from.y)} x2={r2(item.to.x)} y2={r2(item.to.y)} stroke={SPACING_LINE} strokeWidth={r2(1.5 * item.k)} />
      <g transform={`translate(${r2(plate.x)} ${r2(plate.y)}) scale(${item.k})`}>
        <rect width={r2(item.widthPx)} height={r2(plate.heightPx)} rx={3} fill={SPACING_PLATE} />
        <text x={r2(item.padPx)} y={r2(item.padPx + 0.5 + item.fontPx / 2)} dominantBaseline="central" fontSize={item.fontPx} fontFamily={LABEL_FONT_FAMILY} fill="#ffffff">{item.text}</text>
      </g>
    </g>
  );
}

function SvgGuide({ item }: { item: SceneGuide }) {
  const [x1, y1, x2, y2] = item.axis === 'x' ? [item.at, item.from, item.at, item.to] : [item.from, item.at, item.to, item.at];
  const line = { x1: r2(x1), y1: r2(y1), x2: r2(x2), y2: r2(y2) };
  return (
    <g>
      <line {...line} stroke={UNDERLAY} strokeWidth={r2(2.5 * item.k)} />
      <line {...line} stroke={GUIDE_STROKE} strokeWidth={r2(item.k)} strokeDasharray={GUIDE_DASH.map((d) => r2(d * item.k)).join(' ')} />
    </g>
  );
}
