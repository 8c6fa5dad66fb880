import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from 'konva/lib/Stage';
import { layoutWarnings } from '../../../shared/layout-warnings.ts';
import type { OutputResponse } from '../../../shared/output-api.ts';
import type { TaskModel } from '../../../shared/task-model.ts';
import type { TaskRef } from '../../../shared/task-ref.ts';
import { useEnumLabel } from '../../i18n/use-enum-label.ts';
import { CanvasLegend } from './canvas-legend.tsx';
import { EditButton } from './editor/edit-button.tsx';
import type { EditSource } from './editor/edit-source.ts';
import { regionColour } from './draw-boxes.ts';
import { ImageNotes } from './image-notes.tsx';
import { LayoutOverview } from './layout-overview.tsx';
import { RegionDetailLazy as RegionDetail, SourceFrameViewLazy as SourceFrameView } from './lazy-details.tsx';
import { LayoutCanvasLazy as LayoutCanvas } from './lazy-parts.tsx';
import { OutputPanelLazy as OutputPanel, OutputPlayerLazy as OutputPlayer } from './lazy-output.tsx';
import { outputStreamPath } from './output/output-query.ts';
import { appliedBoxes } from './scene/applied-boxes.ts';
import { RegionStack } from './region-stack.tsx';
import { RegionTable } from './region-table.tsx';
import { aspectSize, type SourceAspectId } from './source-frame-draw.ts';
import { useLayoutPicture } from './scene/use-layout-picture.ts';
import { WarningList } from './warning-list.tsx';
import { useServerRender } from '../../lib/server-render.ts';
import { Section } from '../../design-system/section.tsx';
import { MUTED_TEXT } from '../../design-system/surface.ts';

export interface LayoutSectionApi {
  /** The Konva stage of the canvas; its layers named "world …" carry the zoom and pan. */
  getStage: () => Stage | null;
  /** The output's frame frozen in the player, when there is one: Export PNG puts it beside the layout. */
  getFrozenFrame: () => HTMLCanvasElement | null;
}

interface Props {
  model: TaskModel;
  /** Shown in the section header (export buttons, for instance). */
  actions?: (api: LayoutSectionApi) => ReactNode;
  /** Notes on the layout from outside it (who has left the room), shown above the canvas. */
  notes?: ReactNode;
  /** A task read from Volcengine (not a pasted one): its output can be compared and played. */
  taskRef?: TaskRef | undefined;
  /** The document this layout was read from: "Edit a copy" opens the what-if editor on it. */
  edit?: EditSource | undefined;
}

