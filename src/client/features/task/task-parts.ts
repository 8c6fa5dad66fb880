import type { ReactNode } from 'react';
import type { TaskResponse } from '../../../shared/mixscope-api.ts';
import type { TaskModel } from '../../../shared/task-model.ts';
import type { AnswerClock } from '../../lib/server-now.ts';
import type { FieldIssue, TaskRef, TaskRefInput } from '../../../shared/task-ref.ts';

/**
 * The sections of the task page that other features draw. The route that composes the page
 * passes them in (features never import each other); the task page decides where they go.
 */
export interface TaskPageParts {
  /** Beside Refresh once the task is in (presenting it). */
  headerAction(taskRef: TaskRef, model: TaskModel): ReactNode;
  cause(model: TaskModel): ReactNode;
  timeline(taskRef: TaskRef, model: TaskModel): ReactNode;
  /**
   * The layout, with what exports the task as Volcengine sent it (the full PushURL only on demand),
   * stamped on the page's clock, the server's, that its times are measured to.
   */
  layout(model: TaskModel, response: TaskResponse, fullPushUrl: () => Promise<string | null>, clock: AnswerClock): ReactNode;
  /** The query form a broken link falls back to. */
  queryForm(props: { initial: TaskRefInput; initialIssues: FieldIssue[] }): ReactNode;
}
