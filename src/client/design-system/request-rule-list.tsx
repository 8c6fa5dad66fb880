import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isRejected, type RequestRule, type RuleEffect } from '../../shared/request-rules.ts';
import { nearestPosition, type TextPosition } from '../../shared/task-document-position.ts';
import { Section } from './section.tsx';
import { MUTED_TEXT } from './surface.ts';

/** Words a rule's params carry from the shared checks, in the current language. */
export function localRuleParams(params: Readonly<Record<string, string | number>>, t: TFunction): Record<string, string | number> {
  const out = { ...params };
  if (out.default === 'adaptive') out.default = t('offline.rules.adaptive');
  if (out.value === 'nothing') out.value = t('offline.rules.nothing');
  return out;
}

const EFFECT: Record<RuleEffect, { glyph: string; classes: string }> = {
  rejected: { glyph: '✕', classes: 'border-orange-500 bg-orange-50 dark:bg-orange-950' },
  reset: { glyph: '↺', classes: 'border-amber-400 bg-amber-50 dark:bg-amber-950' },
  ignored: { glyph: '⊘', classes: 'border-slate-400 bg-slate-50 dark:border-slate-500 dark:bg-slate-800' },
  advice: { glyph: 'ℹ', classes: 'border-sky-400 bg-sky-50 dark:border-sky-600 dark:bg-sky-950' },
};

/** A rule's message in the current language. */
export function ruleMessage(rule: RequestRule, t: TFunction): string {
  return t(`offline.rules.rule.${rule.code}.message`, { ...localRuleParams(rule.params, t), defaultValue: rule.message });
}

/**
 * Each documented rule a Start/Update body breaks: what Volcengine does, where, and the fix. Shared
 * by the offline inspector (a pasted body) and the layout editor (the body it writes); the strings
 * are the `offline` namespace's, which both load.
 */
export function RequestRuleList({ rules, positions }: { rules: readonly RequestRule[]; positions: ReadonlyMap<string, TextPosition> }) {
  const { t } = useTranslation();
  const titleId = useId();
  const rejected = isRejected(rules);
  return (
    <Section aria-labelledby={titleId}>
      <h2 id={titleId} className="font-semibold">{t('offline.rules.title')} ({rules.length})</h2>
      {rules.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">✓ {t('offline.rules.none')}</p>
      ) : (
        <>
          <p className={`mt-1 text-sm font-medium ${rejected ? 'text-orange-900 dark:text-orange-200' : 'text-slate-700 dark:text-slate-300'}`}>
            {rejected ? `✕ ${t('offline.rules.verdictRejected')}` : t('offline.rules.verdictAccepted')}
          </p>
          <ul data-testid="request-rules" className="mt-2 space-y-2">
            {rules.map((r) => {
              const e = EFFECT[r.effect];
              const at = nearestPosition(positions, r.path);
              const params = localRuleParams(r.params, t);
              return (
                <li key={r.id} data-code={r.code} data-effect={r.effect} className={`rounded-md border-l-4 p-2 text-sm ${e.classes}`}>
                  <p className="flex flex-wrap items-baseline gap-x-2 text-xs">
                    <span className="font-semibold uppercase tracking-wide"><span aria-hidden="true">{e.glyph} </span>{t(`offline.rules.effect.${r.effect}`)}</span>
                    <code className="break-all">{r.path || t('offline.rules.wholeBody')}</code>
                    {at && <span className={MUTED_TEXT}>{t('offline.rules.line', { line: at.line })}</span>}
                  </p>
                  <p className="mt-0.5">{ruleMessage(r, t)}</p>
                  <p className="mt-0.5 text-slate-700 dark:text-slate-300">→ {t(`offline.rules.rule.${r.code}.fix`, { ...params, defaultValue: r.fix })}</p>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Section>
  );
}
