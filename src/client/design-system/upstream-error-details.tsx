import { useTranslation } from 'react-i18next';

/**
 * Hint keys for an upstream code, most specific first: FlowLimitExceeded.QPSOverLimit falls back
 * to FlowLimitExceeded. Dots separate i18next key levels, so a code's dots become "__".
 */
export function hintKey(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => `error.hints.${parts.slice(0, parts.length - i).join('__')}`);
}

interface Props {
  code: string;
  codeN?: number | undefined;
  requestId?: string | undefined;
  /** Shown in the list when the surrounding panel does not already say it. */
  message?: string | undefined;
  httpStatus?: number | undefined;
}

/** Volcengine's Code, RequestId (to quote to support) and what to check, for any error view. */
export function UpstreamErrorDetails({ code, codeN, requestId, message, httpStatus }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">{t('error.code')}</dt>
        <dd className="font-mono" data-testid="error-code">{code}{codeN !== undefined ? ` (${codeN})` : ''}</dd>
        {message && (
          <>
            <dt className="font-medium">{t('error.message')}</dt>
            <dd>{message}</dd>
          </>
        )}
        {httpStatus !== undefined && (
          <>
            <dt className="font-medium">{t('error.httpStatus')}</dt>
            <dd className="font-mono">{httpStatus}</dd>
          </>
        )}
        {requestId && (
          <>
            <dt className="font-medium">{t('error.requestId')}</dt>
            <dd className="font-mono select-all" data-testid="error-request-id">{requestId}</dd>
          </>
        )}
      </dl>
      {requestId && <p className="mt-1 text-xs">{t('error.requestIdHelp')}</p>}
      <p className="mt-2 text-sm">{t(hintKey(code), { defaultValue: '' })}</p>
    </>
  );
}
