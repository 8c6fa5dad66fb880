import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldChange } from '../../../../shared/layout-edit/edit-diff.ts';
import { MUTED_TEXT } from '../../../design-system/surface.ts';

/** What the edited copy changes against the original, field by field. */
export const EditDiffList = memo(function EditDiffList({ changes }: { changes: readonly FieldChange[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const absent = t('editor.diff.absent');
  return (
    <section aria-labelledby={titleId} data-testid="edit-diff">
      <h3 id={titleId} className="font-semibold">{t('editor.diff.title', { count: changes.length })}</h3>
      {changes.length === 0 ? (
        <p className={`text-sm ${MUTED_TEXT}`}>{t('editor.diff.none')}</p>
      ) : (
        <ul className="mt-1 space-y-0.5 font-mono text-xs">
          {changes.map((c) => (
            <li key={c.path} data-path={c.path} className="break-all">
              <span className="font-semibold">{c.path}</span>{': '}
              {c.count
                ? t('editor.diff.items', { before: c.before, after: c.after })
                : <><del className="text-orange-800 dark:text-orange-300">{c.before ?? absent}</del> → <ins className="text-sky-800 no-underline dark:text-sky-300">{c.after ?? absent}</ins></>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
