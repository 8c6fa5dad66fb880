import { useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiVersion } from '../../../shared/api-versions.ts';
import type { TaskDocument } from '../../../shared/task-document.ts';
import { buildTaskModel, type TaskModel } from '../../../shared/task-model.ts';
import { TimeModePicker } from '../../design-system/time-mode-picker.tsx';
import type { PageClock } from '../../lib/server-now.ts';
import { DocumentErrorPanel } from './document-error-panel.tsx';
import { DocumentHeader } from './document-header.tsx';
import { FieldIssueList } from './field-issue-list.tsx';
import { InspectorInput } from './inspector-input.tsx';
import { shownClock, shownDocument, type DocumentClock } from './inspector-state.ts';
import { DocumentClockNote } from './document-clock-note.tsx';
import { RequestRuleList } from '../../design-system/request-rule-list.tsx';
import { useInspector } from './use-inspector.ts';

/** What the inspector shows from other features; the route that composes the page passes them in. */
export interface InspectParts {
  /** Status and times, measured to `clock` (fixed: nothing on the inspector ticks). */
  summary(model: TaskModel, clock: PageClock): ReactNode;
  /** The layout, with export buttons for the document; an export made here is stamped `at`, the moment its times are measured to. */
  layout(model: TaskModel, doc: TaskDocument, at: number): ReactNode;
  /** Encode, Control and both stream lists, as the task page shows them. */
  panels(model: TaskModel, doc: TaskDocument): ReactNode;
}

/** Everything the task page shows, for a document read in the browser: no credentials, no server calls. */
function InspectedDocument({ doc, clock, versionChoice, parts }: { doc: TaskDocument; clock: DocumentClock; versionChoice: ApiVersion | undefined; parts: InspectParts }) {
  const model = useMemo(() => buildTaskModel(doc.task, doc.version), [doc]);
  return (
    <>
      <DocumentHeader doc={doc} versionChoice={versionChoice} />
      {/* A request body has no times: nothing to measure to a moment. */}
      {!doc.requestRules && <DocumentClockNote clock={clock} />}
      {doc.requestRules && <RequestRuleList rules={doc.requestRules} positions={doc.positions} />}
      <FieldIssueList issues={model.issues} positions={doc.positions} />
      {/* A request body has no status, times or stop reason: the summary would only say "not reported". */}
      {!doc.requestRules && (
        <div className="space-y-2">
          {/* The one time setting of every screen; here it is the only place that shows times. */}
          <div className="flex justify-end"><TimeModePicker /></div>
          {parts.summary(model, { fixedAt: clock.at })}
        </div>
      )}
      {parts.layout(model, doc, clock.at)}
      {parts.panels(model, doc)}
    </>
  );
}

/** /inspect: paste or drop a task, a response, a request body or a mixscope PNG. */
export function InspectPage({ parts }: { parts: InspectParts }) {
  const { t } = useTranslation();
  const { state, dispatch, readFile, tooLarge } = useInspector();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const doc = shownDocument(state);
  const clock = shownClock(state);
  const error = state.result && !state.result.ok ? state.result.error : undefined;
  const reveal = (offset: number, line: number) => {
    const el = textRef.current;
    if (!el) return;
    const at = offset + (el.value.startsWith('\uFEFF') ? 1 : 0);
    el.focus();
    el.setSelectionRange(at, Math.min(el.value.length, at + 1));
    // The text box has 20 px lines (leading-5): bring the line into view with two lines above it.
    el.scrollTop = Math.max(0, (line - 3) * 20);
  };
  return (
    <div className="space-y-4">
      <header className="max-w-4xl">
        <h1 className="text-xl font-semibold">{t('offline.title')}</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{t('offline.intro')}</p>
      </header>
      <InspectorInput state={state} dispatch={dispatch} onFile={(file) => void readFile(file)} tooLarge={tooLarge} textRef={textRef} />
      {error && <DocumentErrorPanel error={error} keptPrevious={doc !== undefined} onReveal={state.readFromText ? reveal : undefined} />}
      {doc && clock && <InspectedDocument doc={doc} clock={clock} versionChoice={state.versionChoice} parts={parts} />}
    </div>
  );
}
