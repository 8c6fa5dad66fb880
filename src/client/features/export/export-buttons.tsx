import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from 'konva/lib/Stage';
import type { ApiVersion } from '../../../shared/api-versions.ts';
import { isMaskedPushUrl, pushUrlOf } from '../../../shared/push-url.ts';
import { exportFileName, serialiseExport, taskExport, type DocumentRef } from '../../../shared/task-document-export.ts';
import { buildTaskModel } from '../../../shared/task-model.ts';
import { saveFile } from './save-file.ts';
import { ExportError, stageToPng } from './stage-png.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

/** What an export embeds; the time is stamped when the button is pressed. */
export interface ExportInput {
  version: ApiVersion;
  ref?: DocumentRef | undefined;
  /** The raw task (Result.PushMixedStreamToCDNTask or a request body), as it was read. */
  task: unknown;
  /**
   * Where the full PushURL comes from when the person exporting includes the stream key: the
   * server for a task page (its answer is masked), the pasted text on /inspect. Absent: it cannot be had.
   */
  fullPushUrl?: (() => Promise<string | null>) | undefined;
  /**
   * The moment to stamp (Unix ms), on the clock the page's times are measured to: the server's
   * on a task page (task time under an accelerated simulator), a reopened snapshot's own moment
   * offline. Absent: this browser's clock.
   */
  now?: (() => number) | undefined;
}

const BUTTON = 'rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/** "Export PNG" (the canvas at its true size, a frozen frame of the output beside it when there is one, the task JSON inside) and "Export JSON". */
export function ExportButtons({ getStage, getFrame, document }: { getStage: () => Stage | null; getFrame?: () => HTMLCanvasElement | null; document: ExportInput }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [includeKey, setIncludeKey] = useState(false);
  const includeId = useId();
  const pushUrl = pushUrlOf(document.task);
  // A URL masked before it got here, with nowhere to ask for it, cannot be included.
  const canInclude = pushUrl !== undefined && (document.fullPushUrl !== undefined || !isMaskedPushUrl(pushUrl));
  // The same model the canvas is drawn from: its size is the PNG's size.
  const canvas = useMemo(() => {
    const { width, height } = buildTaskModel(document.task, document.version).layout.canvas;
    return { width: width.value, height: height.value };
  }, [document.task, document.version]);

  /** The export's text: the PushURL masked, unless the stream key was chosen and could be had. */
  const exportText = async (): Promise<string> => {
    const full = includeKey && canInclude ? (document.fullPushUrl ? await document.fullPushUrl() : pushUrl) : undefined;
    if (includeKey && canInclude && (full === null || full === undefined)) throw new Error(t('offline.export.keyUnavailable'));
    return serialiseExport(taskExport({ version: document.version, ref: document.ref, task: document.task, pushUrl: full ?? undefined }, new Date(document.now?.() ?? Date.now())));
  };
  const run = async (save: (text: string) => Promise<void>) => {
    setFailure(undefined);
    setBusy(true);
    try {
      await save(await exportText());
    } catch (e) {
      const reason = e instanceof ExportError && e.reason !== 'encode' ? t(`offline.export.${e.reason}`) : e instanceof Error ? e.message : String(e);
      setFailure(reason);
    } finally {
      setBusy(false);
    }
  };
  const exportPng = () => run(async (text) => {
    const stage = getStage();
    if (!stage) throw new ExportError('noCanvas', 'nothing is drawn');
    const png = await stageToPng(stage, canvas, text, getFrame?.());
    saveFile(exportFileName(document.ref, 'png'), [png.slice().buffer], 'image/png');
  });
  const exportJson = () => run(async (text) => {
    saveFile(exportFileName(document.ref, 'json'), [text], 'application/json');
  });

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className={BUTTON} onClick={() => void exportPng()} disabled={busy} title={t('offline.export.pngHelp', canvas)}>
        <span aria-hidden="true">⤓ </span>{t('offline.export.png')}
      </button>
      <button type="button" className={BUTTON} onClick={() => void exportJson()} disabled={busy} title={t('offline.export.jsonHelp')}>
        <span aria-hidden="true">⤓ </span>{t('offline.export.json')}
      </button>
      {pushUrl !== undefined && (
        <span className="flex items-center gap-1.5 text-sm text-slate-700 dark:text-slate-300">
          <input
            id={includeId} type="checkbox" checked={includeKey && canInclude} disabled={!canInclude}
            onChange={(e) => setIncludeKey(e.target.checked)} aria-describedby={`${includeId}-note`}
            className="h-4 w-4 accent-sky-700 dark:accent-sky-400"
          />
          <label htmlFor={includeId} className="max-sm:inline-flex max-sm:min-h-11 max-sm:items-center">{t('offline.export.includeKey')}</label>
          <span id={`${includeId}-note`} data-testid="export-key-note" className={`text-xs ${MUTED_TEXT}`}>
            {!canInclude ? t('offline.export.keyMaskedBefore') : includeKey ? t('offline.export.keyIncluded') : t('offline.export.keyMasked')}
          </span>
        </span>
      )}
      {failure && <p role="alert" className="text-sm text-orange-900 dark:text-orange-200">✕ {t('offline.export.failed', { reason: failure })}</p>}
    </div>
  );
}
