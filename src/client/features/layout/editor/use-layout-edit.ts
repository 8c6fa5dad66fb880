import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FieldChange } from '../../../../shared/layout-edit/edit-diff.ts';
import { applyEdit, type EditOp } from '../../../../shared/layout-edit/edit-ops.ts';
import { editDiff } from '../../../../shared/layout-edit/edit-diff.ts';
import { canRedo, canUndo, record, redo, startHistory, undo } from '../../../../shared/layout-edit/edit-history.ts';
import type { ApiVersion } from '../../../../shared/api-versions.ts';
import { buildTaskModel } from '../../../../shared/task-model.ts';
import { draftKey, loadDraft, saveDraft } from './edit-draft.ts';
import type { EditSource } from './edit-source.ts';

/** One edit, or one that depends on the document as the previous ones of the same step left it. */
export type EditStep = EditOp | ((doc: unknown) => EditOp);

/** Several edits as one: what the user did once (add a user: their stream and its region) is undone at once. */
function applySteps(doc: unknown, version: ApiVersion, steps: readonly EditStep[]): unknown {
  return steps.reduce<unknown>((d, step) => applyEdit(d, version, typeof step === 'function' ? step(d) : step), doc);
}

/**
 * The edited copy of a task document and its undo history. Every edit goes through the shared
 * core (applyEdit), so the drawing, the warnings and the region table read the copy exactly as
 * they read a task. `coalesce` merges the steps of one gesture (a drag, a field being typed
 * into) into one undo step.
 */
export function useLayoutEdit(source: EditSource) {
  const { version } = source;
  const key = useMemo(() => draftKey(source), [source]);
  const [restored] = useState(() => loadDraft(key));
  const [history, setHistory] = useState(() => startHistory<unknown>(restored ?? source.task));
  const doc = history.present;
  const model = useMemo(() => buildTaskModel(doc, version), [doc, version]);

  const edit = useCallback(
    (op: EditOp | readonly EditStep[], coalesce?: string) =>
      setHistory((h) => record(h, applySteps(h.present, version, Array.isArray(op) ? op : [op]), coalesce === undefined ? {} : { coalesce })),
    [version],
  );
  return {
    doc,
    model,
    key,
    /** The copy came back from this tab's session: edits made before the editor was last closed. */
    restored: restored !== undefined,
    edit,
    undo: useCallback(() => setHistory(undo), []),
    redo: useCallback(() => setHistory(redo), []),
    canUndo: canUndo(history),
    canRedo: canRedo(history),
    /** Back to the original, as one more step (undo brings the edits back). */
    discard: useCallback(() => setHistory((h) => record(h, source.task)), [source.task]),
  };
}

export type LayoutEdit = ReturnType<typeof useLayoutEdit>;

/**
 * What the copy (`doc`, as the panels beside the canvas read it: a drag's moves a few times a
 * second) changes against the original, kept in the tab's session while it changes anything.
 */
export function useEditChanges(source: EditSource, key: string, doc: unknown): readonly FieldChange[] {
  const changes = useMemo(() => editDiff(source.task, doc), [source.task, doc]);
  const dirty = changes.length > 0;
  useEffect(() => saveDraft(key, dirty ? doc : undefined), [key, doc, dirty]);
  return changes;
}
