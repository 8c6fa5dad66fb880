import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NormalisedRegion, StreamEntry } from '../../../../shared/layout-model.ts';
import type { OutputResponse } from '../../../../shared/output-api.ts';
import type { TaskModel } from '../../../../shared/task-model.ts';
import type { TaskRef } from '../../../../shared/task-ref.ts';
import { configQueries } from '../../../lib/config-queries.ts';
import { formatDateTime } from '../../../lib/time-format.ts';
import { MUTED_TEXT } from '../../../design-system/surface.ts';
import { WarningList } from '../warning-list.tsx';
import { OutputFacts } from './output-facts.tsx';
import { outputFailureReason, outputQuery, typedPullUrl } from './output-query.ts';

export interface OutputPanelProps {
  taskRef: TaskRef;
  model: TaskModel;
  regions: ReadonlyMap<string, NormalisedRegion>;
  targets: readonly StreamEntry[];
  onSelect: (id: string) => void;
  onHover: (id: string | undefined) => void;
  /** The latest applied layout read, for the canvas overlay and the player. */
  onOutput: (output: OutputResponse | undefined) => void;
  showApplied: boolean;
  onShowApplied: (on: boolean) => void;
  /** The pull URL a person typed and compared with (undefined: the server's rule), for the player. */
  onPullUrl: (url: string | undefined) => void;
}

const BUTTON = 'rounded-md border border-sky-700 bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60 dark:border-sky-500 dark:bg-sky-700 dark:hover:bg-sky-800';
const PULL_RULE_EXAMPLE = 'push.example.com=https://pull.example.com/{app}/{stream}.flv';

/**
 * "Compare with the output": the server reads the task's output, and the applied layout, the
 * stream's facts and every difference come back beside the declared layout, which stays as it is.
 */
export function OutputPanel(props: OutputPanelProps) {
  const { taskRef, model, onOutput } = props;
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const config = useQuery(configQueries.server());
  const [typed, setTyped] = useState('');
  const [typedInvalid, setTypedInvalid] = useState(false);
  // Each press of Compare: the URL it used, and a count so the same URL can be read again.
  const [asked, setAsked] = useState<{ url: string | undefined; n: number }>({ url: undefined, n: 0 });
  const query = useQuery(outputQuery(taskRef, asked.url));
  const { data, error, isFetching } = query;
  const { refetch } = query;
  const { onPullUrl } = props;
  useEffect(() => onOutput(data), [data, onOutput]);
  useEffect(() => {
    if (asked.n === 0) return;
    onPullUrl(asked.url);
    void refetch();
  }, [asked, refetch, onPullUrl]);
  const compare = () => {
    const parsed = typedPullUrl(typed);
    setTypedInvalid(!parsed.ok);
    if (parsed.ok) setAsked((a) => ({ url: parsed.url, n: a.n + 1 }));
  };
  const pullUrlId = useId();
  const reason = error ? outputFailureReason(error) : undefined;
  const canPull = config.data?.outputPull;
  return (
    <section aria-labelledby={titleId} data-testid="output-panel" className="space-y-3">
      <div>
        <h3 id={titleId} className="font-semibold">{t('output.title')}</h3>
        <p className={`text-sm ${MUTED_TEXT}`}>{t('output.intro')}</p>
      </div>
      {canPull === false && (
        <p data-testid="output-not-configured" className="wrap-anywhere rounded-md border-l-4 border-slate-300 bg-slate-50 p-2 text-sm dark:border-slate-600 dark:bg-slate-800">
          ℹ {t('output.notConfigured', { example: PULL_RULE_EXAMPLE })}
        </p>
      )}
      {canPull && (
        <form noValidate className="space-y-2" onSubmit={(e) => { e.preventDefault(); compare(); }}>
          <div className="space-y-1 text-sm">
            <label htmlFor={pullUrlId} className="font-medium">{t('output.pullUrlLabel')}</label>
            <input
              id={pullUrlId} type="url" inputMode="url" autoComplete="off" spellCheck={false} value={typed}
              onChange={(e) => { setTyped(e.target.value); setTypedInvalid(false); }}
              aria-invalid={typedInvalid} aria-describedby={`${pullUrlId}-hint`} data-testid="output-pull-url"
              placeholder="https://pull.example.com/live/stream.flv"
              className="block w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
            />
            <p id={`${pullUrlId}-hint`} className={typedInvalid ? 'text-red-700 dark:text-red-300' : MUTED_TEXT} data-testid={typedInvalid ? 'output-pull-url-invalid' : undefined}>
              {typedInvalid ? t('output.pullUrlInvalid') : t('output.pullUrlHint')}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <button type="submit" className={BUTTON} disabled={isFetching}>
              {data || error ? t('output.again') : t('output.compare')}
            </button>
            {isFetching && <span role="status" className={`text-sm ${MUTED_TEXT}`}>{t('output.reading')}</span>}
          </div>
        </form>
      )}
      {error && !isFetching && (
        <div role="alert" data-testid="output-failure" data-reason={reason ?? ''} className="rounded-md border-l-4 border-orange-500 bg-orange-50 p-2 text-sm dark:bg-orange-950/60">
          <p className="font-medium">✕ {t('output.failed')}: {reason ? t(`output.reason.${reason}`) : error.message}</p>
          {reason && <p className="mt-0.5 break-words">{error.message}</p>}
          <p className={`mt-0.5 ${MUTED_TEXT}`}>{t('output.declaredStays')}</p>
        </div>
      )}
      {data && (
        <>
          <p data-testid="output-read-at" className={`text-xs ${MUTED_TEXT}`}>
            {t('output.readAt', { time: formatDateTime(data.readAt, i18n.language), host: data.pullHost, bytes: Math.round(data.bytesRead / 1000), seconds: Math.round(data.mediaMs / 100) / 10 })}
          </p>
          <OutputFacts model={model} output={data} />
          <label className="flex cursor-pointer items-center gap-1.5 text-sm">
            <input type="checkbox" checked={props.showApplied} onChange={(e) => props.onShowApplied(e.target.checked)} className="h-4 w-4 accent-fuchsia-700" />
            {t('output.showApplied')}
          </label>
          <WarningList
            warnings={data.comparison.warnings}
            regions={props.regions}
            targets={props.targets}
            onSelect={props.onSelect}
            onHover={props.onHover}
            title={t('output.differences', { count: data.comparison.warnings.length })}
            empty={t('output.noDifferences', { tolerance: data.comparison.tolerancePx })}
            testId="output-warning-list"
          />
          <details className="text-sm">
            <summary className="cursor-pointer">{t('output.rawSei', { type: data.applied.seiPayloadType })}</summary>
            <pre data-testid="output-raw-sei" className="mt-1 max-h-48 overflow-auto rounded bg-slate-100 p-2 text-xs break-all whitespace-pre-wrap dark:bg-slate-900">{data.applied.rawJson}</pre>
          </details>
        </>
      )}
    </section>
  );
}
