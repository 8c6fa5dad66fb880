import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayoutWarning } from '../../../shared/layout-warnings.ts';
import type { ComparisonWarning } from '../../../shared/output-compare-codes.ts';
import type { NormalisedRegion, StreamEntry } from '../../../shared/layout-model.ts';
import { useEnumLabel } from '../../i18n/use-enum-label.ts';
import { regionLabel } from './draw-boxes.ts';
import { localWarningParams } from './warning-params.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

const SEVERITY: Record<LayoutWarning['severity'], { glyph: string; classes: string }> = {
  error: { glyph: '✕', classes: 'border-orange-500 bg-orange-50 dark:bg-orange-950/60' },
  warning: { glyph: '⚠', classes: 'border-amber-400 bg-amber-50 dark:bg-amber-950/60' },
  info: { glyph: 'ℹ', classes: 'border-slate-300 bg-slate-50 dark:border-slate-600 dark:bg-slate-800' },
};

/** A layout warning, or a difference between declared and applied worded the same way. */
export type ShownWarning = LayoutWarning | ComparisonWarning;

interface ItemProps {
  warning: ShownWarning;
  regions: ReadonlyMap<string, NormalisedRegion>;
  /** TargetStreams, to name the streams a warning is about. */
  targets: readonly StreamEntry[];
  onSelect?: (id: string) => void;
  onHover?: (id: string | undefined) => void;
}

/** One warning: severity as glyph and words, what is wrong, the fix, and the regions it is about. */
export function WarningItem({ warning: w, regions, targets, onSelect, onHover }: ItemProps) {
  const { t, i18n } = useTranslation();
  const enumLabel = useEnumLabel();
  const s = SEVERITY[w.severity];
  const params = localWarningParams(w, t, i18n.language, { regions, targets, modeName: (mode) => enumLabel('layoutMode', mode).label });
  return (
    <li data-code={w.code} data-severity={w.severity} className={`rounded-md border-l-4 p-2 text-sm ${s.classes}`}>
      <p>
        <span aria-hidden="true">{s.glyph} </span>
        <span className="sr-only">{t(`inspector.severity.${w.severity}`)}: </span>
        {t(`warning.${w.code}.message`, { ...params, defaultValue: w.message })}
      </p>
      <p className="mt-0.5 text-slate-700 dark:text-slate-300">→ {t(`warning.${w.code}.fix`, { ...params, defaultValue: w.fix })}</p>
      {onSelect && w.regionIds.length > 0 && (
        <p className="mt-1 flex flex-wrap gap-x-2">
          {w.regionIds.map((id) => {
            const region = regions.get(id);
            return (
              <button
                key={id}
                type="button"
                onClick={() => onSelect(id)}
                onMouseEnter={() => onHover?.(id)}
                onMouseLeave={() => onHover?.(undefined)}
                onFocus={() => onHover?.(id)}
                onBlur={() => onHover?.(undefined)}
                className="font-mono text-xs text-sky-800 underline dark:text-sky-300"
              >
                {region ? regionLabel(region) : id}
              </button>
            );
          })}
        </p>
      )}
    </li>
  );
}

interface ListProps {
  warnings: readonly ShownWarning[];
  regions: ReadonlyMap<string, NormalisedRegion>;
  targets: readonly StreamEntry[];
  onSelect: (id: string) => void;
  onHover: (id: string | undefined) => void;
  /** Another list in the same style (declared vs applied): its heading, its all-clear and its test id. */
  title?: string;
  empty?: string;
  testId?: string;
}

const SEVERITIES = ['error', 'warning', 'info'] as const;
/** Past this many items the list is grouped by severity, each group folding on its own. */
export const GROUP_FROM = 6;

/**
 * Layout warnings in plain words with a fix, each linked to the regions it is about. Every item is
 * on the page (no inner scroll box); a long list is grouped by severity, notes folded.
 */
export const WarningList = memo(function WarningList({ warnings, regions, targets, onSelect, onHover, title, empty, testId = 'warning-list' }: ListProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const items = (list: readonly ShownWarning[]) =>
    list.map((w) => <WarningItem key={w.id} warning={w} regions={regions} targets={targets} onSelect={onSelect} onHover={onHover} />);
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId} className="mb-2 font-semibold">{title ?? `${t('task.warnings')} (${warnings.length})`}</h3>
      {warnings.length === 0 ? (
        <p className={`text-sm ${MUTED_TEXT}`}>✓ {empty ?? t('task.noWarnings')}</p>
      ) : warnings.length > GROUP_FROM ? (
        <div data-testid={testId} className="space-y-2">
          {SEVERITIES.map((severity) => {
            const list = warnings.filter((w) => w.severity === severity);
            if (list.length === 0) return null;
            return (
              <details key={severity} data-severity-group={severity} open={severity !== 'info'}>
                <summary className="cursor-pointer rounded-md py-1 text-sm font-medium">
                  <span aria-hidden="true">{SEVERITY[severity].glyph} </span>{t(`inspector.severityGroup.${severity}`, { count: list.length })}
                </summary>
                <ul className="mt-1 space-y-2">{items(list)}</ul>
              </details>
            );
          })}
        </div>
      ) : (
        <ul data-testid={testId} className="space-y-2">{items(warnings)}</ul>
      )}
    </section>
  );
});
