import { useTranslation } from 'react-i18next';
import type { DocumentError } from '../../../shared/task-document.ts';
import { hintKey } from '../task/error-panel.tsx';
import { documentErrorText } from './document-error-text.ts';

/** Why the input cannot be read; says so when the last good document is still shown below. */
export function DocumentErrorPanel({ error, keptPrevious }: { error: DocumentError; keptPrevious: boolean }) {
  const { t } = useTranslation();
  const upstream = error.code === 'upstream' ? error.upstream : undefined;
  return (
    <div role="alert" data-testid="inspect-error" className="rounded-lg border border-orange-400 bg-orange-50 p-4 text-orange-950 dark:border-orange-700 dark:bg-orange-950 dark:text-orange-50">
      <h2 className="font-semibold">✕ {t('offline.error.title')}</h2>
      <p className="mt-1" data-testid="inspect-error-message">{documentErrorText(t, error)}</p>
      {upstream && (
        <>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium">{t('error.code')}</dt>
            <dd className="font-mono" data-testid="error-code">{upstream.code}{upstream.codeN !== undefined ? ` (${upstream.codeN})` : ''}</dd>
            {upstream.message && (
              <>
                <dt className="font-medium">{t('offline.error.message')}</dt>
                <dd>{upstream.message}</dd>
              </>
            )}
            {upstream.requestId && (
              <>
                <dt className="font-medium">{t('error.requestId')}</dt>
                <dd className="font-mono select-all" data-testid="error-request-id">{upstream.requestId}</dd>
              </>
            )}
          </dl>
          {upstream.requestId && <p className="mt-1 text-xs">{t('error.requestIdHelp')}</p>}
          <p className="mt-2 text-sm">{t(hintKey(upstream.code), { defaultValue: '' })}</p>
        </>
      )}
      {keptPrevious && <p className="mt-2 text-sm text-orange-900 dark:text-orange-200">{t('offline.previous')}</p>}
    </div>
  );
}
