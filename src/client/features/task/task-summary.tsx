import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isMaskedPushUrl, maskPushUrl } from '../../../shared/push-url.ts';
import { stopReasonFact } from '../../../shared/task-summary-facts.ts';
import { useEnumLabel } from '../../i18n/use-enum-label.ts';
import { usePushStateLabel } from '../../i18n/use-push-state-label.ts';
import { parseIssueText } from '../../i18n/parse-issue-messages.ts';
import { StatusBadge } from '../../design-system/status-badge.tsx';
import { formatDuration } from '../../lib/time-format.ts';
import { formatInstant, useTimeMode } from '../../lib/time-setting.ts';
import { usePageClock, type PageClock } from '../../lib/server-now.ts';
import type { TaskView } from './task-queries.ts';
import { Section } from '../../design-system/section.tsx';
import { MUTED_TEXT } from '../../design-system/surface.ts';

const QUERY_WINDOW_MS = 72 * 3_600_000;

function Item({ label, children, testId, wide }: { label: string; children: ReactNode; testId?: string; wide?: boolean }) {
  return (
    <div className={`min-w-0 ${wide ? 'col-span-2 xl:col-span-1' : ''}`}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-sm" data-testid={testId}>{children}</dd>
    </div>
  );
}

type Reveal = { state: 'hidden' } | { state: 'asking' } | { state: 'shown'; url: string } | { state: 'failed'; reason: string };

/**
 * The push URL masked, with Reveal. The task page's URL comes masked from the server, so Reveal
 * asks the server for it on purpose (`fullPushUrl`); a document pasted on /inspect reveals what
 * was pasted, unless it was masked before it got there.
 */
function PushUrl({ url, fullPushUrl }: { url: string; fullPushUrl: (() => Promise<string | null>) | undefined }) {
  const { t } = useTranslation();
  const [reveal, setReveal] = useState<Reveal>({ state: 'hidden' });
  const unavailable = fullPushUrl === undefined && isMaskedPushUrl(url);
  const show = async () => {
    if (!fullPushUrl) return setReveal({ state: 'shown', url });
    setReveal({ state: 'asking' });
    try {
      const full = await fullPushUrl();
      setReveal(full === null ? { state: 'failed', reason: t('task.revealNone') } : { state: 'shown', url: full });
    } catch (e) {
      setReveal({ state: 'failed', reason: e instanceof Error ? e.message : String(e) });
    }
  };
  const shown = reveal.state === 'shown';
  return (
    <span className="flex flex-wrap items-start gap-x-2">
      <code data-testid="push-url" className="break-all">{shown ? reveal.url : maskPushUrl(url)}</code>
      {unavailable ? (
        <span className={`text-xs ${MUTED_TEXT}`}>{t('task.keyMaskedBefore')}</span>
      ) : (
        <button
          type="button" disabled={reveal.state === 'asking'} aria-pressed={shown}
          onClick={() => (shown ? setReveal({ state: 'hidden' }) : void show())}
          className="text-xs text-sky-700 underline disabled:opacity-50 dark:text-sky-300"
        >
          {shown ? t('task.hide') : t('task.reveal')}
        </button>
      )}
      {reveal.state === 'failed' && <span role="alert" className="text-xs text-orange-900 dark:text-orange-200">✕ {t('task.revealFailed', { reason: reveal.reason })}</span>}
    </span>
  );
}

/** Status, push state, stop reason, times, the 72-hour window and the masked push URL. */
export function TaskSummary({ view, fullPushUrl, clock }: { view: Pick<TaskView, 'model'>; fullPushUrl?: () => Promise<string | null>; clock?: PageClock }) {
  const { t, i18n } = useTranslation();
  const enumLabel = useEnumLabel();
  const pushLabel = usePushStateLabel();
  // Durations against the server's clock (task time), as the timeline does: one clock per page;
  // a snapshot's fixed moment offline (/inspect).
  const now = usePageClock(clock);
  const [timeMode] = useTimeMode();
  const { model } = view;
  const locale = i18n.language;
  const status = enumLabel('taskStatus', model.status);
  const push = pushLabel(model);
  const stop = stopReasonFact(model);
  const queryableUntil = model.startTime !== undefined ? model.startTime + QUERY_WINDOW_MS : undefined;
  return (
    <Section aria-label={t('task.identity')}>
      {/* Wide screens: one row, the two badges as wide as their words, the push URL twice a time's width. */}
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4 xl:grid-cols-[auto_auto_repeat(5,minmax(0,1fr))_minmax(0,2fr)]">
        <Item label={t('task.status')}><StatusBadge value={status} label={status.label} testId="task-status" /></Item>
        <Item label={t('task.pushState')}><StatusBadge value={push} label={push.label} testId="push-state" /></Item>
        <Item label={t('task.stopReason')} testId="stop-reason">
          {stop.kind === 'reason'
            ? <span className="font-mono wrap-anywhere">{stop.reason}</span>
            : <span className={MUTED_TEXT}>{t({ running: 'task.notStopped', 'ended-without-reason': 'task.noStopReason', 'not-reported': 'task.notReported' }[stop.kind])}</span>}
        </Item>
        <Item label={t('task.start')} testId="start-time">
          {model.startTime !== undefined ? formatInstant(model.startTime, timeMode, locale, now) : t('task.notReported')}
        </Item>
        <Item label={t('task.end')} testId="end-time">
          {model.endTime !== undefined ? formatInstant(model.endTime, timeMode, locale, now) : '—'}
        </Item>
        <Item label={model.endTime === undefined ? t('task.liveDuration') : t('task.duration')} testId="duration">
          {model.startTime !== undefined ? formatDuration((model.endTime ?? now) - model.startTime, locale) : '—'}
        </Item>
        <Item label={t('task.queryableUntil')}>
          {queryableUntil !== undefined ? (
            <span title={t('task.queryableHelp')}>
              {formatInstant(queryableUntil, timeMode, locale, now)}
              {queryableUntil < now && <> · {t('task.noLongerQueryable')}</>}
            </span>
          ) : '—'}
        </Item>
        <Item label={t('task.pushUrl')} wide>
          {model.pushUrl ? <PushUrl url={model.pushUrl} fullPushUrl={fullPushUrl} /> : '—'}
        </Item>
      </dl>
      {model.issues.length > 0 && (
        <details className="mt-3 text-sm text-amber-900 dark:text-amber-200">
          <summary>⚠ {t('task.parseIssues', { count: model.issues.length })}</summary>
          <ul className="mt-1 list-disc pl-5 font-mono text-xs">
            {model.issues.map((i) => <li key={i.path}>{i.path}: {parseIssueText(t, i)}</li>)}
          </ul>
        </details>
      )}
    </Section>
  );
}
