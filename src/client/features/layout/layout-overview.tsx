import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionVisibility } from '../../../shared/layout-geometry.ts';
import type { TaskModel } from '../../../shared/task-model.ts';
import { regionLabel } from './draw-boxes.ts';
import type { ImageState } from './image-url.ts';
import { leastVisible } from './layout-overview-data.ts';
import { fmt } from './region-fields.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

interface Props {
  model: TaskModel;
  background: string;
  backgroundImage: ImageState | undefined;
  visibility: ReadonlyMap<string, RegionVisibility>;
  onSelect: (id: string) => void;
}

const MAX_REGIONS = { custom: 30, other: 17 };

/** What the layout is at a glance, shown while no region is selected. */
export const LayoutOverview = memo(function LayoutOverview({ model, background, backgroundImage, visibility, onSelect }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const { layout } = model;
  const { canvas } = layout;
  const least = leastVisible(layout, visibility);
  const dflt = (d: boolean) => (d ? ` (${t('inspector.detail.default')})` : '');
  return (
    <section data-testid="layout-overview" aria-labelledby={titleId} className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <h3 id={titleId} className="font-semibold">{t('inspector.overview.title')}</h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium">{t('inspector.overview.canvas')}</dt>
        <dd>
          {canvas.width.value} × {canvas.height.value} px{dflt(canvas.width.defaulted && canvas.height.defaulted)}
          <span className={`block text-xs ${MUTED_TEXT}`}>{t(canvas.sizeFrom === 'canvas' ? 'inspector.overview.fromCanvas' : 'inspector.overview.fromEncode')}</span>
        </dd>
        <dt className="font-medium">Background</dt>
        <dd className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm ring-1 ring-slate-400" style={{ background }} />
          <span className="font-mono">{background}</span>{dflt(canvas.background.defaulted)}
        </dd>
        <dt className="font-medium">BackgroundImage</dt>
        <dd>
          {canvas.backgroundImage ? (
            <><span className="font-mono text-xs wrap-anywhere">{canvas.backgroundImage}</span> · <span className="whitespace-nowrap">{t(`inspector.overview.image_${backgroundImage?.status ?? 'loading'}`)}</span></>
          ) : t('inspector.detail.notSet')}
        </dd>
        <dt className="font-medium">{t('inspector.overview.regions')}</dt>
        <dd>{t('inspector.overview.regionCount', { count: layout.regions.length, max: layout.approximate ? MAX_REGIONS.other : MAX_REGIONS.custom })}</dd>
        <dt className="font-medium">{t('inspector.overview.streams')}</dt>
        <dd>{t('inspector.overview.streamCount', { targets: model.targets.length, excludes: model.excludes.length })}</dd>
      </dl>
      <div>
        <h4 className="text-sm font-medium">{t('inspector.overview.leastVisible')}</h4>
        {least.length === 0 ? (
          <p className={`text-sm ${MUTED_TEXT}`}>✓ {t('inspector.overview.allVisible')}</p>
        ) : (
          <ul className="text-sm">
            {least.map(({ region, visible }) => (
              <li key={region.id}>
                <button type="button" onClick={() => onSelect(region.id)} className="font-mono text-xs text-sky-800 underline dark:text-sky-300">{regionLabel(region)}</button>
                {' '}{t('inspector.overview.seen', { percent: fmt(visible * 100, 1) })}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className={`text-xs ${MUTED_TEXT}`}>{t('inspector.detail.none')}</p>
    </section>
  );
});
