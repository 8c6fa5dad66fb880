import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Point, Size } from '../../../shared/layout-geometry.ts';
import { screenToCanvas, type View } from './canvas-view.ts';
import type { DrawBox } from './draw-boxes.ts';
import type { SceneItem, SceneSpacing } from './scene/scene-types.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

interface Props {
  /** The element the canvas is in: the readout listens to its pointer itself, so only it re-renders as the pointer moves. */
  element: RefObject<HTMLDivElement | null>;
  view: View;
  canvas: Size;
  /** The highlight layer's items: the measuring lines are read from the scene, not measured again. */
  highlight: readonly SceneItem[];
  boxes: ReadonlyMap<string, DrawBox>;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The pointer's position in output pixels and proportions, and the selected region's distances in words. */
export function CanvasReadout({ element, view, canvas, highlight, boxes }: Props) {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Point | undefined>();
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const move = (e: PointerEvent) => {
      const box = el.getBoundingClientRect();
      setScreen({ x: e.clientX - box.left, y: e.clientY - box.top });
    };
    const leave = () => setScreen(undefined);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerleave', leave);
    return () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerleave', leave);
    };
  }, [element]);
  const p = screen && screenToCanvas(view, screen);
  const on = p && p.x >= 0 && p.y >= 0 && p.x <= canvas.width && p.y <= canvas.height;
  const spacing = highlight.filter((i): i is SceneSpacing => i.kind === 'spacing');
  return (
    <div className={`mt-1 space-y-0.5 text-xs ${MUTED_TEXT}`}>
      <p data-testid="pointer-readout" className="font-mono tabular-nums" data-x={on ? Math.floor(p.x) : undefined} data-y={on ? Math.floor(p.y) : undefined}>
        {on
          ? t('inspector.measure.pointer', { x: Math.floor(p.x), y: Math.floor(p.y), px: round1((100 * p.x) / canvas.width), py: round1((100 * p.y) / canvas.height) })
          : t('inspector.measure.pointerNone')}
      </p>
      {spacing.length > 0 && (
        <p data-testid="spacing-readout">
          <span className="font-medium">{t('inspector.measure.spacing')}:</span>{' '}
          {spacing.map((s, i) => (
            <span key={s.side} data-side={s.side} data-length={s.text} data-target={s.targetId ?? 'canvas'}>
              {i > 0 && ' · '}
              {s.targetId === undefined
                ? t('inspector.measure.toEdge', { side: t(`inspector.measure.side.${s.side}`), length: s.text })
                : t('inspector.measure.toRegion', { side: t(`inspector.measure.side.${s.side}`), length: s.text, name: boxes.get(s.targetId)?.label ?? s.targetId })}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
