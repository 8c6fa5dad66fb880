import { fieldSource } from '../../shared/task-document.ts';
import { ExportButtons } from '../features/export/export-buttons.tsx';
import { InspectPage, type InspectParts } from '../features/inspect/inspect-page.tsx';
import { editIds } from '../features/layout/editor/edit-source.ts';
import { LayoutSection } from '../features/layout/layout-section.tsx';
import { ConfigPanelsLazy } from '../features/task/lazy-sections.tsx';
import { TaskSummary } from '../features/task/task-summary.tsx';

const parts: InspectParts = {
  summary: (model, clock) => <TaskSummary view={{ model }} clock={clock} />,
  layout: (model, doc, at) => (
    <LayoutSection
      model={model}
      edit={{ task: doc.task, version: doc.version, ids: editIds(doc.ref, doc.task), origin: 'document' }}
      actions={(api) => <ExportButtons getStage={api.getStage} document={{ version: doc.version, ref: doc.ref, task: doc.task, now: () => at }} />}
    />
  ),
  // The task page's own panels, loaded on demand as there.
  panels: (model, doc) => <ConfigPanelsLazy model={model} source={fieldSource(doc)} />,
};

/** /inspect: the offline inspector with the task summary, the layout and its export buttons, and the Encode and Control panels. */
export function ComposedInspectPage() {
  return <InspectPage parts={parts} />;
}
