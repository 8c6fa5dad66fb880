import { lenientSchemas, strictSchemas, type VolcTask } from './volc-task-schema.ts';

export interface ParseIssue {
  /** Dotted path as a person reads it, e.g. `Layout.CustomLayout.Regions[2].Alpha`. */
  path: string;
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
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
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
    return { task: {}, issues: [{ path: '(task)', message: `expected an object, got ${describeValue(raw)}` }] };
  }
  const lenient = lenientSchemas.Task.safeParse(raw);
  const strict = strictSchemas.Task.safeParse(raw);
  const issues: ParseIssue[] = strict.success
    ? []
    : strict.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: `${issue.message}; got ${describeValue(valueAt(raw, issue.path))}. Ignored, the documented default applies.`,
      }));
  // Union branches report one issue per branch; keep one message per path.
  const seen = new Set<string>();
  const unique = issues.filter((i) => (seen.has(i.path) ? false : (seen.add(i.path), true)));
  return { task: lenient.success ? lenient.data : {}, issues: unique };
}
