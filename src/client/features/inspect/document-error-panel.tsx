import { useTranslation } from 'react-i18next';
import type { DocumentError } from '../../../shared/task-document.ts';
import { UpstreamErrorDetails } from '../../design-system/upstream-error-details.tsx';
import { documentErrorText } from './document-error-text.ts';

/** Why the input cannot be read; says so when the last good document is still shown below. */
interface Props {
  error: DocumentError;
  keptPrevious: boolean;
  /** Puts the caret where broken JSON broke; absent when the error is not in the text box's text. */
  onReveal?: ((offset: number, line: number) => void) | undefined;
}

export function DocumentErrorPanel({ error, keptPrevious, onReveal }: Props) {
  const { t } = useTranslation();
  const upstream = error.code === 'upstream' ? error.upstream : undefined;
  const syntax = error.code === 'json' ? error.syntax : undefined;
  return (
    <div role="alert" data-testid="inspect-error" className="rounded-lg border border-orange-400 bg-orange-50 p-4 text-orange-950 dark:border-orange-700 dark:bg-orange-950 dark:text-orange-50">
      <h2 className="font-semibold">✕ {t('offline.error.title')}</h2>
      <p className="mt-1" data-testid="inspect-error-message">{documentErrorText(t, error)}</p>
      {syntax && (
        <div className="mt-2 flex flex-wrap items-end gap-3">
          <pre data-testid="inspect-error-excerpt" className="overflow-x-auto rounded bg-white/70 px-2 py-1 font-mono text-xs leading-5 dark:bg-black/30">
            <span className="select-none text-orange-700 dark:text-orange-300">{syntax.line} | </span>{syntax.excerpt.text}{'\n'}
            <span className="select-none">{' '.repeat(String(syntax.line).length + 3 + syntax.excerpt.caret)}</span>
            <span aria-hidden="true" className="font-bold text-orange-700 dark:text-orange-300">^</span>
          </pre>
          {onReveal && (
            <button type="button" onClick={() => onReveal(syntax.offset, syntax.line)} className="rounded-md border border-orange-600 px-3 py-1 text-sm font-medium hover:bg-orange-100 dark:hover:bg-orange-900">
              {t('offline.error.reveal')}
            </button>
          )}
        </div>
      )}
      {upstream && <UpstreamErrorDetails code={upstream.code} codeN={upstream.codeN} requestId={upstream.requestId} message={upstream.message} />}
      {keptPrevious && <p className="mt-2 text-sm text-orange-900 dark:text-orange-200">{t('offline.previous')}</p>}
    </div>
  );
}
