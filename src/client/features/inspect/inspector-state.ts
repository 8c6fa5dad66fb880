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
}

export type InspectorAction =
  | { type: 'text'; text: string }
  | { type: 'file'; name: string; bytes: Uint8Array }
  | { type: 'version'; version: ApiVersion | undefined }
  | { type: 'clear' };

function settle(state: InspectorState, result: ReadResult | undefined, readFromText = true): InspectorState {
  return { ...state, result, readFromText, lastGood: result?.ok ? result.document : state.lastGood };
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

export function initialState(text: string, versionChoice: ApiVersion | undefined): InspectorState {
  return settle({ text, versionChoice, file: undefined, result: undefined, readFromText: true, lastGood: undefined }, readText(text, versionChoice));
}

export function inspectorReducer(state: InspectorState, action: InspectorAction): InspectorState {
  switch (action.type) {
    case 'text':
      return settle({ ...state, text: action.text, file: undefined }, readText(action.text, state.versionChoice));
    case 'file': {
      const result = readTaskDocument(action.bytes, { version: state.versionChoice });
      // The text box shows what was read: a PNG's embedded JSON, a JSON file's text (broken or
      // not, so it can be fixed there). A PNG or binary file that cannot be read leaves it as it was.
      const text = result.ok && result.document.embeddedText !== undefined ? result.document.embeddedText : fileText(action.bytes);
      const file = { name: action.name, bytes: action.bytes };
      if (text === undefined) return settle({ ...state, file: undefined }, result, false);
      return settle({ ...state, text, file: result.ok ? file : undefined }, result);
    }
    case 'version': {
      const next = { ...state, versionChoice: action.version };
      return settle(next, next.file ? readTaskDocument(next.file.bytes, { version: action.version }) : readText(next.text, action.version));
    }
    case 'clear':
      return initialState('', state.versionChoice);
  }
}

/** What to draw: the current document, else the last good one (with the current error beside it). */
export function shownDocument(state: InspectorState): TaskDocument | undefined {
  return state.result?.ok ? state.result.document : state.lastGood;
}
