import type { TFunction } from 'i18next';

/** A field issue in the current language; the server's English message is the fallback. */
export function fieldIssueText(t: TFunction, issue: { field: string; code: string; message: string }): string {
  return t(`fieldIssue.${issue.code}`, { field: t(`query.${issue.field}`), defaultValue: issue.message });
}
