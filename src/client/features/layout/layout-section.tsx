import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskModel } from '../../../shared/task-model.ts';
import { useEnumLabel } from '../../i18n/use-enum-label.ts';
import { LayoutCanvas } from './layout-canvas.tsx';
import { RegionTable } from './region-table.tsx';
import { WarningList } from './warning-list.tsx';
import { layoutColours } from './draw-boxes.ts';

/** Canvas, region table and warnings, sharing one hover and one selection. */
export function LayoutSection({ model }: { model: TaskModel }) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const [selectedId, setSelectedId] = useState<string>();
  const [hoveredId, setHoveredId] = useState<string>();
  const { layout } = model;
  const colours = useMemo(() => layoutColours(layout), [layout]);
  const mode = enumLabel('layoutMode', layout.mode.value);
  return (
    <section aria-labelledby="layout-title" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="layout-title" className="mb-3 text-lg font-semibold">
        {t('task.layout')} <span className="text-sm font-normal text-slate-600 dark:text-slate-400">· {mode.label} · {layout.canvas.width.value} × {layout.canvas.height.value}</span>
      </h2>
      {layout.approximate && (
        <p className="mb-2 text-sm text-amber-900 dark:text-amber-200">≈ {t('canvas.approximate', { mode: mode.label })}</p>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(18rem,2fr)]">
        <div className="space-y-3">
          <LayoutCanvas layout={layout} colours={colours} selectedId={selectedId} hoveredId={hoveredId} onHover={setHoveredId} onSelect={setSelectedId} />
          {layout.regions.length === 0 && (
            <p className="text-sm text-slate-600 dark:text-slate-400">{model.targets.length === 0 && layout.approximate ? t('canvas.allStreams') : t('canvas.noRegions')}</p>
          )}
        </div>
        <div className="min-w-0 space-y-4">
          <WarningList model={model} onSelect={setSelectedId} />
        </div>
      </div>
      <div className="mt-4">
        <RegionTable regions={layout.regions} colours={colours} selectedId={selectedId} hoveredId={hoveredId} onHover={setHoveredId} onSelect={setSelectedId} />
      </div>
    </section>
  );
}
