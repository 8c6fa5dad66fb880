import type { TFunction } from 'i18next';
import type { CauseSeverity, TaskCause } from '../../../shared/task-cause.ts';

export const SEVERITY_GLYPH: Record<CauseSeverity, string> = { ok: '✓', info: 'ℹ', warning: '⚠', error: '✕' };

/** The cause in the current language; the English of explainTask is the fallback for a new code. */
export function causeText(t: TFunction, cause: TaskCause): { headline: string; checks: string[] } {
  const base = `cause.code.${cause.code}`;
  return {
    headline: t(`${base}.headline`, { ...cause.params, defaultValue: cause.headline }),
    checks: cause.checks.map((check, i) => t(`${base}.checks.${i}`, { ...cause.params, defaultValue: check })),
  };
}
