import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { configQueries } from '../lib/config-queries.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import { UpstreamErrorDetails } from './upstream-error-details.tsx';
import { formatInstant, useTimeMode } from '../lib/time-setting.ts';
import { useNow } from '../lib/use-now.ts';
import { fieldIssueText } from './field-issue-text.ts';
import { serverErrorText } from '../i18n/server-error-text.ts';
import { RetryStatus, type RetryState } from './retry-status.tsx';

const TITLE_KEYS: Record<string, string> = {
  upstream: 'error.upstream',
  unreachable: 'error.unreachable',
  'bad-upstream-body': 'error.badBody',
  throttled: 'error.throttled',
  'invalid-input': 'error.invalidInput',
  unauthorized: 'error.unauthorized',
  'not-found': 'error.notFound',
  internal: 'error.internal',
  network: 'error.network',
};


interface ErrorPanelProps {
  error: Error;
  onRetry?: (() => void) | undefined;
  compact?: boolean;
  /** Which try failed and whether another is on its way: shown with the countdown to the next. */
  retry?: RetryState | undefined;
}

/** An error in words, with the Code and RequestId an operator quotes to Volcengine support. */
export function ErrorPanel({ error, onRetry, compact = false, retry }: ErrorPanelProps) {
  const { t, i18n } = useTranslation();
  const [timeMode] = useTimeMode();
  const now = useNow();
  const api = error instanceof ApiRequestError ? error : undefined;
  const { data: config } = useQuery(configQueries.server());
  // Name who answered truly: the embedded simulator is not Volcengine.
  const onSimulator = config?.upstream === 'simulator';
  const title = t(TITLE_KEYS[api?.kind ?? 'internal'] ?? 'error.internal', { upstream: t(onSimulator ? 'error.upstreamSimulator' : 'error.upstreamVolcengine') });
  const who = t(onSimulator ? 'error.upstreamSimulator' : 'error.upstreamVolcengine');
  // A timeout or a refused connection is "unreachable"; an answer that could not be used is not.
  const sinceKey = api?.kind === 'unreachable' ? 'error.unreachableSince' : 'error.failingSince';
  const upstream = api?.detail?.upstream;
  // Volcengine's own Message is quoted as sent, marked as its words; the server's English explanation is translated.
  const said = upstream?.message ? t('error.upstreamSaid', { message: upstream.message }) : serverErrorText(t, error);
  return (
    <div role="alert" data-testid="error-panel" className={`rounded-lg border border-orange-400 bg-orange-50 text-orange-950 dark:border-orange-700 dark:bg-orange-950 dark:text-orange-50 ${compact ? 'p-3 text-sm' : 'p-4'}`}>
      <h2 className="font-semibold">✕ {title}</h2>
      <p className="mt-1" data-testid="error-message">{said}</p>
      {!upstream?.message && said !== error.message && (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer">{t('error.original')}</summary>
          <p lang="en" className="mt-1 font-mono">{error.message}</p>
        </details>
      )}
      {api?.detail?.unreachableSince !== undefined && (
        <p data-testid="unreachable-since" className="mt-1 text-sm font-medium">
          {t(sinceKey, { upstream: who, time: formatInstant(api.detail.unreachableSince, timeMode, i18n.language, now) })}
          {api.detail.circuit === 'open' ? ` ${t('error.circuitOpen')}` : ''}
        </p>
      )}
      {upstream && <UpstreamErrorDetails code={upstream.code} codeN={upstream.codeN} requestId={upstream.requestId} httpStatus={upstream.httpStatus} />}
      {api?.detail?.issues && (
        <ul className="mt-2 list-disc pl-5 text-sm">
          {api.detail.issues.map((i) => <li key={`${i.field}-${i.code}`}>{fieldIssueText(t, i)}</li>)}
        </ul>
      )}
      {retry && <RetryStatus error={error} retry={retry} />}
      {onRetry && (
        <button type="button" onClick={onRetry} disabled={retry?.asking} className="mt-3 rounded-md border border-orange-600 px-3 py-1 text-sm font-medium hover:bg-orange-100 disabled:opacity-60 dark:hover:bg-orange-900">
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
