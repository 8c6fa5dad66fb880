import { memo, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { checkBody, startBody, updateBody } from '../../../shared/layout-edit/edit-body.ts';
import type { EditOp } from '../../../shared/layout-edit/edit-ops.ts';
import { layoutWarnings } from '../../../shared/layout-warnings.ts';
import type { PixelRect } from '../../../shared/layout-model.ts';
import type { RequestRule } from '../../../shared/request-rules.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';
import { useEnumLabel } from '../../i18n/use-enum-label.ts';
import { MAX_VIEWPORT_HEIGHT, MIN_VIEWPORT_HEIGHT } from './canvas-view.ts';
import { regionColour } from './draw-boxes.ts';
import { RegionStack } from './region-stack.tsx';
import { RegionTable } from './region-table.tsx';
import { aspectSize } from './source-frame-draw.ts';
import { useLayoutPicture } from './scene/use-layout-picture.ts';
import { WarningList } from './warning-list.tsx';
import { EditDiffList } from './editor/edit-diff-list.tsx';
import type { EditIds, EditSource } from './editor/edit-source.ts';
import { EditorCanvas } from './editor-canvas.tsx';
import { RequestBodyPanel, type WrittenBody } from './editor/request-body-panel.tsx';
import { StreamsPanel } from './editor/streams-panel.tsx';
import { TransformPanel } from './editor/transform-panel.tsx';
import { addUserSteps, removeUserSteps } from './editor/edit-steps.ts';
import { useEditChanges, useLayoutEdit, type EditStep } from './editor/use-layout-edit.ts';
import { useThrottled } from './editor/use-throttled.ts';

export interface EditorViewProps {
  source: EditSource;
  onClose: () => void;
}

const BUTTON = 'rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800 max-sm:min-h-11';
const PANEL = 'rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900';
/** The source frame the warnings assume, as on the task page until someone picks another. */
const SOURCE = aspectSize('16:9');
const NO_IDS: ReadonlySet<string> = new Set();
const SIDE_PANELS_MS = 250;
const RegionTableMemo = memo(RegionTable);

const isTyping = (el: EventTarget) => el instanceof HTMLElement && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && !el.hasAttribute('data-history')));

