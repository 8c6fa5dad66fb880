import type { EditSource } from './edit-source.ts';

/**
 * The edited copy kept in the tab's session while it differs from the original: closing the
 * editor, following a link or reloading loses nothing, and "Edit a copy" on the same layout
 * picks the edits up again. Keyed by the original, so a layout that changed since starts afresh.
 */

const PREFIX = 'mixscope.editor.draft.';

/** FNV-1a over the text: a short, stable key for one original (not a security measure). */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function draftKey(source: Pick<EditSource, 'task' | 'version' | 'ids'>): string {
  return PREFIX + fingerprint(JSON.stringify([source.version, source.ids, source.task]));
}

/** The kept edit for this original, if any; storage may be full or forbidden (then nothing is kept). */
export function loadDraft(key: string): unknown {
  try {
    const text = globalThis.sessionStorage?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `doc` for `key`, or forgets it when `doc` is undefined (nothing edited). */
export function saveDraft(key: string, doc: unknown): void {
  try {
    if (doc === undefined) globalThis.sessionStorage?.removeItem(key);
    else globalThis.sessionStorage?.setItem(key, JSON.stringify(doc));
  } catch {
    // Over the quota: the edit stays on the screen, it is only not kept.
  }
}
