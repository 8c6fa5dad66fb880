import type { TFunction } from 'i18next';
import { PARSE_ISSUE_TEXT, type ParseIssue } from '../../shared/parse-task.ts';

/**
 * A field the parser ignored, in words (namespace `parseIssue`). English is the shared template
 * itself (src/shared/parse-task.ts); Chinese fills the same slots. `got` is JSON, in any language.
 */
export const parseIssueMessagesEn = PARSE_ISSUE_TEXT;

export const parseIssueMessagesZh: typeof PARSE_ISSUE_TEXT = {
  field: '应为{{expected}}，实际为 {{got}}。已忽略，按文档默认值处理。',
  root: '应为{{expected}}，实际为 {{got}}。',
  expected: {
    number: '数字或数字字符串',
    boolean: 'true 或 false',
    string: '字符串',
    object: '对象',
    list: '列表',
    value: '文档中的取值',
  },
};

export function parseIssueText(t: TFunction, issue: Pick<ParseIssue, 'path' | 'expected' | 'got' | 'message'>): string {
  return t(issue.path === '(task)' ? 'parseIssue.root' : 'parseIssue.field', {
    expected: t(`parseIssue.expected.${issue.expected}`),
    got: issue.got,
    defaultValue: issue.message,
  });
}
