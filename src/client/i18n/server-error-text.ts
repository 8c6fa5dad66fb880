import type { TFunction } from 'i18next';
import { ApiRequestError } from '../lib/api-client.ts';

/**
 * An error from the mixscope server in the reader's language, by its kind. The server's own
 * English message is the fallback, and is what English readers see (it is the more specific).
 */
export function serverErrorText(t: TFunction, error: Error): string {
  if (!(error instanceof ApiRequestError)) return error.message;
  return t(`serverError.${error.kind}`, { retryAfter: error.detail?.retryAfter ?? 1, defaultValue: error.message });
}
