import { lenientSchemas, strictSchemas, type VolcTask } from './volc-task-schema.ts';

/** What a field should have been, as the docs type it (a number also accepts a numeric string). */
export const EXPECTED_KINDS = ['number', 'boolean', 'string', 'object', 'list', 'value'] as const;
export type ExpectedKind = (typeof EXPECTED_KINDS)[number];

/**
 * The English of a parse issue, as templates with {{slots}} (i18next's syntax): the message is
 * filled from them here, the client's English messages are these same templates, and its Chinese
 * ones use the same slots. `got` is the value as JSON (lists and objects abbreviated), so it
 * reads the same in every language.
 */
export const PARSE_ISSUE_TEXT = {
  field: 'expected {{expected}}, got {{got}}. Ignored, the documented default applies.',
  root: 'expected {{expected}}, got {{got}}.',
  expected: {
    number: 'a number or a numeric string',
    boolean: 'true or false',
    string: 'a string',
    object: 'an object',
    list: 'a list',
    value: 'a documented value',
  } satisfies Record<ExpectedKind, string>,
};

export interface ParseIssue {
  /** Dotted path as a person reads it, e.g. `Layout.CustomLayout.Regions[2].Alpha`. */
  path: string;
  /** What the docs type the field as. */
  expected: ExpectedKind;
  /** The value that was sent, as JSON, abbreviated: `"half"`, `5`, `null`, `[…]`, `{…}`. */
  got: string;
  /** English, filled from PARSE_ISSUE_TEXT. */
  message: string;
}

export interface ParsedTask {
  task: VolcTask;
  /** Fields that were not what the docs say; each was ignored and its default applies. */
  issues: ParseIssue[];
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(task)' : out;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : '[…]';
  if (value !== null && typeof value === 'object') return '{…}';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 42 ? `${text.slice(0, 41)}…"` : text;
}

const fill = (template: string, params: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => params[k] ?? '');

/** The documented type behind a zod issue: the first branch of a union names it (lenientNumber: number | numeric string). */
function expectedOf(issue: { code: string; expected?: unknown; errors?: unknown }): ExpectedKind {
  if (issue.code === 'invalid_format' || issue.code === 'custom') return 'number';
  if (issue.code === 'invalid_union' && Array.isArray(issue.errors)) {
    const first: unknown = Array.isArray(issue.errors[0]) ? issue.errors[0][0] : undefined;
    if (first !== null && typeof first === 'object' && 'code' in first) {
      const { code } = first;
      if (typeof code === 'string') return expectedOf({ code, expected: 'expected' in first ? first.expected : undefined });
    }
  }
  if (issue.code === 'invalid_type') {
    const e = issue.expected;
    if (e === 'array') return 'list';
    if (e === 'number' || e === 'boolean' || e === 'string' || e === 'object') return e;
  }
  return 'value';
}

function issueAt(path: string, expected: ExpectedKind, value: unknown): ParseIssue {
  const got = describeValue(value);
  const template = path === '(task)' ? PARSE_ISSUE_TEXT.root : PARSE_ISSUE_TEXT.field;
  return { path, expected, got, message: fill(template, { expected: PARSE_ISSUE_TEXT.expected[expected], got }) };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[part];
  }
  return cur;
}

/**
 * Parses Result.PushMixedStreamToCDNTask. Never throws: whatever the input, the answer is a task
 * (possibly empty) plus the list of what was ignored and why.
 */
export function parseTask(raw: unknown): ParsedTask {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { task: {}, issues: [issueAt('(task)', 'object', raw)] };
  }
  const lenient = lenientSchemas.Task.safeParse(raw);
  const strict = strictSchemas.Task.safeParse(raw);
  const issues: ParseIssue[] = strict.success
    ? []
    : strict.error.issues.map((issue) => issueAt(formatPath(issue.path), expectedOf(issue), valueAt(raw, issue.path)));
  // Union branches report one issue per branch; keep one message per path.
  const seen = new Set<string>();
  const unique = issues.filter((i) => (seen.has(i.path) ? false : (seen.add(i.path), true)));
  return { task: lenient.success ? lenient.data : {}, issues: unique };
}