function toggled(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/**
 * The what-if editor: a copy of the layout to drag, resize and type into, with the warnings,
 * region table and diff of the copy as it is now, and the Update (or Start) body that would
 * make the task so, for the user to send. Full window, over the page it was opened from.
 */
export function EditorView({ source, onClose }: EditorViewProps) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const titleId = useId();
  const root = useRef<HTMLDivElement>(null);
  const e = useLayoutEdit(source);
  const { model } = e;
  const { layout } = model;
  const { parts, images } = useLayoutPicture(layout, SOURCE);
  const [selectedId, setSelectedId] = useState<string>();
  const [hoveredId, setHoveredId] = useState<string>();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(NO_IDS);
  const [locked, setLocked] = useState<ReadonlySet<string>>(NO_IDS);
  const [snapping, setSnapping] = useState(true);
  const [ids, setIds] = useState<EditIds>(source.ids);
  const [sequenceNumber, setSequenceNumber] = useState<number>();
  const [pushUrl, setPushUrl] = useState('');
  const regionCount = layout.regions.length;
  // The whole canvas in the window beside the header and the toolbar, as far as the page's cap allows.
  const [canvasMaxHeight] = useState(() => Math.min(MAX_VIEWPORT_HEIGHT, Math.max(MIN_VIEWPORT_HEIGHT, window.innerHeight - 240)));

  const apply = e.edit;
  // Regions are known by their place in Regions[]: removing one renumbers those after it, so the
  // selection and the list's eyes and locks start afresh; a region added is selected.
  const afterRegions = useCallback((removed: boolean, added: boolean) => {
    if (removed) {
      setSelectedId(undefined);
      setHidden(NO_IDS);
      setLocked(NO_IDS);
    } else if (added) setSelectedId(`r${regionCount}`);
  }, [regionCount]);
  const edit = useCallback((op: EditOp, step?: string) => {
    apply(op, step);
    afterRegions(op.kind === 'removeRegion', op.kind === 'addRegion');
  }, [apply, afterRegions]);
  const editSteps = useCallback((steps: readonly EditStep[], removed: boolean, added: boolean) => {
    apply(steps);
    afterRegions(removed, added);
  }, [apply, afterRegions]);
  const onPlace = useCallback((regionIndex: number, rect: PixelRect, step: string) => edit({ kind: 'place', regionIndex, rect }, step), [edit]);
  const onRemove = useCallback((regionIndex: number) => edit({ kind: 'removeRegion', regionIndex }), [edit]);
  const onHidden = useCallback((id: string, on: boolean) => setHidden((s) => toggled(s, id, on)), []);
  const onLocked = useCallback((id: string, on: boolean) => setLocked((s) => toggled(s, id, on)), []);

  // What is read beside the canvas (warnings, table, bodies and their rules) follows a drag a few
  // times a second and settles on release, so the canvas keeps up with the pointer.
  const [dragging, setDragging] = useState(false);
  const doc = useDeferredValue(useThrottled(e.doc, dragging, SIDE_PANELS_MS));
  const later = useDeferredValue(useThrottled(model, dragging, SIDE_PANELS_MS));
  const changes = useEditChanges(source, e.key, doc);
  const dirty = changes.length > 0;
  const warnings = useMemo(() => layoutWarnings(later, { source: SOURCE }), [later]);
  const regions = useMemo(() => new Map(later.layout.regions.map((r) => [r.id, r])), [later]);
  const bodies = useMemo(() => {
    const update = updateBody(doc, source.version, ids, sequenceNumber === undefined ? {} : { sequenceNumber });
    const start = startBody(doc, source.version, ids, pushUrl.trim() || undefined);
    const written = (kind: WrittenBody['kind'], body: Record<string, unknown>): WrittenBody => ({ kind, body, rules: checkBody(body, kind, source.version) });
    return { update: written('update', update), start: written('start', start) };
  }, [doc, source.version, ids, sequenceNumber, pushUrl]);
  const rulesByPath = useMemo(() => {
    const out = new Map<string, RequestRule[]>();
    for (const r of bodies.update.rules) out.set(r.path, [...(out.get(r.path) ?? []), r]);
    return out;
  }, [bodies]);

  const selected = selectedId === undefined ? undefined : layout.regions.find((r) => r.id === selectedId);
  const box = selected && parts.boxes.find((b) => b.id === selected.id);
  const custom = !layout.approximate && layout.mode.value === 2;
  // The lists beside the canvas read the copy as the side panels do (a drag's moves a few times a second).
  const onAddUser = useCallback((userId: string, streamType: number) => editSteps(addUserSteps(userId, streamType, custom), false, custom), [editSteps, custom]);
  const onRemoveUser = useCallback((listIndex: number) => {
    const steps = removeUserSteps(later.targets, later.layout.regions, listIndex, custom);
    editSteps(steps, steps.some((s) => s.kind === 'removeRegion'), false);
  }, [editSteps, later, custom]);
  const mode = enumLabel('layoutMode', layout.mode.value);

  // Leaving the page (reload, another site) with edits asks first; the copy is kept in the tab's session anyway.
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (ev: BeforeUnloadEvent) => ev.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  useEffect(() => root.current?.focus(), []);

  const onKeyDown = (ev: KeyboardEvent<HTMLDivElement>) => {
    if (ev.key === 'Escape' && !ev.defaultPrevented) {
      ev.preventDefault();
      onClose();
      return;
    }
    if (!(ev.ctrlKey || ev.metaKey) || ev.altKey || isTyping(ev.target)) return;
    const key = ev.key.toLowerCase();
    const action = key === 'z' ? (ev.shiftKey ? e.redo : e.undo) : key === 'y' ? e.redo : undefined;
    if (!action) return;
    ev.preventDefault();
    action();
  };

  const about = [t(`editor.origin.${source.origin}`), [source.ids.RoomId, source.ids.TaskId].filter(Boolean).join(' / '), source.version].filter(Boolean).join(' · ');
  return createPortal(
    <div
      ref={root}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid="layout-editor"
      data-dirty={dirty || undefined}
      onKeyDown={onKeyDown}
      className="fixed inset-0 z-50 overflow-auto bg-slate-50 text-slate-900 outline-none dark:bg-slate-950 dark:text-slate-100"
    >
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-[1800px] flex-wrap items-center gap-x-4 gap-y-1">
          <h2 id={titleId} className="min-w-0 text-lg font-semibold">
            {t('editor.title')}
            <span className={`text-sm font-normal break-all max-sm:hidden ${MUTED_TEXT}`}> · {about}</span>
          </h2>
          <div className="ml-auto flex flex-wrap items-center gap-2">
            <button type="button" data-testid="editor-undo" className={BUTTON} onClick={e.undo} disabled={!e.canUndo} title={t('editor.undoKeys')} aria-label={t('editor.undo')} aria-keyshortcuts="Control+Z Meta+Z">
              <span aria-hidden="true">↶</span><span className="max-sm:sr-only"> {t('editor.undo')}</span>
            </button>
            <button type="button" data-testid="editor-redo" className={BUTTON} onClick={e.redo} disabled={!e.canRedo} title={t('editor.redoKeys')} aria-label={t('editor.redo')} aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z">
              <span aria-hidden="true">↷</span><span className="max-sm:sr-only"> {t('editor.redo')}</span>
            </button>
            <button type="button" className={BUTTON} onClick={e.discard} disabled={!dirty}>{t('editor.discard')}</button>
            <button type="button" data-testid="editor-close" className={BUTTON} onClick={onClose}>
              <span aria-hidden="true">✕ </span>{t('editor.close')}
            </button>
          </div>
        </div>
      </header>
      <div className="mx-auto max-w-[1800px] space-y-4 p-4">
        <p className={`text-sm break-all sm:hidden ${MUTED_TEXT}`}>{about}</p>
        <p data-testid="never-sends" className="rounded-md border-l-4 border-sky-600 bg-sky-50 p-2 text-sm font-medium text-sky-950 dark:border-sky-400 dark:bg-sky-950/60 dark:text-sky-100">
          <span aria-hidden="true">ℹ </span>{t('editor.neverSends')}
        </p>
        {e.restored && dirty && <p className={`text-sm ${MUTED_TEXT}`}>{t('editor.restored')}</p>}
        {!custom && (
          <div data-testid="template-note" className="flex flex-wrap items-center gap-2 rounded-md border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950/60 dark:text-amber-100">
            <span className="min-w-0 flex-1">{t('editor.template', { mode: mode.label })}</span>
            <button type="button" className={BUTTON} onClick={() => edit({ kind: 'makeCustom' })}>{t('editor.makeCustom')}</button>
          </div>
        )}
        <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(22rem,2fr)]">
          <div className="min-w-0 space-y-4">
            <div className={PANEL}>
              <EditorCanvas
                layout={layout}
                parts={parts}
                images={images}
                selectedId={selected?.id}
                hoveredId={hoveredId}
                hidden={hidden}
                locked={locked}
                snapping={snapping}
                onSnapping={setSnapping}
                onHover={setHoveredId}
                onSelect={setSelectedId}
                onPlace={onPlace}
                onRemove={onRemove}
                onDragging={setDragging}
                maxHeight={canvasMaxHeight}
              />
            </div>
            <div className={PANEL} data-testid="editor-warnings">
              <WarningList warnings={warnings} regions={regions} targets={later.targets} onSelect={setSelectedId} onHover={setHoveredId} />
            </div>
          </div>
          <div className="min-w-0 space-y-4">
            <div className={PANEL}>
              {selected && box ? (
                <TransformPanel
                  key={selected.id}
                  region={selected}
                  label={box.label}
                  colour={regionColour(selected, parts.colours)}
                  canvas={parts.canvas}
                  model={layout.model}
                  targets={model.targets}
                  rules={rulesByPath}
                  onEdit={edit}
                />
              ) : (
                <p className={`text-sm ${MUTED_TEXT}`}>{t(layout.regions.length > 0 ? 'editor.pick' : custom ? 'editor.noRegions' : 'editor.noTemplateRegions')}</p>
              )}
            </div>
            <div className={`${PANEL} space-y-3`}>
              {custom && (
                <button type="button" data-testid="add-region" className={BUTTON} onClick={() => edit({ kind: 'addRegion' })}>
                  <span aria-hidden="true">＋ </span>{t('editor.addRegion')}
                </button>
              )}
              {parts.boxes.length > 0 && (
                <RegionStack boxes={parts.boxes} hidden={hidden} locked={locked} selectedId={selected?.id} hoveredId={hoveredId} onHidden={onHidden} onLocked={onLocked} onSelect={setSelectedId} onHover={setHoveredId} />
              )}
              <StreamsPanel targets={later.targets} regions={later.layout.regions} custom={custom} onEdit={edit} onAddUser={onAddUser} onRemoveUser={onRemoveUser} />
            </div>
            <div className={PANEL}>
              <EditDiffList changes={changes} />
            </div>
          </div>
        </div>
        <div className={`min-w-0 ${PANEL}`} data-testid="editor-region-table">
          <RegionTableMemo regions={later.layout.regions} colours={parts.colours} selectedId={selected?.id} hoveredId={hoveredId} onHover={setHoveredId} onSelect={setSelectedId} />
        </div>
        <div className={`min-w-0 ${PANEL}`}>
          <RequestBodyPanel
            bodies={bodies}
            version={source.version}
            ids={ids}
            onIds={setIds}
            sequenceNumber={sequenceNumber}
            onSequenceNumber={setSequenceNumber}
            pushUrl={pushUrl}
            onPushUrl={setPushUrl}
          />
        </div>
      </div>
    </div>,
    document.body,
  );
}
