import { useTranslation } from 'react-i18next';
import { nextTryAt } from '../lib/retry-policy.ts';
import { useNow } from '../lib/use-now.ts';

export interface RetryState {
  /** Tries in a row that failed (1 for the first). */
  attempt: number;
  /** A try is on its way now (a retry, Refresh, Try again). */
  asking: boolean;
}

/** Under an error: which try failed and when the next goes, or that none will. */
export function RetryStatus({ error, retry }: { error: Error; retry: RetryState }) {
  const { t } = useTranslation();
  const now = useNow(250);
  const next = nextTryAt({ error, attempt: retry.attempt });
  const seconds = next === undefined ? 0 : Math.ceil((next - now) / 1_000);
  let what: string;
  if (next === undefined) what = retry.asking ? t('error.askingAgain') : t('error.notRetried');
  else what = seconds > 0 ? t('error.nextTryIn', { seconds }) : t('error.tryingNow');
  return (
    <p data-testid="retry-status" className="mt-2 text-sm font-medium">
      <span data-testid="retry-attempt">{t('error.attempt', { attempt: retry.attempt })}</span>{' '}
      {/* The countdown changes every second: not read out each time. */}
      <span data-testid="retry-next" aria-live="off">{what}</span>
    </p>
  );
}
