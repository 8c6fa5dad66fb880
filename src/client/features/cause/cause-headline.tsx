import { useTranslation } from 'react-i18next';
import { explainTask } from '../../../shared/task-cause.ts';
import type { TaskModel } from '../../../shared/task-model.ts';
import { causeText, SEVERITY_GLYPH } from './cause-text.ts';

/** The task's cause in one line, with its severity glyph (the presentation view's header). */
export function CauseHeadline({ model }: { model: TaskModel }) {
  const { t } = useTranslation();
  const cause = explainTask(model);
  return <><span aria-hidden="true">{SEVERITY_GLYPH[cause.severity]} </span>{causeText(t, cause).headline}</>;
}
