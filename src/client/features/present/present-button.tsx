import { useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskModel } from '../../../shared/task-model.ts';
import type { TaskRef } from '../../../shared/task-ref.ts';
import type { PresentViewProps } from './present-view.tsx';

/** "Present": the canvas and the timeline full screen, for a demo or a wall; Esc leaves. */
/** `View` is the composed presentation view, loaded when first opened (not with the task page). */
export function PresentButton({ taskRef, model, View }: { taskRef: TaskRef; model: TaskModel; View: ComponentType<PresentViewProps> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    // Back where the keyboard was before presenting.
    requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="present-button"
        title={t('present.help')}
        className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true">⤢ </span>{t('present.open')}
      </button>
      {open && <View taskRef={taskRef} model={model} onExit={close} />}
    </>
  );
}
