import type { NormalisedRegion } from './layout-model.ts';
import { listNames, regionName, streamName } from './layout-warning-text.ts';
import type { WarningDraft } from './layout-warnings.ts';
import type { TaskModel } from './task-model.ts';

/** Documented maxima (StartPushMixedStreamToCDN 2023-11-01): more returns InvalidParameter. */
export const MAX_STREAMS_CUSTOM = 30;
export const MAX_STREAMS_OTHER = 17;

const CUSTOM = 2;
const SCREEN = 1;

function groupBy<T>(items: T[], key: (item: T) => number | undefined): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** Regions ↔ TargetStreams: Volcengine requires them one-to-one by Index in a custom layout. */
function mappingChecks(model: TaskModel): WarningDraft[] {
  const { regions } = model.layout;
  const out: WarningDraft[] = [];
  const emptyNote = model.targets.length === 0 ? 'TargetStreams is empty, so' : 'no TargetStreams entry has that Index, so';
  for (const region of regions) {
    if (region.streamIndex === undefined || region.stream !== undefined) continue;
    out.push({
      code: 'streamIndexUnmatched', subject: region.id, regionIds: [region.id],
      params: { region: regionName(region), streamIndex: region.streamIndex },
      message: `The region with StreamIndex ${region.streamIndex} matches no stream: ${emptyNote} nothing is drawn there. Volcengine rejects regions that do not map one-to-one to TargetStreams with InvalidParameter.`,
      fix: `Add a TargetStreams entry with Index ${region.streamIndex}, or set StreamIndex to the Index of the stream meant to appear here.`,
    });
  }
  const used = new Set(regions.map((r) => r.streamIndex));
  model.targets.forEach((target, i) => {
    if (target.index !== undefined && used.has(target.index)) return;
    const params = { stream: streamName(target), index: target.index ?? '' };
    out.push(target.index === undefined
      ? {
          code: 'targetWithoutRegion', subject: `targets[${i}]`, regionIds: [], params,
          message: `The target stream ${streamName(target)} has no Index, so no region of the custom layout can show it.`,
          fix: 'Give it an Index and add a region with that StreamIndex, or remove it from TargetStreams.',
        }
      : {
          code: 'targetWithoutRegion', subject: `targets[${i}]`, regionIds: [], params,
          message: `The target stream ${streamName(target)} (Index ${target.index}) has no region in the custom layout, so its picture is not in the mix; Volcengine expects regions and TargetStreams one-to-one.`,
          fix: `Add a region with StreamIndex ${target.index}, or remove the stream from TargetStreams.`,
        });
  });
  for (const [index, group] of groupBy(model.targets, (t) => t.index)) {
    if (group.length < 2) continue;
    const users = listNames(group.map((s) => streamName(s)));
    out.push({
      code: 'duplicateTargetIndex', subject: `Index=${index}`,
      regionIds: regions.filter((r) => r.streamIndex === index).map((r) => r.id),
      params: { index, count: group.length, streams: users },
      message: `${group.length} TargetStreams entries share Index ${index} (${users}). Index must be unique, so a region with StreamIndex ${index} cannot tell them apart; mixscope shows the first.`,
      fix: 'Give each stream in TargetStreams its own Index.',
    });
  }
  for (const [index, group] of groupBy<NormalisedRegion>(regions, (r) => r.streamIndex)) {
    if (group.length < 2) continue;
    out.push({
      code: 'duplicateStreamIndex', subject: `StreamIndex=${index}`, regionIds: group.map((r) => r.id),
      params: { streamIndex: index, count: group.length, region: regionName(group[0]!) },
      message: `${group.length} regions use StreamIndex ${index} (${regionName(group[0]!)}). Regions must map one-to-one to TargetStreams, so Volcengine rejects this layout with InvalidParameter.`,
      fix: `Keep one region with StreamIndex ${index} and point the others at different streams.`,
    });
  }
  if (regions.length > MAX_STREAMS_CUSTOM) {
    out.push({
      code: 'tooManyRegions', regionIds: [], params: { count: regions.length, max: MAX_STREAMS_CUSTOM },
      message: `The custom layout has ${regions.length} regions; Volcengine documents at most ${MAX_STREAMS_CUSTOM} and rejects more with InvalidParameter.`,
      fix: `Remove regions until there are at most ${MAX_STREAMS_CUSTOM}.`,
    });
  }
  return out;
}

/** Same user and stream type in both lists: the docs do not say which list wins. */
function conflictChecks(model: TaskModel): WarningDraft[] {
  const out: WarningDraft[] = [];
  model.targets.forEach((target, i) => {
    if (target.userId === undefined) return;
    const clash = model.excludes.some((e) => e.userId === target.userId && e.streamType.value === target.streamType.value);
    if (!clash) return;
    const kind = target.streamType.value === SCREEN ? 'screen stream' : 'camera stream';
    out.push({
      code: 'targetedAndExcluded', subject: `targets[${i}]`,
      regionIds: target.index === undefined ? [] : model.layout.regions.filter((r) => r.streamIndex === target.index).map((r) => r.id),
      params: { user: target.userId, streamType: target.streamType.value },
      message: `The ${kind} of "${target.userId}" is both in TargetStreams and in ExcludeStreams. The docs do not say which list wins, so it may be missing from the mix.`,
      fix: 'Remove it from ExcludeStreams to mix it, or from TargetStreams to leave it out.',
    });
  });
  return out;
}

export function streamWarnings(model: TaskModel): WarningDraft[] {
  const custom = model.layout.mode.value === CUSTOM;
  const max = custom ? MAX_STREAMS_CUSTOM : MAX_STREAMS_OTHER;
  const out: WarningDraft[] = [...(custom ? mappingChecks(model) : []), ...conflictChecks(model)];
  if (model.targets.length > max) {
    out.push({
      code: 'tooManyStreams', regionIds: [], params: { count: model.targets.length, max },
      message: `TargetStreams lists ${model.targets.length} streams; Volcengine documents at most ${max} in ${custom ? 'a custom layout' : 'this layout mode'} and rejects more with InvalidParameter.`,
      fix: `List at most ${max} streams${custom ? '' : ', or use a custom layout (up to 30)'}.`,
    });
  }
  if (model.targets.length === 0) {
    out.push({
      code: 'targetsEmpty', regionIds: [], params: {},
      message: 'TargetStreams is empty, which means every stream in the room is mixed.',
      fix: 'Nothing to fix if that is intended; list streams in TargetStreams to mix only some of them.',
    });
  }
  return out;
}
