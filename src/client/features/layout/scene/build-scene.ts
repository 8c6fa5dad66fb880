import { clampToCanvas } from '../../../../shared/layout-geometry.ts';
import type { DrawBox } from '../draw-boxes.ts';
import { LABEL_PAD_PX } from '../label-fit.ts';
import type { SpatialMark } from '../spatial-map.ts';
import type { LayoutParts } from './layout-parts.ts';
import type { AppliedBox } from './applied-boxes.ts';
import { sceneGuides } from './scene-guides.ts';
import { sceneSpacing, spacingPlateRect } from './scene-spacing.ts';
import { bottomLabel, sceneLabels, type LabelView } from './scene-labels.ts';
import type { PlacedImage, Scene, SceneItem, SceneOutline, SceneSpacing } from './scene-types.ts';

/** How the picture is viewed: everything a drawer needs besides the layout itself. */
export interface SceneView extends LabelView {
  /** Regions left out of the picture altogether. */
  hidden?: ReadonlySet<string>;
  /** The BackgroundImage, once loaded (it overrides the colour). */
  backgroundImage?: HTMLImageElement | undefined;
  /** AlternateImages that have loaded, by region id. */
  images?: ReadonlyMap<string, PlacedImage>;
  /** SpatialPosition badges, when asked for. */
  spatial?: readonly SpatialMark[] | undefined;
  selectedId?: string | undefined;
  hoveredId?: string | undefined;
  /** The regions the overlays have labels for: the one pointed at or picked is named in the highlight when it is not among them. */
  labelled?: ReadonlySet<string> | undefined;
  /** Measuring lines from the selected region to its neighbours and the canvas edges, and alignment guides (the interactive canvas). */
  spacing?: boolean;
  /** The layout the mixer applied (read from the output), drawn over the declared one on request. */
  applied?: readonly AppliedBox[] | undefined;
}

const DASH = [6, 4];
/** Under every coloured or white line: a dark edge, so the line reads on any background colour. */
export const UNDERLAY = 'rgba(15,23,42,0.6)';
/** An audio-only region paints no picture: a faint fill keeps it findable, an outline marks it. */
const AUDIO_ONLY_FILL = 0.25;

const shownBoxes = (parts: LayoutParts, hidden: ReadonlySet<string> | undefined) =>
  hidden && hidden.size > 0 ? parts.boxes.filter((b) => !hidden.has(b.id)) : parts.boxes;

const hasArea = (b: DrawBox) => b.rect.width > 0 && b.rect.height > 0;

export function sceneBackground(parts: LayoutParts, backgroundImage?: HTMLImageElement): SceneItem[] {
  const rect = { x: 0, y: 0, ...parts.canvas };
  const items: SceneItem[] = [{ kind: 'background', rect, fill: parts.background.colour }];
  if (backgroundImage) items.push({ kind: 'backgroundImage', rect, image: backgroundImage });
  return items;
}

/** Every region with an area, bottom first, its AlternateImage over it once loaded. Drawers clip them to the canvas. */
export function sceneRegions(parts: LayoutParts, view: Pick<SceneView, 'hidden' | 'images'>): SceneItem[] {
  const items: SceneItem[] = [];
  for (const b of shownBoxes(parts, view.hidden)) {
    if (!hasArea(b)) continue;
    items.push({ kind: 'box', id: b.id, rect: b.rect, fill: b.colour, opacity: b.audioOnly ? b.opacity * AUDIO_ONLY_FILL : b.opacity, cornerRadius: b.cornerRadius });
    const placed = view.images?.get(b.id);
    if (placed) items.push({ kind: 'image', id: b.id, clip: b.rect, cornerRadius: b.cornerRadius, dest: placed.dest, crop: placed.crop, opacity: b.opacity, image: placed.image });
  }
  return items;
}

/** Applied regions: a colour no region is given (stream-colours.ts), dashed, so the two layouts tell apart. */
const APPLIED_STROKE = '#f0abfc';
const APPLIED_DASH = [10, 4, 2, 4];

function outliner(k: number) {
  return (b: Pick<DrawBox, 'id' | 'rect'>, role: SceneOutline['role'], cornerRadius: number, stroke: string, widthPx: number, dashPx?: readonly number[]): SceneOutline =>
    ({ kind: 'outline', id: b.id, role, rect: b.rect, cornerRadius, stroke, widthPx, dashPx, k });
}

/**
 * What the output stream does not show but the inspector must: the canvas edge, the parts of
 * regions off the canvas (dashed), rounding that Volcengine ignores (dashed, as asked), audio-only
 * regions (outline), the labels and, on request, each region's SpatialPosition.
 */
