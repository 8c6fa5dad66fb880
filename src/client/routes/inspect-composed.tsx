import { ExportButtons } from '../features/export/export-buttons.tsx';
import { InspectPage, type InspectParts } from '../features/inspect/inspect-page.tsx';
import { LayoutSection } from '../features/layout/layout-section.tsx';
import { TaskSummary } from '../features/task/task-summary.tsx';

const parts: InspectParts = {
  summary: (model) => <TaskSummary view={{ model }} />,
  layout: (model, doc) => (
    <LayoutSection model={model} actions={(api) => <ExportButtons getStage={api.getStage} document={{ version: doc.version, ref: doc.ref, task: doc.task }} />} />
  ),
};

/** /inspect: the offline inspector with the task summary, the layout and its export buttons. */
export function ComposedInspectPage() {
  return <InspectPage parts={parts} />;
}
