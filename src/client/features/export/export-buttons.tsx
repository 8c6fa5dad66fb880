import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from 'konva/lib/Stage';
import type { ApiVersion } from '../../../shared/api-versions.ts';
import { exportFileName, serialiseExport, taskExport, type DocumentRef } from '../../../shared/task-document-export.ts';
import { buildTaskModel } from '../../../shared/task-model.ts';
import { saveFile } from './save-file.ts';
import { ExportError, stageToPng } from './stage-png.ts';

/** What an export embeds; the time is stamped when the button is pressed. */
export interface ExportInput {
  version: ApiVersion;
  ref?: DocumentRef | undefined;
  /** The raw task (Result.PushMixedStreamToCDNTask or a request body), as it was read. */
  task: unknown;
}

const BUTTON = 'rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/** "Export PNG" (the canvas at its true size, the task JSON inside) and "Export JSON". */
export function ExportButtons({ getStage, document }: { getStage: () => Stage | null; document: ExportInput }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The same model the canvas is drawn from: its size is the PNG's size.
  const canvas = useMemo(() => {
    const { width, height } = buildTaskModel(document.task, document.version).layout.canvas;
    return { width: width.value, height: height.value };
  }, [document.task, document.version]);

  const exportPng = async () => {
    setFailure(undefined);
    const stage = getStage();
    if (!stage) return setFailure(t('offline.export.noCanvas'));
    setBusy(true);
    try {
      const png = await stageToPng(stage, canvas, serialiseExport(taskExport(document, new Date())));
      saveFile(exportFileName(document.ref, 'png'), [png.slice().buffer], 'image/png');
    } catch (e) {
      const reason = e instanceof ExportError && e.reason !== 'encode' ? t(`offline.export.${e.reason}`) : e instanceof Error ? e.message : String(e);
      setFailure(reason);
    } finally {
      setBusy(false);
    }
  };
  const exportJson = () => {
    setFailure(undefined);
    saveFile(exportFileName(document.ref, 'json'), [serialiseExport(taskExport(document, new Date()))], 'application/json');
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className={BUTTON} onClick={() => void exportPng()} disabled={busy} title={t('offline.export.pngHelp', canvas)}>
        <span aria-hidden="true">⤓ </span>{t('offline.export.png')}
      </button>
      <button type="button" className={BUTTON} onClick={exportJson} title={t('offline.export.jsonHelp')}>
        <span aria-hidden="true">⤓ </span>{t('offline.export.json')}
      </button>
      {failure && <p role="alert" className="text-sm text-orange-900 dark:text-orange-200">✕ {t('offline.export.failed', { reason: failure })}</p>}
    </div>
  );
}
