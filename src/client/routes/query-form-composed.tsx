import type { FieldIssue, TaskRefInput } from '../../shared/task-ref.ts';
import { QueryForm, type QueryFormAction } from '../features/query/query-form.tsx';
import { WatchFormButton } from '../features/watch/watch-form-button.tsx';

export const watchFormAction: QueryFormAction = (values, onInvalid) => <WatchFormButton values={values} onInvalid={onInvalid} />;

/** The query form with its Watch button. */
export function ComposedQueryForm(props: { initial?: TaskRefInput; initialIssues?: FieldIssue[] }) {
  return <QueryForm {...props} action={watchFormAction} />;
}
