/**
 * Undo and redo for the what-if editor: the documents themselves, kept whole (each edit copies
 * only what it changes, so a step costs little). Consecutive records with the same coalesce key
 * (one drag's pointer moves, one field's keystrokes) merge into one step.
 */
export interface EditHistory<T> {
  past: T[];
  present: T;
  future: T[];
  /** The coalesce key of the step that made `present`, if it may still merge with the next. */
  coalesce?: string | undefined;
}

/** Steps kept for undo; older ones are dropped. */
export const HISTORY_DEPTH = 100;

export function startHistory<T>(t: T): EditHistory<T> {
  return { past: [], present: t, future: [] };
}

/**
 * `next` as the new present. The same coalesce key as the last record replaces that step instead
 * of adding one; a record equal to the present (an edit that did not apply) changes nothing.
 */
export function record<T>(h: EditHistory<T>, next: T, opts: { coalesce?: string } = {}): EditHistory<T> {
  if (Object.is(next, h.present)) return h;
  const key = opts.coalesce;
  if (key !== undefined && key === h.coalesce) return { past: h.past, present: next, future: [], coalesce: key };
  const past = [...h.past, h.present].slice(-HISTORY_DEPTH);
  return { past, present: next, future: [], coalesce: key };
}

export function canUndo<T>(h: EditHistory<T>): boolean {
  return h.past.length > 0;
}

export function canRedo<T>(h: EditHistory<T>): boolean {
  return h.future.length > 0;
}

export function undo<T>(h: EditHistory<T>): EditHistory<T> {
  const previous = h.past[h.past.length - 1];
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: previous as T, future: [h.present, ...h.future] };
}

export function redo<T>(h: EditHistory<T>): EditHistory<T> {
  if (h.future.length === 0) return h;
  const [next, ...future] = h.future;
  // Undo took one step off `past`, so putting it back never goes over the depth.
  return { past: [...h.past, h.present], present: next as T, future };
}
