import { memo, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NormalisedRegion } from '../../../shared/layout-model.ts';
import { finiteRect, type Size } from '../../../shared/layout-geometry.ts';
import { sourceFindings } from '../../../shared/source-frame-findings.ts';
import { useElementWidth } from '../../lib/use-element-width.ts';
import { Ellipse, Group, Layer, Line, Rect, Stage } from './konva-core.ts';
import { SourceFrameText } from './source-frame-text.tsx';
import { SOURCE_ASPECTS, sourceFrameDrawing, type SourceAspectId } from './source-frame-draw.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

interface Props {
  region: NormalisedRegion;
  colour: string;
  background: string;
  aspect: SourceAspectId;
  source: Size;
  onAspect: (id: SourceAspectId) => void;
}

const GAP = 16;
const FRAME_FILL = '#64748b';
const FACE_FILL = '#fcd34d';
const GRID = 'rgba(248,250,252,0.55)';

/** The assumed source frame with its SourceCrop window, and what RenderMode makes of it in the region. */
export const SourceFrameView = memo(function SourceFrameView({ region, colour, background, aspect, source, onAspect }: Props) {
  const { t } = useTranslation();
  const selectId = useId();
  const [ref, available] = useElementWidth<HTMLDivElement>();
  const findings = useMemo(() => sourceFindings(region, source), [region, source]);
  const result = findings.frame;
  const panelW = Math.max(0, Math.floor((available - GAP) / 2));
  const box = useMemo(() => ({ width: panelW, height: Math.min(160, Math.round((panelW * 9) / 16)) }), [panelW]);
  const rect = finiteRect(region.rect);
  const d = useMemo(() => sourceFrameDrawing(result, source, rect, box), [result, source, rect, box]);
  const crop = d.cropWindow;
  return (
    <section aria-labelledby={`${selectId}-title`} className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={`${selectId}-title`} className="font-semibold">{t('inspector.source.title')}</h4>
        <label htmlFor={selectId} className="flex items-center gap-1.5 text-sm">
          {t('inspector.source.aspect')}
          <select
            id={selectId}
            value={aspect}
            onChange={(e) => onAspect(SOURCE_ASPECTS.find((a) => a.id === e.target.value)?.id ?? '16:9')}
            title={t('inspector.source.aspectHelp')}
            className="rounded-md border border-slate-300 bg-white px-1.5 py-0.5 dark:border-slate-600 dark:bg-slate-800"
          >
            {SOURCE_ASPECTS.map((a) => <option key={a.id} value={a.id}>{a.id}</option>)}
          </select>
        </label>
      </div>
      <div ref={ref} className="w-full">
        <div className={`flex gap-4 text-xs ${MUTED_TEXT}`} aria-hidden="true">
          <span style={{ width: panelW }}>{t('inspector.source.frame')}</span>
          <span style={{ width: panelW }}>{t('inspector.source.region', { width: rect.width, height: rect.height })}</span>
        </div>
        <div
          data-testid="source-frame"
          data-render-kind={result.kind}
          data-frame={JSON.stringify(d.frame)}
          data-crop={JSON.stringify(crop)}
          data-content={JSON.stringify({ ...d.content, x: d.content.x + panelW + GAP })}
          role="img"
          aria-label={`${t('inspector.source.frame')}: SourceCrop ${result.crop.window.x}, ${result.crop.window.y}, ${result.crop.window.width} × ${result.crop.window.height}`}
          style={{ height: box.height }}
        >
          {panelW > 0 && (
            <Stage width={panelW * 2 + GAP} height={box.height} listening={false}>
              <Layer listening={false}>
                <Rect {...d.frame} fill={FRAME_FILL} />
                {d.frameLines.map((l, i) => <Line key={i} points={l} stroke={GRID} strokeWidth={1} />)}
                <Ellipse x={d.face.x} y={d.face.y} radiusX={d.face.rx} radiusY={d.face.ry} fill={FACE_FILL} opacity={0.9} />
                {/* Outside the crop window: darkened, so the window reads as the part that is used. */}
                <Group clipFunc={(ctx) => { ctx.rect(d.frame.x, d.frame.y, d.frame.width, d.frame.height); ctx.rect(crop.x + crop.width, crop.y, -crop.width, crop.height); }}>
                  <Rect {...d.frame} fill="rgba(2,6,23,0.72)" />
                </Group>
                {result.kind === 'cropFill' && <Rect {...d.visibleWindow} stroke="#38bdf8" strokeWidth={2} />}
                <Rect {...crop} stroke="#f8fafc" strokeWidth={2} dash={[5, 4]} />
                <Group x={panelW + GAP}>
                  <Rect {...d.region} fill={background} />
                  <Group clipX={d.content.x} clipY={d.content.y} clipWidth={d.content.width} clipHeight={d.content.height}>
                    <Rect {...d.content} fill={FRAME_FILL} />
                    {d.regionLines.map((l, i) => <Line key={i} points={l} stroke={GRID} strokeWidth={1} />)}
                    <Ellipse x={d.regionFace.x} y={d.regionFace.y} radiusX={d.regionFace.rx} radiusY={d.regionFace.ry} fill={FACE_FILL} opacity={0.9} />
                  </Group>
                  <Rect {...d.region} stroke={colour} strokeWidth={2} />
                </Group>
              </Layer>
            </Stage>
          )}
        </div>
      </div>
      <SourceFrameText findings={findings} renderModeResetFrom={region.renderMode.resetFrom} />
    </section>
  );
});
