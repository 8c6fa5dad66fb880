import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { API_VERSIONS, DEFAULT_API_VERSION, isApiVersion } from '../../../shared/api-versions.ts';
import { taskRefToSearch, validateTaskRef, type FieldIssue, type TaskRefField, type TaskRefInput } from '../../../shared/task-ref.ts';
import { fieldIssueText } from '../../design-system/field-issue-text.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

const TEXT_FIELDS = ['appId', 'roomId', 'taskId', 'userId'] as const;
const HINTS: Partial<Record<TaskRefField, string>> = { taskId: 'query.taskIdHint', userId: 'query.userIdHint' };
const LAST_QUERY_KEY = 'mixscope.lastQuery';

function lastQuery(): TaskRefInput {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(LAST_QUERY_KEY) ?? '{}');
    if (parsed === null || typeof parsed !== 'object') return {};
    const out: TaskRefInput = {};
    for (const key of [...TEXT_FIELDS, 'version'] as const) {
      const v = (parsed as Record<string, unknown>)[key];
      if (typeof v === 'string') out[key] = v;
    }
    return out;
  } catch {
    return {};
  }
}

/** The query form: checks input before anything is sent, then opens the task's deep link. */
/** What the form offers beside Query (watching the task), from the route that composes the page. */
export type QueryFormAction = (values: TaskRefInput, onInvalid: (issues: FieldIssue[]) => void) => ReactNode;

export function QueryForm({ initial, initialIssues = [], action }: { initial?: TaskRefInput; initialIssues?: FieldIssue[]; action: QueryFormAction }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const formId = useId();
  const [values, setValues] = useState<TaskRefInput>(() => ({ version: DEFAULT_API_VERSION, ...lastQuery(), ...initial }));
  const [issues, setIssues] = useState<FieldIssue[]>(initialIssues);
  const summaryRef = useRef<HTMLDivElement>(null);

  const issueFor = (field: TaskRefField) => issues.find((i) => i.field === field);
  const versionIssue = issueFor('version');
  // A link's unknown version stays visible in the select, marked, until a listed one is picked.
  const badVersion = typeof values.version === 'string' && !isApiVersion(values.version) ? values.version : undefined;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = validateTaskRef(values);
    if (!result.ok) {
      setIssues(result.issues);
      // Move focus to the first field in error, so keyboard and screen-reader users land on it.
      const first = result.issues[0];
      if (first) document.getElementById(`${formId}-${first.field}`)?.focus();
      return;
    }
    setIssues([]);
    globalThis.localStorage?.setItem(LAST_QUERY_KEY, JSON.stringify(values));
    navigate(`/task?${taskRefToSearch(result.ref)}`);
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby={`${formId}-title`} className="space-y-4">
      <h2 id={`${formId}-title`} className="text-lg font-semibold">{t('query.title')}</h2>
      <p className={`max-w-prose text-sm ${MUTED_TEXT}`}>{t('query.intro')}</p>
      {issues.length > 0 && (
        <div ref={summaryRef} role="alert" className="rounded-md border border-orange-400 bg-orange-50 p-3 text-sm text-orange-950 dark:bg-orange-950 dark:text-orange-100">
          ✕ {t('query.fixErrors', { count: issues.length })}
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {TEXT_FIELDS.map((field) => {
          const issue = issueFor(field);
          const id = `${formId}-${field}`;
          const hint = HINTS[field];
          return (
            <div key={field} className="flex flex-col gap-1">
              <label htmlFor={id} className="text-sm font-medium">
                {t(`query.${field}`)}
                {(field === 'appId' || field === 'roomId') && <span aria-hidden="true" className="text-orange-700 dark:text-orange-400"> *</span>}
              </label>
              <input
                id={id}
                name={field}
                value={values[field] ?? ''}
                onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
                aria-invalid={issue ? true : undefined}
                aria-describedby={[hint ? `${id}-hint` : '', issue ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
                autoComplete="off"
                spellCheck={false}
                maxLength={256}
                className={`rounded-md border bg-white px-3 py-2 font-mono text-sm dark:bg-slate-900 ${issue ? 'border-orange-600' : 'border-slate-300 dark:border-slate-700'}`}
              />
              {hint && <span id={`${id}-hint`} className={`text-xs ${MUTED_TEXT}`}>{t(hint)}</span>}
              {issue && <span id={`${id}-error`} className="text-sm text-orange-800 dark:text-orange-300">✕ {fieldIssueText(t, issue)}</span>}
            </div>
          );
        })}
        <div className="flex flex-col gap-1">
          <label htmlFor={`${formId}-version`} className="text-sm font-medium">{t('query.version')}</label>
          <select
            id={`${formId}-version`}
            name="version"
            value={values.version ?? DEFAULT_API_VERSION}
            onChange={(e) => setValues((v) => ({ ...v, version: e.target.value }))}
            aria-invalid={versionIssue ? true : undefined}
            aria-describedby={`${formId}-version-hint${versionIssue ? ` ${formId}-version-error` : ''}`}
            className={`rounded-md border bg-white px-3 py-2 text-sm dark:bg-slate-900 ${versionIssue ? 'border-orange-600' : 'border-slate-300 dark:border-slate-700'}`}
          >
            {badVersion !== undefined && <option value={badVersion} disabled>{t('query.unknownVersionOption', { version: badVersion.slice(0, 40) })}</option>}
            {API_VERSIONS.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
          <span id={`${formId}-version-hint`} className={`text-xs ${MUTED_TEXT}`}>{t('query.versionHint')}</span>
          {versionIssue && <span id={`${formId}-version-error`} className="text-sm text-orange-800 dark:text-orange-300">✕ {fieldIssueText(t, versionIssue)}</span>}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white">
          {t('query.submit')}
        </button>
        {action(values, setIssues)}
      </div>
    </form>
  );
}
