import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NormalisedLayout } from '../../../shared/layout-model.ts';
import { useElementWidth } from '../../lib/use-element-width.ts';
import { textOn } from '../../design-system/stream-colours.ts';
import { Group, Layer, Rect, Stage, Text } from './konva-core.ts';
import { toDrawBoxes } from './draw-boxes.ts';

interface Props {
  layout: NormalisedLayout;
  colours: Map<string, string>;
  selectedId: string | undefined;
  hoveredId: string | undefined;
  onHover: (id: string | undefined) => void;
  onSelect: (id: string) => void;
}

/** The output canvas at its true aspect ratio, fit to the available width. */
export const LayoutCanvas = memo(function LayoutCanvas({ layout, colours, selectedId, hoveredId, onHover, onSelect }: Props) {
  const { t } = useTranslation();
  const [ref, available] = useElementWidth<HTMLDivElement>();
  const { width: cw, height: ch } = { width: layout.canvas.width.value, height: layout.canvas.height.value };
  const scale = available > 0 ? available / cw : 0;
  const boxes = useMemo(() => toDrawBoxes(layout, scale, colours), [layout, scale, colours]);
  const outlined = boxes.filter((b) => b.id === selectedId || b.id === hoveredId);
  return (
    <div ref={ref} className="w-full">
      <div
        data-testid="layout-canvas"
        data-scale={scale}
        data-canvas-width={cw}
        data-canvas-height={ch}
        role="img"
        aria-label={t('canvas.label', { width: cw, height: ch })}
        className="overflow-hidden rounded-md ring-1 ring-slate-300 dark:ring-slate-700"
        style={{ width: cw * scale, height: ch * scale }}
      >
        {scale > 0 && (
          <Stage width={cw * scale} height={ch * scale} onMouseLeave={() => onHover(undefined)}>
            <Layer listening={false}>
              <Rect x={0} y={0} width={cw * scale} height={ch * scale} fill={layout.canvas.background.value} />
            </Layer>
            <Layer>
              {boxes.map((b) => (
                <Group
                  key={b.id}
                  x={b.x}
                  y={b.y}
                  onMouseEnter={() => onHover(b.id)}
                  onClick={() => onSelect(b.id)}
                  onTap={() => onSelect(b.id)}
                >
                  <Rect width={b.width} height={b.height} fill={b.colour} opacity={b.opacity} cornerRadius={b.cornerRadius} stroke="rgba(0,0,0,0.35)" strokeWidth={1} />
                  {b.width > 40 && b.height > 18 && (
                    <Text
                      x={4}
                      y={4}
                      width={Math.max(0, b.width - 8)}
                      text={`${b.label}${b.badges ? ` · ${b.badges}` : ''}`}
                      fontSize={Math.max(10, Math.min(14, b.height / 6))}
                      fill={textOn(b.colour)}
                      opacity={Math.max(0.35, b.opacity)}
                      ellipsis
                      wrap="none"
                      listening={false}
                    />
                  )}
                </Group>
              ))}
            </Layer>
            <Layer listening={false}>
              {outlined.map((b) => (
                <Rect
                  key={b.id}
                  x={b.x}
                  y={b.y}
                  width={b.width}
                  height={b.height}
                  cornerRadius={b.cornerRadius}
                  stroke={b.id === selectedId ? '#2563eb' : '#f8fafc'}
                  strokeWidth={b.id === selectedId ? 3 : 2}
                  dash={b.id === selectedId ? undefined : [6, 4]}
                />
              ))}
            </Layer>
          </Stage>
        )}
      </div>
    </div>
  );
});
