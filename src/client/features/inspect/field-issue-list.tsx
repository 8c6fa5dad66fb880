import { useTranslation } from 'react-i18next';
import type { ParseIssue } from '../../../shared/parse-task.ts';
import { nearestPosition, type TextPosition } from '../../../shared/task-document-position.ts';
import { parseIssueText } from '../../i18n/parse-issue-messages.ts';

/** Fields that parse-task ignored, each with the line and column where the text has it. */
export function FieldIssueList({ issues, positions }: { issues: readonly ParseIssue[]; positions: ReadonlyMap<string, TextPosition> }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <section aria-labelledby="field-issues-title" className="rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
      <h2 id="field-issues-title" className="font-semibold">⚠ {t('offline.issues.title')} ({issues.length})</h2>
      <ul data-testid="field-issues" className="mt-1 space-y-1">
        {issues.map((issue) => {
          const at = nearestPosition(positions, issue.path);
          return (
            <li key={issue.path}>
              <code className="font-semibold">{issue.path}</code>
              {at && <span className="text-amber-800 dark:text-amber-300"> · {t('offline.issues.at', { line: at.line, column: at.column })}</span>}
              <span>: {parseIssueText(t, issue)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
