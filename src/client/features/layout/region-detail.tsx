import { memo, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayoutWarning } from '../../../shared/layout-warnings.ts';
import type { RegionVisibility } from '../../../shared/layout-geometry.ts';
import type { NormalisedRegion } from '../../../shared/layout-model.ts';
import type { TaskModel } from '../../../shared/task-model.ts';
import { regionLabel } from './draw-boxes.ts';
import { RegionFieldTable } from './region-field-table.tsx';
import { fmt, rawRegion, regionFieldRows, streamPosition } from './region-fields.ts';
import { WarningItem } from './warning-list.tsx';
import { MUTED_TEXT } from '../../design-system/surface.ts';

interface Props {
  model: TaskModel;
  region: NormalisedRegion;
  colour: string;
  visibility: RegionVisibility | undefined;
  warnings: readonly LayoutWarning[];
  regions: ReadonlyMap<string, NormalisedRegion>;
}

const pct = (share: number) => fmt(share * 100, 1);

/** The selected region: its stream, how much of it is seen, what its source becomes, every field, its warnings. */
export const RegionDetail = memo(function RegionDetail({ model, region, colour, visibility, warnings, regions }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const { layout } = model;
  const rows = useMemo(() => regionFieldRows(region, layout, rawRegion(model.task, layout, region)), [region, layout, model.task]);
  const position = streamPosition(model.targets, region);
  const stream = region.stream;
  const coveredBy = (visibility?.coveredBy ?? []).map((id) => regions.get(id)).filter((r) => r !== undefined);
  return (
    <section data-testid="region-detail" data-region-id={region.id} aria-labelledby={titleId} className="space-y-3">
      <header>
        <h3 id={titleId} className="flex items-center gap-2 font-semibold">
          <span aria-hidden="true" className="inline-block h-3 w-3 shrink-0 rounded-sm ring-1 ring-black/20" style={{ background: colour }} />
          <span className="min-w-0 wrap-anywhere">{t('inspector.detail.title')}: {regionLabel(region)}</span>
        </h3>
        <p className={`text-xs ${MUTED_TEXT}`}>
          {t('inspector.detail.drawOrder', { position: region.drawOrder + 1, count: layout.regions.length })} · Regions[{region.arrayIndex}]
        </p>
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium">{t('inspector.detail.stream')}</dt>
        <dd data-testid="region-stream" className={position < 0 ? 'text-orange-800 dark:text-orange-300' : undefined}>
          {position >= 0 && stream
            ? t('inspector.detail.streamEntry', { position, user: stream.userId ?? '—', index: stream.index ?? '—', type: stream.streamType.value })
            : t('inspector.detail.noStream', { index: region.streamIndex ?? '—' })}
        </dd>
        <dt className="font-medium">{t('inspector.detail.visible')}</dt>
        <dd data-testid="region-visible" data-visible={visibility?.visible}>
          {visibility
            ? t('inspector.detail.visibleValue', { percent: pct(visibility.visible), onCanvas: pct(visibility.onCanvas), uncovered: pct(visibility.uncovered) })
            : '—'}
          {coveredBy.length > 0 && (
            <span className={`block text-xs ${MUTED_TEXT}`}>{t('inspector.detail.coveredBy', { regions: coveredBy.map((r) => regionLabel(r)).join(', ') })}</span>
          )}
        </dd>
      </dl>
      <RegionFieldTable rows={rows} />
      <div>
        <h4 className="mb-1 font-semibold">{t('inspector.detail.warnings')}</h4>
        {warnings.length === 0 ? (
          <p className={`text-sm ${MUTED_TEXT}`}>✓ {t('inspector.detail.noWarnings')}</p>
        ) : (
          <ul data-testid="region-warnings" className="space-y-2">
            {warnings.map((w) => <WarningItem key={w.id} warning={w} regions={regions} targets={model.targets} />)}
          </ul>
        )}
      </div>
    </section>
  );
});
