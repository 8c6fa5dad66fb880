import { memo, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiVersion } from '../../../../shared/api-versions.ts';
import { isPushUrlPlaceholder } from '../../../../shared/layout-edit/edit-body.ts';
import type { RequestKind, RequestRule } from '../../../../shared/request-rules.ts';
import { scanJson } from '../../../../shared/task-document-json.ts';
import { RequestRuleList } from '../../../design-system/request-rule-list.tsx';
import { MUTED_TEXT } from '../../../design-system/surface.ts';
import type { EditIds } from './edit-source.ts';

export interface WrittenBody {
  kind: RequestKind;
  body: Record<string, unknown>;
  rules: readonly RequestRule[];
}

interface Props {
  bodies: Readonly<Record<RequestKind, WrittenBody>>;
  version: ApiVersion;
  ids: EditIds;
  onIds: (ids: EditIds) => void;
  sequenceNumber: number | undefined;
  onSequenceNumber: (n: number | undefined) => void;
  pushUrl: string;
  onPushUrl: (url: string) => void;
}

const INPUT = 'mt-0.5 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-sm dark:border-slate-600 dark:bg-slate-950';
const BUTTON = 'rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800 max-sm:min-h-11';
const ACTION = { update: 'UpdatePushMixedStreamToCDN', start: 'StartPushMixedStreamToCDN' } as const;

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The click has started the download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The edited copy as the request that makes it so: a full Update body (or a Start body) in the
 * task's version, checked against the documented rules as the offline inspector checks a pasted
 * one, to copy or download. mixscope never sends it.
 */
export const RequestBodyPanel = memo(function RequestBodyPanel({ bodies, version, ids, onIds, sequenceNumber, onSequenceNumber, pushUrl, onPushUrl }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [kind, setKind] = useState<RequestKind>('update');
  const [copied, setCopied] = useState<'ok' | 'failed'>();
  const { body, rules } = bodies[kind];
  const text = useMemo(() => JSON.stringify(body, null, 2), [body]);
  const positions = useMemo(() => {
    const scan = scanJson(text);
    return scan.ok ? scan.positions : new Map();
  }, [text]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  const idField = (key: keyof EditIds, label: string) => (
    <label className="min-w-0 text-xs font-medium">
      {label}
      <input value={ids[key] ?? ''} onChange={(e) => onIds({ ...ids, [key]: e.target.value })} className={INPUT} autoComplete="off" spellCheck={false} />
    </label>
  );
  const tab = (k: RequestKind) => (
    <button
      type="button"
      role="tab"
      aria-selected={kind === k}
      data-testid={`body-tab-${k}`}
      onClick={() => {
        setKind(k);
        setCopied(undefined);
      }}
      className={`px-3 py-1 text-sm font-medium ${kind === k ? 'bg-blue-700 text-white dark:bg-blue-300 dark:text-slate-900' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
    >
      {t(`editor.body.tab.${k}`)}
    </button>
  );
  return (
    <section aria-labelledby={titleId} data-testid="request-body" data-kind={kind} className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={titleId} className="text-lg font-semibold">{t('editor.body.title')}</h2>
        <div role="tablist" aria-label={t('editor.body.kind')} className="flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
          {tab('update')}
          {tab('start')}
        </div>
      </div>
      <p className={`text-sm ${MUTED_TEXT}`}>{t(`editor.body.about.${kind}`, { action: ACTION[kind], version })}</p>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {idField('AppId', 'AppId')}
        {idField('RoomId', 'RoomId')}
        {idField('TaskId', 'TaskId')}
        {idField('BusinessId', 'BusinessId')}
        {kind === 'update' ? (
          <label className="min-w-0 text-xs font-medium">
            SequenceNumber
            <input
              data-testid="body-sequence-number"
              inputMode="numeric"
              value={sequenceNumber ?? ''}
              placeholder={t('editor.body.sequencePlaceholder')}
              onChange={(e) => {
                const v = e.target.value.trim();
                // A number as typed; anything else is kept out of the body (the field stays empty).
                onSequenceNumber(v === '' || !/^\d+$/.test(v) ? undefined : Number(v));
              }}
              className={INPUT}
            />
          </label>
        ) : (
          <label className="col-span-2 min-w-0 text-xs font-medium sm:col-span-4">
            PushURL
            <input value={pushUrl} placeholder={t('editor.body.pushUrlPlaceholder')} onChange={(e) => onPushUrl(e.target.value)} className={INPUT} autoComplete="off" spellCheck={false} />
          </label>
        )}
      </div>
      {kind === 'update' && <p className={`text-xs ${MUTED_TEXT}`}>{t('editor.body.sequenceHint')}</p>}
      {kind === 'start' && isPushUrlPlaceholder(body['PushURL']) && (
        <p data-testid="push-url-placeholder" className="rounded-md border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950/60 dark:text-amber-100">
          {t('editor.body.placeholderUrl')}
        </p>
      )}
      <RequestRuleList rules={rules} positions={positions} />
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" data-testid="copy-body" className={BUTTON} onClick={() => void copy()}>{t('editor.body.copy')}</button>
        <button type="button" data-testid="download-body" className={BUTTON} onClick={() => download(`${kind}-${ids.TaskId || 'task'}.json`, text)}>{t('editor.body.download')}</button>
        <span role="status" className={`text-sm ${MUTED_TEXT}`}>{copied && t(`editor.body.copied.${copied}`)}</span>
      </div>
      <pre data-testid="body-json" tabIndex={0} aria-label={t('editor.body.jsonLabel', { action: ACTION[kind] })} className="max-h-[32rem] overflow-auto rounded-md bg-slate-100 p-3 font-mono text-xs leading-5 dark:bg-slate-950">
        {text}
      </pre>
    </section>
  );
});
