import { useTranslation } from 'react-i18next';
import { pushStateNeverCame } from '../../shared/task-summary-facts.ts';
import type { TaskModel } from '../../shared/task-model.ts';
import type { DescribedEnum } from '../../shared/volc-enums.ts';
import { useEnumLabel } from './use-enum-label.ts';

/**
 * The push state in words, as every screen says it: "Never reported" for an ended task whose push
 * state never came, rather than "not available yet" (the task page and the fleet's rows alike).
 */
export function usePushStateLabel(): (facts: Pick<TaskModel, 'status' | 'endTime' | 'pushStreamState'>) => DescribedEnum {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  return (facts) => {
    const reported = enumLabel('pushState', facts.pushStreamState);
    // Not the "…" of a state still to come: this one never will.
    return pushStateNeverCame(facts) ? { ...reported, label: t('task.pushStateNever'), glyph: '∅' } : reported;
  };
}
