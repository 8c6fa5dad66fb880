import { useCallback, useEffect, useReducer, useState } from 'react';
import { isApiVersion } from '../../../shared/api-versions.ts';
import { initialState, inspectorReducer } from './inspector-state.ts';

const TEXT_KEY = 'mixscope.inspect.text';
const VERSION_KEY = 'mixscope.inspect.version';
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** sessionStorage can be full or forbidden (private modes): then nothing is remembered, nothing breaks. */
function load(key: string): string | null {
  try {
    return globalThis.sessionStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function save(key: string, value: string | undefined): void {
  try {
    if (value === undefined || value === '') globalThis.sessionStorage?.removeItem(key);
    else globalThis.sessionStorage?.setItem(key, value);
  } catch {
    // Too large for the quota: the text box still holds it.
  }
}

export interface TooLarge {
  name: string;
  megabytes: number;
}

/** The inspector's state, remembered per tab, and the reading of dropped or chosen files. */
export function useInspector() {
  const [state, dispatch] = useReducer(inspectorReducer, undefined, () => {
    const version = load(VERSION_KEY);
    return initialState(load(TEXT_KEY) ?? '', isApiVersion(version) ? version : undefined, Date.now());
  });
  const [tooLarge, setTooLarge] = useState<TooLarge>();

  useEffect(() => save(TEXT_KEY, state.text), [state.text]);
  useEffect(() => save(VERSION_KEY, state.versionChoice), [state.versionChoice]);

  const readFile = useCallback(async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setTooLarge({ name: file.name, megabytes: Math.round(file.size / 1024 / 102.4) / 10 });
      return;
    }
    setTooLarge(undefined);
    const bytes = new Uint8Array(await file.arrayBuffer());
    dispatch({ type: 'file', name: file.name, bytes, at: Date.now() });
  }, []);

  return { state, dispatch, readFile, tooLarge };
}
