import { useState, type Dispatch, type DragEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { API_VERSIONS, isApiVersion } from '../../../shared/api-versions.ts';
import exampleText from '../../../shared/fixtures/doc-example-2020-12-01.json?raw';
import type { InspectorAction, InspectorState } from './inspector-state.ts';
import type { TooLarge } from './use-inspector.ts';
import { Section } from '../../design-system/section.tsx';
import { MUTED_TEXT } from '../../design-system/surface.ts';

const BUTTON = 'rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-transparent dark:border-slate-600 dark:hover:bg-slate-800';

interface Props {
  state: InspectorState;
  dispatch: Dispatch<InspectorAction>;
  onFile: (file: File) => void;
  tooLarge: TooLarge | undefined;
  textRef: Ref<HTMLTextAreaElement>;
}

/** The text box (paste, or drop a file on it), a file picker, the version choice and the example. */
export function InspectorInput({ state, dispatch, onFile, tooLarge, textRef }: Props) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
    else dispatch({ type: 'text', text: e.dataTransfer.getData('text/plain'), at: Date.now() });
  };
  return (
    <Section aria-label={t('offline.input.label')} className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t('offline.input.version')}
          <select
            value={state.versionChoice ?? ''}
            onChange={(e) => dispatch({ type: 'version', version: isApiVersion(e.target.value) ? e.target.value : undefined })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 font-normal dark:border-slate-600 dark:bg-slate-950"
          >
            <option value="">{t('offline.input.versionAuto')}</option>
            {API_VERSIONS.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </label>
        <span>
          <input
            id="inspect-file"
            type="file"
            accept=".json,.png,application/json,image/png"
            className="peer sr-only"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) onFile(file);
              e.target.value = ''; // choosing the same file again reads it again
            }}
          />
          <label htmlFor="inspect-file" className={`${BUTTON} inline-block cursor-pointer max-sm:inline-flex max-sm:min-h-11 max-sm:items-center peer-focus-visible:ring-2 peer-focus-visible:ring-sky-500`}>
            {t('offline.input.chooseFile')}
          </label>
        </span>
        <button type="button" className={BUTTON} onClick={() => dispatch({ type: 'text', text: exampleText, at: Date.now() })}>{t('offline.input.example')}</button>
        <button type="button" className={BUTTON} onClick={() => dispatch({ type: 'clear' })} disabled={state.text === ''}>{t('offline.input.clear')}</button>
      </div>
      <div
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`relative rounded-md ${dragging ? 'ring-2 ring-sky-500' : ''}`}
      >
        <label htmlFor="inspect-text" className="sr-only">{t('offline.input.label')}</label>
        <textarea
          id="inspect-text"
          ref={textRef}
          value={state.text}
          onChange={(e) => dispatch({ type: 'text', text: e.target.value, at: Date.now() })}
          placeholder={t('offline.input.placeholder')}
          spellCheck={false}
          autoComplete="off"
          className="block h-56 w-full resize-y rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-xs leading-5 dark:border-slate-700 dark:bg-slate-950"
        />
        {dragging && (
          <p aria-hidden="true" className="pointer-events-none absolute inset-0 flex items-center justify-center rounded-md bg-sky-50/90 text-sm font-medium text-sky-900 dark:bg-sky-950/90 dark:text-sky-100">
            {t('offline.input.dropHere')}
          </p>
        )}
      </div>
      <p className={`text-xs ${MUTED_TEXT}`}>
        {state.file && <>{t('offline.input.fromFile', { name: state.file.name })} · </>}
        {t('offline.input.remembered')}
      </p>
      {tooLarge && (
        <p role="alert" className="text-sm text-orange-900 dark:text-orange-200">✕ {t('offline.input.tooLarge', { name: tooLarge.name, size: tooLarge.megabytes })}</p>
      )}
    </Section>
  );
}
