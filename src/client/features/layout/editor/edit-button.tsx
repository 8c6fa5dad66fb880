import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditSource } from './edit-source.ts';
import { EditorViewLazy } from './lazy-editor.tsx';

/** `edit=1` in a task page's link opens the editor on the task: a link to share, or to come back to. */
const EDIT_PARAM = 'edit';

function markUrl(on: boolean): void {
  const url = new URL(window.location.href);
  if (on) url.searchParams.set(EDIT_PARAM, '1');
  else url.searchParams.delete(EDIT_PARAM);
  window.history.replaceState(window.history.state, '', url);
}

/**
 * "Edit a copy": opens the what-if editor on this layout; the button gets the focus back when it
 * closes. The task's own layout (origin 'task') says so in the page's link.
 */
export function EditButton({ source }: { source: EditSource }) {
  const { t } = useTranslation();
  // The layout as it was when the button was pressed: the task page keeps polling meanwhile.
  const [opened, setOpened] = useState<EditSource>();
  const button = useRef<HTMLButtonElement>(null);
  const linked = source.origin === 'task';
  const open = (s: EditSource) => {
    setOpened(s);
    if (linked) markUrl(true);
  };
  const close = () => {
    setOpened(undefined);
    if (linked) markUrl(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  // Once, with the first layout: a link that asks for the editor opens it.
  const fromLink = useRef(linked && new URLSearchParams(window.location.search).get(EDIT_PARAM) === '1');
  useEffect(() => {
    if (!fromLink.current) return;
    fromLink.current = false;
    setOpened(source);
  }, [source]);
  return (
    <>
      <button
        ref={button}
        type="button"
        data-testid="edit-copy"
        aria-haspopup="dialog"
        title={t('inspector.edit.help')}
        onClick={() => open(source)}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true">✎ </span>{t('inspector.edit.open')}
      </button>
      {opened && <EditorViewLazy source={opened} onClose={close} />}
    </>
  );
}
