import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskModel } from '../../../shared/task-model.ts';
import type { TaskRef } from '../../../shared/task-ref.ts';

import { deferred } from '../../lib/deferred.tsx';

// The presentation view loads when it is first opened, not with the task page; it shows the timeline.
const PresentView = deferred(() => import('./present-view.tsx').then((m) => m.PresentView), ['timeline', 'watch']);

/** "Present": the canvas and the timeline full screen, for a demo or a wall; Esc leaves. */
export function PresentButton({ taskRef, model }: { taskRef: TaskRef; model: TaskModel }) {
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
      {open && <PresentView taskRef={taskRef} model={model} onExit={close} />}
    </>
  );
}
