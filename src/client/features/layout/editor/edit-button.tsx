import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditSource } from './edit-source.ts';
import { EditorViewLazy } from './lazy-editor.tsx';

/** "Edit a copy": opens the what-if editor on this layout; the button gets the focus back when it closes. */
export function EditButton({ source }: { source: EditSource }) {
  const { t } = useTranslation();
  // The layout as it was when the button was pressed: the task page keeps polling meanwhile.
  const [opened, setOpened] = useState<EditSource>();
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpened(undefined);
    requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        data-testid="edit-copy"
        aria-haspopup="dialog"
        title={t('inspector.edit.help')}
        onClick={() => setOpened(source)}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true">✎ </span>{t('inspector.edit.open')}
      </button>
      {opened && <EditorViewLazy source={opened} onClose={close} />}
    </>
  );
}
