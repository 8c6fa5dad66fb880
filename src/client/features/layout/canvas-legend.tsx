import { useTranslation } from 'react-i18next';
import type { NormalisedLayout } from '../../../shared/layout-model.ts';
import { MARKER_GLYPH, REGION_MARKERS } from './draw-boxes.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

/** How to read the canvas: the drawing order for equal ZOrder, the glyphs and the dashed lines. */
export function CanvasLegend({ layout, backgroundReset }: { layout: NormalisedLayout; backgroundReset: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`space-y-1 text-xs ${MUTED_TEXT}`}>
      {backgroundReset && (
        <p className="text-sm text-amber-900 dark:text-amber-200">⚠ {t('inspector.canvas.backgroundReset', { value: layout.canvas.background.value })}</p>
      )}
      <p>{t('inspector.canvas.drawOrder')}</p>
      <p className="flex flex-wrap gap-x-3 gap-y-0.5">
        <span className="font-medium">{t('inspector.legend.title')}:</span>
        {REGION_MARKERS.map((m) => (
          <span key={m}><span aria-hidden="true" className="font-mono">{MARKER_GLYPH[m]}</span> {t(`inspector.legend.${m}`)}</span>
        ))}
        <span><span aria-hidden="true">┄</span> {t('inspector.legend.offCanvas')}</span>
      </p>
    </div>
  );
}
