import { diffPayloads, type FieldChange } from '../payload-diff.ts';

export type { FieldChange };

/** What the edited copy changes against the original, field by field (the timeline's own diff). */
export function editDiff(original: unknown, edited: unknown): FieldChange[] {
  return diffPayloads(original, edited);
}
