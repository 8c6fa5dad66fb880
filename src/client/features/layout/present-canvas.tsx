import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskModel } from '../../../shared/task-model.ts';
import { regionColour, regionLabel } from './draw-boxes.ts';
import { LayoutCanvas } from './layout-canvas.tsx';
import { aspectSize } from './source-frame-draw.ts';
import { useLayoutPicture } from './scene/use-layout-picture.ts';

/** Labels on a wall or a projector: half again the page's 12 px. */
export const PRESENT_LABEL_PX = 18;
const SOURCE = aspectSize('16:9');

/** The layout canvas as large as the screen allows, with large labels and the regions listed beside it. */
export function PresentCanvas({ model, maxHeight }: { model: TaskModel; maxHeight: number }) {
  const { t } = useTranslation();
  const { layout } = model;
  const [selectedId, setSelectedId] = useState<string>();
  const [hoveredId, setHoveredId] = useState<string>();
  const { parts, images } = useLayoutPicture(layout, SOURCE);
  const { colours, boxes } = parts;
  return (
    <div className="grid items-start gap-4 @5xl:grid-cols-[minmax(0,1fr)_16rem]" data-testid="present-canvas" data-label-px={PRESENT_LABEL_PX}>
      <LayoutCanvas
        layout={layout}
        control={model.task.Control}
        parts={parts}
        images={images}
        selectedId={selectedId}
        hoveredId={hoveredId}
        onHover={setHoveredId}
        onSelect={setSelectedId}
        stageRef={null}
        labelPx={PRESENT_LABEL_PX}
        maxHeight={maxHeight}
      />
      <section aria-label={t('task.regions')} className="min-w-0">
        <h3 className="mb-2 text-lg font-semibold">{t('task.regions')} ({layout.regions.length})</h3>
        <ul className="flex max-h-[60vh] flex-wrap gap-x-5 gap-y-1.5 overflow-auto text-lg @5xl:block @5xl:space-y-1.5">
          {boxes.map((b, i) => {
            const region = layout.regions[i];
            return (
              <li key={b.id} className={`flex items-center gap-2 ${b.id === selectedId ? 'font-semibold' : ''}`}>
                <span aria-hidden="true" className="inline-block h-4 w-4 shrink-0 rounded-sm ring-1 ring-slate-900/30 dark:ring-white/40" style={{ background: region ? regionColour(region, colours) : b.colour }} />
                <span className="min-w-0 font-mono break-all">{region ? regionLabel(region, b.markers) : b.label}</span>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
