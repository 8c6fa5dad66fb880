import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { TaskModel } from '../../../shared/task-model.ts';
import type { TaskRef } from '../../../shared/task-ref.ts';
import { StatusBadge } from '../../design-system/status-badge.tsx';
import { useEnumLabel } from '../../i18n/use-enum-label.ts';
import { usePushStateLabel } from '../../i18n/use-push-state-label.ts';
import { useFullscreen } from './use-fullscreen.ts';

export interface PresentViewProps {
  taskRef: TaskRef;
  model: TaskModel;
  onExit: () => void;
}

/** What the view shows but other features draw; the route that composes the page passes them in. */
export interface PresentParts {
  /** The task's cause in one line. */
  headline: ReactNode;
  canvas(maxHeight: number): ReactNode;
  timeline: ReactNode;
}

/**
 * The presentation view: the task's state in large words, the canvas as large as the screen
 * allows with large labels, and the timeline under it. Full screen through the Fullscreen API
 * when the browser grants it, else a full-viewport layer; Esc or the Exit button leaves either.
 */
export function PresentView({ taskRef, model, onExit, parts }: PresentViewProps & { parts: PresentParts }) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const pushLabel = usePushStateLabel();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const { mode, exit } = useFullscreen(ref, onExit);
  const [canvasRow, rowHeight] = useHeight<HTMLDivElement>();
  const status = enumLabel('taskStatus', model.status);
  const push = pushLabel(model);
  const name = [taskRef.roomId, taskRef.taskId ?? taskRef.userId].join(' / ');
  // The canvas row grows into what the header and the timeline leave; its toolbar and help take about 4.5 rem.
  const canvasHeight = Math.max(200, rowHeight - 72);
  return createPortal(
    <div
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid="present-view"
      data-mode={mode}
      className="fixed inset-0 z-50 flex flex-col gap-4 overflow-auto bg-slate-50 p-4 text-slate-900 outline-none lg:p-6 dark:bg-slate-950 dark:text-slate-100"
    >
      <header className="flex flex-wrap items-center gap-x-5 gap-y-2">
        <h2 id={titleId} className="text-2xl font-semibold break-all">{name}</h2>
        <StatusBadge value={status} label={status.label} size="large" testId="present-status" />
        {model.status === 2 && <StatusBadge value={push} label={push.label} size="large" />}
        <p className="text-lg font-medium" data-testid="present-cause">
          {parts.headline}
        </p>
        <button
          type="button"
          onClick={exit}
          className="ml-auto rounded-md border border-slate-400 bg-white px-4 py-2 text-base font-semibold hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-900 dark:hover:bg-slate-800"
        >
          <span aria-hidden="true">✕ </span>{t('present.exit')} <kbd className="ml-1 rounded border border-slate-300 px-1 font-mono text-xs dark:border-slate-600">Esc</kbd>
        </button>
      </header>
      {/* Tall screens: the canvas above the timeline. Wide ones (16:9 walls and projectors): side by side. */}
      <div className="grid min-h-0 flex-1 grid-rows-[minmax(18rem,1fr)_auto] gap-4 [@media(min-aspect-ratio:16/10)_and_(min-width:68rem)]:grid-cols-2 [@media(min-aspect-ratio:16/10)_and_(min-width:68rem)]:grid-rows-1">
        <div ref={canvasRow} className="@container min-h-0 min-w-0">
          {parts.canvas(canvasHeight)}
        </div>
        <div className="min-w-0">
          {parts.timeline}
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** An element's height, kept current: the canvas takes what the header and the timeline leave. */
function useHeight<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setHeight(Math.floor(entry.contentRect.height));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, height];
}
