import type { Context } from 'hono';
import { sendError } from '../api-errors.ts';
import { identityOfKey } from '../../shared/task-ref.ts';

/**
 * MIXSCOPE_APP_IDS: when set, the server queries, watches and shows history only for these
 * AppIds, so a shared dashboard cannot be pointed at another team's applications with the same
 * account keys. Enforced by the wrappers in app-id-scope.ts around everything that reaches
 * upstream or the history store; a refusal surfaces as AppIdNotAllowedError.
 */
export function appIdAllowed(list: readonly string[] | undefined, appId: string): boolean {
  return list === undefined || list.includes(appId.trim());
}

/** Thrown by a scoped governor, store, watcher or fault switch; app.ts answers it with notAllowed(). */
export class AppIdNotAllowedError extends Error {
  constructor(readonly appId: string) {
    super(`AppId ${JSON.stringify(appId.slice(0, 128))} is not one this mixscope server may query (MIXSCOPE_APP_IDS). Ask whoever runs it to add the AppId.`);
    this.name = 'AppIdNotAllowedError';
  }
}

/** Throws AppIdNotAllowedError unless the list allows the AppId. */
export function requireAllowedAppId(list: readonly string[] | undefined, appId: string): void {
  if (!appIdAllowed(list, appId)) throw new AppIdNotAllowedError(appId);
}

/** The AppId inside a task key `appId|roomId|taskId|userId` (or one that starts with a version); '' when it has none. */
export function appIdOfKey(key: string): string {
  const parts = identityOfKey(key).split('|');
  return parts.length === 4 ? (parts[0] ?? '') : '';
}

export function notAllowed(c: Context, err: AppIdNotAllowedError) {
  return sendError(c, 403, { kind: 'invalid-input', message: err.message, issues: [{ field: 'appId', code: 'notAllowed', message: err.message }] });
}
