import { use, useMemo, useState } from 'react';
import type { ApiVersion } from '../../../shared/api-versions.ts';
import type { ChangeMarker } from '../../../shared/timeline-lanes.ts';
import { buildTaskModel } from '../../../shared/task-model.ts';
import { diffPayloads, type FieldChange } from '../../../shared/payload-diff.ts';
import { TimelinePartsContext } from './timeline-parts.ts';
import type { TimelineText } from './timeline-text.ts';

const SHOWN = 12;

function ChangeList({ changes, text }: { changes: FieldChange[]; text: TimelineText }) {
  const { t } = text;
  const absent = t('timeline.detail.absent');
  return (
    <ul className="mt-1 space-y-0.5 font-mono text-xs" data-testid="marker-diff">
      {changes.slice(0, SHOWN).map((c) => (
        <li key={c.path} className="break-all">
          <span className="font-semibold">{c.path}</span>{': '}
          {c.count
            ? t('timeline.detail.items', { before: c.before, after: c.after })
            : <><del className="text-orange-800 dark:text-orange-300">{c.before ?? absent}</del> → <ins className="text-sky-800 no-underline dark:text-sky-300">{c.after ?? absent}</ins></>}
        </li>
      ))}
      {changes.length > SHOWN && <li className="font-sans">{t('timeline.detail.more', { count: changes.length - SHOWN })}</li>}
    </ul>
  );
}

function BeforeAfter({ side, onChange, text }: { side: 'after' | 'before'; onChange: (s: 'after' | 'before') => void; text: TimelineText }) {
  const { t } = text;
  const button = (s: 'after' | 'before') => (
    <button
      type="button"
      aria-pressed={side === s}
      onClick={() => onChange(s)}
      className={`px-3 py-1 text-sm font-medium ${side === s ? 'bg-blue-700 text-white dark:bg-blue-300 dark:text-slate-900' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
    >
      {t(`timeline.detail.${s}`)}
    </button>
  );
  return (
    <div role="group" aria-label={t('timeline.detail.show')} className="flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
      {button('before')}
      {button('after')}
    </div>
  );
}

function CloseButton({ onClose, text }: { onClose: () => void; text: TimelineText }) {
  return (
    <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
      <span aria-hidden="true">✕ </span>{text.t('timeline.detail.close')}
    </button>
  );
}

/** A moment picked before anything was observed: no layout to show, and why. */
export function NoLayoutAt({ moment, text, onClose }: { moment: number; text: TimelineText; onClose: () => void }) {
  return (
    <section data-testid="marker-detail" data-marker-id="" className="flex flex-wrap items-start gap-3 rounded-lg border-2 border-blue-600 p-3 dark:border-blue-400">
      <div className="min-w-0 flex-1">
        <h3 className="font-semibold">{text.t('timeline.detail.titleAtNone', { time: text.instant(moment) })}</h3>
        <p className="text-sm">{text.t('timeline.detail.noneBefore')}</p>
      </div>
      <CloseButton onClose={onClose} text={text} />
    </section>
  );
}

/**
 * A selected change, or any moment (`moment`: then the change in force at it): what changed since
 * the previous one, and the layout as it was then.
 */
export function MarkerDetail({ marker, moment, version, text, onClose }: { marker: ChangeMarker; moment?: number | undefined; version: ApiVersion; text: TimelineText; onClose: () => void }) {
  const { t } = text;
  const parts = use(TimelinePartsContext);
  const [side, setSide] = useState<'after' | 'before'>('after');
  const shown = side === 'after' || marker.initial ? marker.payload : marker.previousPayload;
  const model = useMemo(() => (shown == null ? undefined : buildTaskModel(shown, version)), [shown, version]);
  const changes = useMemo(() => diffPayloads(marker.previousPayload, marker.payload), [marker.previousPayload, marker.payload]);
  return (
    <section aria-labelledby={`marker-${marker.id}-title`} data-testid="marker-detail" data-marker-id={marker.id} data-moment={moment ?? ''} data-origin={marker.demo ? 'demo' : 'observed'} className="space-y-3 rounded-lg border-2 border-blue-600 p-3 dark:border-blue-400">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <h3 id={`marker-${marker.id}-title`} className="font-semibold">
            {moment !== undefined && side === 'after'
              ? t(marker.demo ? 'timeline.demo.titleAt' : 'timeline.detail.titleAt', { time: text.instant(moment), seen: text.instant(marker.at) })
              : t(side === 'before' ? 'timeline.detail.titleBefore' : 'timeline.detail.title', { time: text.instant(marker.at) })}
          </h3>
          <p className="text-sm">{text.markerTitle(marker)}</p>
          {marker.demo && (
            <p data-testid="demo-note" className="mt-1 rounded border border-dashed border-teal-700 bg-teal-50 px-2 py-1 text-sm text-teal-900 dark:border-teal-300 dark:bg-teal-950 dark:text-teal-100">
              {t('timeline.demo.note')}
            </p>
          )}
        </div>
        {!marker.initial && <BeforeAfter side={side} onChange={setSide} text={text} />}
        <CloseButton onClose={onClose} text={text} />
      </div>
      <div>
        <h4 className="text-sm font-medium">{t('timeline.detail.changes')}</h4>
        {marker.initial ? <p className="text-sm">{t(marker.demo ? 'timeline.demo.first' : 'timeline.detail.first')}</p>
          : changes.length === 0 ? <p className="text-sm">{t('timeline.detail.none')}</p>
            : <ChangeList changes={changes} text={text} />}
      </div>
      {model ? <div data-testid="marker-layout">{parts.layout(model, shown)}</div> : <p className="text-sm">{t('timeline.detail.noPayload')}</p>}
    </section>
  );
}
