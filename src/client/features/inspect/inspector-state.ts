import type { ApiVersion } from '../../../shared/api-versions.ts';
import { isPng } from '../../../shared/png-text-chunk.ts';
import { readTaskDocument, type ReadResult, type TaskDocument } from '../../../shared/task-document.ts';

/**
 * The offline inspector's state as a pure reducer: what is in the text box, where it came from,
 * what reading it gave, and the last document that could be read, which stays on screen while
 * the new input is broken.
 */
export interface InspectorState {
  text: string;
  /** The user's version; used only when the document does not name one. */
  versionChoice: ApiVersion | undefined;
  /** A dropped file is re-read from its bytes when the version changes (a PNG is not its text). */
  file: { name: string; bytes: Uint8Array } | undefined;
  /** Undefined while the text box is empty: nothing to say yet. */
  result: ReadResult | undefined;
  /** The result is the reading of the text box as it is (not of a PNG that could not be opened), so positions point into it. */
  readFromText: boolean;
  lastGood: TaskDocument | undefined;
  /** When the shown document was read here (Unix ms): what its times are measured to when it does not say when it was fetched. */
  readAt: number | undefined;
}

/** `at`: when the text or file arrived, the moment its document is read at. */
export type InspectorAction =
  | { type: 'text'; text: string; at: number }
  | { type: 'file'; name: string; bytes: Uint8Array; at: number }
  | { type: 'version'; version: ApiVersion | undefined }
  | { type: 'clear' };

/** `at` undefined: the same document read again (another version), still read when it first was. */
function settle(state: InspectorState, result: ReadResult | undefined, at: number | undefined, readFromText = true): InspectorState {
  if (!result?.ok) return { ...state, result, readFromText };
  return { ...state, result, readFromText, lastGood: result.document, readAt: at ?? state.readAt };
}

/** A file's text, or undefined for a PNG or anything that is not UTF-8. */
function fileText(bytes: Uint8Array): string | undefined {
  if (isPng(bytes)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

function readText(text: string, version: ApiVersion | undefined): ReadResult | undefined {
  return text.trim() === '' ? undefined : readTaskDocument(text, { version });
}

export function initialState(text: string, versionChoice: ApiVersion | undefined, at: number): InspectorState {
  return settle({ text, versionChoice, file: undefined, result: undefined, readFromText: true, lastGood: undefined, readAt: undefined }, readText(text, versionChoice), at);
}

export function inspectorReducer(state: InspectorState, action: InspectorAction): InspectorState {
  switch (action.type) {
    case 'text':
      return settle({ ...state, text: action.text, file: undefined }, readText(action.text, state.versionChoice), action.at);
    case 'file': {
      const result = readTaskDocument(action.bytes, { version: state.versionChoice });
      // The text box shows what was read: a PNG's embedded JSON, a JSON file's text (broken or
      // not, so it can be fixed there). A PNG or binary file that cannot be read leaves it as it was.
      const text = result.ok && result.document.embeddedText !== undefined ? result.document.embeddedText : fileText(action.bytes);
      const file = { name: action.name, bytes: action.bytes };
      if (text === undefined) return settle({ ...state, file: undefined }, result, action.at, false);
      return settle({ ...state, text, file: result.ok ? file : undefined }, result, action.at);
    }
    case 'version': {
      const next = { ...state, versionChoice: action.version };
      return settle(next, next.file ? readTaskDocument(next.file.bytes, { version: action.version }) : readText(next.text, action.version), undefined);
    }
    case 'clear':
      return initialState('', state.versionChoice, 0);
  }
}

/** What to draw: the current document, else the last good one (with the current error beside it). */
export function shownDocument(state: InspectorState): TaskDocument | undefined {
  return state.result?.ok ? state.result.document : state.lastGood;
}

/**
 * What the shown document's times are measured to, fixed: an export's own moment (a snapshot), or,
 * for a document that does not say when it was fetched, when it was read here.
 */
export type DocumentClock = { kind: 'snapshot' | 'read'; at: number };

export function shownClock(state: InspectorState): DocumentClock | undefined {
  const doc = shownDocument(state);
  if (!doc) return undefined;
  if (doc.snapshotAt !== undefined) return { kind: 'snapshot', at: doc.snapshotAt };
  return state.readAt === undefined ? undefined : { kind: 'read', at: state.readAt };
}