export function sceneOverlays(parts: LayoutParts, view: SceneView): SceneItem[] {
  const { canvas } = parts;
  const k = 1 / view.scale;
  const boxes = shownBoxes(parts, view.hidden);
  const outline = outliner(k);
  const items: SceneItem[] = [{ kind: 'edge', rect: { x: -k / 2, y: -k / 2, width: canvas.width + k, height: canvas.height + k }, stroke: '#64748b', widthPx: 1, k }];
  for (const b of boxes) {
    if (b.offCanvas !== 'inside') items.push(outline(b, 'offCanvas', 0, UNDERLAY, 3), outline(b, 'offCanvas', 0, b.colour, 1.5, DASH));
    if (b.ignoredRadius > 0) items.push(outline(b, 'ignoredRadius', b.ignoredRadius, UNDERLAY, 2.5), outline(b, 'ignoredRadius', b.ignoredRadius, '#f8fafc', 1, [3, 3]));
    if (b.audioOnly) items.push(outline(b, 'audioOnly', b.cornerRadius, UNDERLAY, 3.5), outline(b, 'audioOnly', b.cornerRadius, b.colour, 2, DASH));
  }
  items.push(...sceneLabels(boxes, canvas, view));
  if (view.spatial) {
    const marks = new Map(view.spatial.map((m) => [m.id, m]));
    for (const b of boxes) {
      const mark = marks.get(b.id);
      const shown = mark && clampToCanvas(b.rect, canvas);
      if (!mark || !shown) continue;
      const text = `◎ ${mark.position.join(', ')}`;
      items.push({
        kind: 'spatial', id: b.id, cx: shown.x + shown.width / 2, cy: shown.y + shown.height / 2, k, text,
        widthPx: view.measure(text) + 2 * LABEL_PAD_PX, fontPx: view.fontPx, padPx: LABEL_PAD_PX, ignored: mark.ignored, defaulted: mark.defaulted,
      });
    }
  }
  if (view.applied) items.push(...sceneApplied(view.applied, canvas, view));
  return items;
}

/** The applied layout's regions as dashed outlines named at their bottom-left, over whatever is drawn. */
export function sceneApplied(applied: readonly AppliedBox[], canvas: LayoutParts['canvas'], view: LabelView): SceneItem[] {
  const outline = outliner(1 / view.scale);
  const items: SceneItem[] = [];
  for (const a of applied) items.push(outline(a, 'applied', 0, UNDERLAY, 4), outline(a, 'applied', 0, APPLIED_STROKE, 2, APPLIED_DASH));
  for (const a of applied) {
    const label = bottomLabel(a, canvas, view);
    if (label) items.push(label);
  }
  return items;
}

/**
 * The declared layout over the output's video: each region's outline in its colour (no fill, the
 * picture is the video), its label when asked, and the applied regions when asked.
 */
export function videoOverlayScene(parts: LayoutParts, view: SceneView & { labels: boolean }): Scene {
  const outline = outliner(1 / view.scale);
  const boxes = shownBoxes(parts, view.hidden).filter(hasArea);
  const items: SceneItem[] = [];
  for (const b of boxes) items.push(outline(b, 'declared', b.cornerRadius, UNDERLAY, 4), outline(b, 'declared', b.cornerRadius, b.colour, 2));
  if (view.labels) items.push(...sceneLabels(boxes, parts.canvas, view));
  if (view.applied) items.push(...sceneApplied(view.applied, parts.canvas, view));
  return { canvas: parts.canvas, layers: { background: [], regions: [], overlays: items, highlight: [] } };
}

/**
 * Hover (dashed) and selection (solid, two-tone so it reads on any colour), and, on the
 * interactive canvas, the selected region's measuring lines and the alignment guides. The only
 * part that changes as the pointer moves.
 */
export function sceneHighlight(parts: LayoutParts, view: SceneView): SceneItem[] {
  const find = (id: string | undefined) => (id === undefined || view.hidden?.has(id) ? undefined : parts.boxes.find((b) => b.id === id));
  const selected = find(view.selectedId);
  const hovered = view.hoveredId === view.selectedId ? undefined : find(view.hoveredId);
  const outline = outliner(1 / view.scale);
  const items: SceneItem[] = [];
  // Under the outlines and figures: what the picked region (else the one pointed at) lines up with.
  const aligned = selected ?? hovered;
  if (aligned && view.spacing) items.push(...sceneGuides(aligned, shownBoxes(parts, view.hidden), parts.canvas, view.scale));
  if (hovered) items.push(outline(hovered, 'hovered', hovered.cornerRadius, '#0f172a', 3), outline(hovered, 'hovered', hovered.cornerRadius, '#f8fafc', 1.5, DASH));
  if (selected) items.push(outline(selected, 'selected', selected.cornerRadius, '#f8fafc', 5), outline(selected, 'selected', selected.cornerRadius, '#2563eb', 2.5));
  if (view.spacing) items.push(...selectedSpacing(parts, view));
  for (const b of [hovered, selected]) {
    // Named over everything when the overlays had no room for its label.
    if (!b || !view.labelled || view.labelled.has(b.id)) continue;
    items.push(...sceneLabels([b], parts.canvas, { ...view, keepClear: undefined }));
  }
  return items;
}

/** The selected region's measuring lines, when it is shown. */
export function selectedSpacing(parts: LayoutParts, view: Pick<SceneView, 'selectedId' | 'hidden' | keyof LabelView>): SceneSpacing[] {
  const id = view.selectedId;
  const selected = id === undefined || view.hidden?.has(id) ? undefined : parts.boxes.find((b) => b.id === id);
  return selected ? sceneSpacing(selected, shownBoxes(parts, view.hidden), parts.canvas, view) : [];
}

/** Pure: the whole picture of a layout as seen in `view`, layer by layer, each in draw order. */
export function buildScene(parts: LayoutParts, view: SceneView): Scene {
  const keepClear = view.spacing ? selectedSpacing(parts, view).map(spacingPlateRect) : undefined;
  const overlays = sceneOverlays(parts, { ...view, keepClear });
  const labelled = new Set(overlays.flatMap((item) => (item.kind === 'label' ? [item.id] : [])));
  return {
    canvas: parts.canvas,
    layers: {
      background: sceneBackground(parts, view.backgroundImage),
      regions: sceneRegions(parts, view),
      overlays,
      highlight: sceneHighlight(parts, { ...view, labelled }),
    },
  };
}