/** Canvas, warnings, region detail with the source frame, and the region table, sharing one hover and one selection. */
export function LayoutSection({ model, actions, notes, taskRef, edit }: Props) {
  const { t } = useTranslation();
  // A past layout (a timeline marker's) is drawn beside the current one: ids must differ.
  const titleId = useId();
  const enumLabel = useEnumLabel();
  const [selectedId, setSelectedId] = useState<string>();
  const [hoveredId, setHoveredId] = useState<string>();
  // View options of the canvas (OBS's eye and lock): nothing here changes the layout.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [locked, setLocked] = useState<ReadonlySet<string>>(() => new Set());
  const onHidden = useCallback((id: string, on: boolean) => setHidden((s) => toggled(s, id, on)), []);
  const onLocked = useCallback((id: string, on: boolean) => setLocked((s) => toggled(s, id, on)), []);
  const [aspect, setAspect] = useState<SourceAspectId>('16:9');
  // State, not a ref: the header's actions re-render once the stage exists.
  const [stage, setStage] = useState<Stage | null>(null);
  const getStage = useCallback(() => stage, [stage]);
  // The player's canvas of the frozen frame (null when live): read by Export PNG when pressed.
  const [frozenFrame, onFrozen] = useState<HTMLCanvasElement | null>(null);
  const getFrozenFrame = useCallback(() => frozenFrame, [frozenFrame]);
  const [output, setOutput] = useState<OutputResponse>();
  const [showApplied, setShowApplied] = useState(true);
  const [pullUrl, setPullUrl] = useState<string>();
  const { layout } = model;
  const source = useMemo(() => aspectSize(aspect), [aspect]);
  const { parts, images } = useLayoutPicture(layout, source);
  const { colours, visibility, background } = parts;
  const regions = useMemo(() => new Map(layout.regions.map((r) => [r.id, r])), [layout]);
  const selected = selectedId ? regions.get(selectedId) : undefined;
  const mode = enumLabel('layoutMode', layout.mode.value);
  // The server's page holds the layout's picture alone: the parts beside it colour their swatches
  // with style attributes, which the page's CSP refuses. The browser's render adds them.
  const rest = !useServerRender();
  // Under the source aspect the user assumes, so the list agrees with the source-frame view.
  const warnings = useMemo(() => (rest ? layoutWarnings(model, { source }) : []), [rest, model, source]);
  const applied = useMemo(
    () => output && appliedBoxes(output, parts.canvas, (user) => (user ? t('output.appliedLabel', { user }) : t('output.appliedNoUser'))),
    [output, parts.canvas, t],
  );
  const selectedWarnings = useMemo(() => (selected ? warnings.filter((w) => w.regionIds.includes(selected.id)) : []), [warnings, selected]);
  return (
    <Section aria-labelledby={titleId} data-testid="layout-section">
      <header className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={titleId} className="text-lg font-semibold">
          {t('task.layout')}{' '}
          <span className={`text-sm font-normal ${MUTED_TEXT}`}>
            · {mode.label} · {layout.canvas.width.value} × {layout.canvas.height.value} · {t(`inspector.model.${layout.model}`)}
          </span>
        </h2>
        {/* A row of its own, its height held from the first render: the buttons arrive after the
            picture, and beside a long title they wrapped below it and pushed the canvas down. */}
        {(actions || edit) && (
          <div className="flex min-h-[1.875rem] w-full flex-wrap items-center gap-2">
            {edit && rest && <EditButton source={edit} />}
            {actions?.({ getStage, getFrozenFrame })}
          </div>
        )}
      </header>
      {layout.approximate && (
        <p data-testid="approximate-note" className="mb-3 rounded-md border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950/60 dark:text-amber-100">
          <strong>≈ {t('canvas.approximate', { mode: mode.label })}</strong>{' '}
          {t('inspector.canvas.templateNote', { mode: layout.mode.value, modeName: mode.label })}
        </p>
      )}
      {notes}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(20rem,2fr)]">
        <div className="min-w-0 space-y-2">
          <LayoutCanvas
            layout={layout}
            control={model.task.Control}
            parts={parts}
            images={images}
            selectedId={selected?.id}
            hoveredId={hoveredId}
            hidden={hidden}
            locked={locked}
            onHover={setHoveredId}
            onSelect={setSelectedId}
            stageRef={setStage}
            applied={showApplied ? applied : undefined}
          />
          {rest && <ImageNotes notes={images.notes} regions={layout.regions} />}
          {selected && (
            <SourceFrameView region={selected} colour={regionColour(selected, colours)} background={background.colour} aspect={aspect} source={source} onAspect={setAspect} />
          )}
          {layout.regions.length === 0 && (
            <p className={`text-sm ${MUTED_TEXT}`}>{model.targets.length === 0 && layout.approximate ? t('canvas.allStreams') : t('canvas.noRegions')}</p>
          )}
          {rest && <CanvasLegend layout={layout} backgroundReset={background.reset} />}
          {rest && taskRef && <OutputPlayer streamPath={outputStreamPath(taskRef, pullUrl)} parts={parts} applied={applied} onFrozen={onFrozen} taskRef={taskRef} model={model} />}
        </div>
        {rest && (
        <div className="min-w-0 space-y-4">
          {parts.boxes.length > 0 && (
            <RegionStack boxes={parts.boxes} hidden={hidden} locked={locked} selectedId={selected?.id} hoveredId={hoveredId} onHidden={onHidden} onLocked={onLocked} onSelect={setSelectedId} onHover={setHoveredId} />
          )}
          {taskRef && (
            <OutputPanel
              taskRef={taskRef} model={model} regions={regions} targets={model.targets} onSelect={setSelectedId} onHover={setHoveredId}
              onOutput={setOutput} showApplied={showApplied} onShowApplied={setShowApplied} onPullUrl={setPullUrl}
            />
          )}
          <WarningList warnings={warnings} regions={regions} targets={model.targets} onSelect={setSelectedId} onHover={setHoveredId} />
          {selected ? (
            <RegionDetail model={model} region={selected} colour={regionColour(selected, colours)} visibility={visibility.get(selected.id)} warnings={selectedWarnings} regions={regions} />
          ) : (
            <LayoutOverview model={model} background={background.colour} backgroundImage={images.background} visibility={visibility} onSelect={setSelectedId} />
          )}
        </div>
        )}
      </div>
      {rest && (
        <div className="mt-4">
          <RegionTable regions={layout.regions} colours={colours} selectedId={selected?.id} hoveredId={hoveredId} onHover={setHoveredId} onSelect={setSelectedId} />
        </div>
      )}
    </Section>
  );
}

function toggled(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
