import type { TFunction } from 'i18next';
import type { NormalisedRegion, StreamEntry } from '../../../shared/layout-model.ts';
import { regionName, streamName } from '../../../shared/layout-warning-text.ts';
import type { LayoutWarning } from '../../../shared/layout-warnings.ts';
import type { ComparisonWarning } from '../../../shared/output-compare-codes.ts';
import { EXPECTED_KINDS, type ExpectedKind } from '../../../shared/parse-task.ts';
import { checkSourceCrop } from '../../../shared/source-frame.ts';
import { listNamesIn, nameFill } from '../../i18n/name-messages.ts';
import { parseIssueText } from '../../i18n/parse-issue-messages.ts';
import { fmt } from './region-fields.ts';

export interface WarningContext {
  regions: ReadonlyMap<string, NormalisedRegion>;
  targets: readonly StreamEntry[];
  /** The LayoutMode's name in the current language. */
  modeName: (mode: number) => string;
}

const isExpected = (v: unknown): v is ExpectedKind => (EXPECTED_KINDS as readonly unknown[]).includes(v);

/**
 * A warning's params with the words in them (names of regions and streams, the layout mode, the
 * parser's and the crop's details) rebuilt in the current language from the same data the
 * shared check used. Numbers stay as they are; the i18next templates format them.
 */
export function localWarningParams(w: LayoutWarning | ComparisonWarning, t: TFunction, locale: string, ctx: WarningContext): Record<string, string | number> {
  const names = nameFill(t);
  const p: Record<string, string | number> = { ...w.params };
  const region = (id: string | undefined) => {
    const r = id === undefined ? undefined : ctx.regions.get(id);
    return r ? regionName(r, names) : (id ?? '');
  };
  if ('region' in p && w.regionIds[0] !== undefined) p.region = region(w.regionIds[0]);
  if ('other' in p && w.regionIds[1] !== undefined) p.other = region(w.regionIds[1]);
  if ('above' in p) p.above = listNamesIn(t, locale, w.regionIds.slice(1).map(region));
  if ('modeName' in p && typeof p.mode === 'number') p.modeName = ctx.modeName(p.mode);
  if (w.code === 'targetWithoutRegion') {
    const target = ctx.targets[Number(/:targets\[(\d+)\]$/.exec(w.id)?.[1] ?? -1)];
    if (target) p.stream = streamName(target, names);
  }
  if (w.code === 'duplicateTargetIndex') {
    p.streams = listNamesIn(t, locale, ctx.targets.filter((s) => s.index === p.index).map((s) => streamName(s, names)));
  }
  const expected = p.expected;
  if (w.code === 'parseIssue' && isExpected(expected)) {
    p.detail = parseIssueText(t, { path: String(p.path), expected, got: String(p.got ?? ''), message: String(p.detail ?? '') });
  }
  if (w.code === 'sourceStretched' && (p.direction === 'wide' || p.direction === 'tall')) p.direction = t(`inspector.source.stretched_${p.direction}`);
  if (w.code === 'cropOutsideFrame') {
    const r = ctx.regions.get(w.regionIds[0] ?? '');
    if (r) {
      const c = r.sourceCrop;
      const crop = checkSourceCrop({ x: c.x.value, y: c.y.value, width: c.width.value, height: c.height.value });
      const details = crop.problems
        .filter((q) => !(q.problem === 'outOfRange' && !q.field.startsWith('Location') && q.value <= 0))
        .map((q) => t(q.problem === 'overflow' ? 'inspector.source.cropOverflow' : 'inspector.source.cropReset', { field: q.field, value: fmt(q.value), used: fmt(q.used) }));
      if (details.length > 0) p.details = details.map((d) => d.replace(/[.。]$/, '')).join(t('inspector.warningDetailSeparator'));
    }
  }
  return p;
}
