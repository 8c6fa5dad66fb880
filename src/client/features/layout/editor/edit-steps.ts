import type { EditOp } from '../../../../shared/layout-edit/edit-ops.ts';
import { isIndex, rawStreams } from '../../../../shared/layout-edit/task-lists.ts';
import { isObj } from '../../../../shared/layout-edit/task-paths.ts';
import type { NormalisedRegion, StreamEntry } from '../../../../shared/layout-model.ts';
import type { EditStep } from './use-layout-edit.ts';

/**
 * What one action of the editor's lists does to the document, as edits of the shared core that
 * make one undo step. In a custom layout Volcengine refuses a TargetStreams entry without a region
 * and a region whose StreamIndex no entry has, so a user comes and goes with their region.
 */

/** The Index of the stream listed last: the one an addStream just added. */
export function lastStreamIndex(doc: unknown): number | undefined {
  const last = isObj(doc) ? rawStreams(doc).at(-1) : undefined;
  return isObj(last) && isIndex(last['Index']) ? last['Index'] : undefined;
}

/** A user's stream, and in a custom layout the region that shows it. */
export function addUserSteps(userId: string, streamType: number, custom: boolean): EditStep[] {
  const stream: EditOp = { kind: 'addStream', userId, streamType };
  if (!custom) return [stream];
  return [stream, (doc) => {
    const streamIndex = lastStreamIndex(doc);
    return streamIndex === undefined ? { kind: 'addRegion' } : { kind: 'addRegion', streamIndex };
  }];
}

/** A user's stream, and in a custom layout the regions that show it (last first, so the indexes hold). */
export function removeUserSteps(targets: readonly StreamEntry[], regions: readonly NormalisedRegion[], listIndex: number, custom: boolean): EditOp[] {
  const index = targets[listIndex]?.index;
  const shown = custom && index !== undefined ? regions.filter((r) => r.streamIndex === index).map((r) => r.arrayIndex) : [];
  return [
    ...shown.sort((a, b) => b - a).map((regionIndex): EditOp => ({ kind: 'removeRegion', regionIndex })),
    { kind: 'removeStream', listIndex },
  ];
}
