import type { TFunction } from 'i18next';
import { API_VERSIONS } from '../../shared/api-versions.ts';

/** A field issue in the current language; the server's English message is the fallback. */
export function fieldIssueText(t: TFunction, issue: { field: string; code: string; message: string }): string {
  return t(`fieldIssue.${issue.code}`, { field: t(`query.${issue.field}`), allowed: API_VERSIONS.join(', '), defaultValue: issue.message });
}
