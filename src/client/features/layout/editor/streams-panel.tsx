import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditOp } from '../../../../shared/layout-edit/edit-ops.ts';
import type { NormalisedRegion, StreamEntry } from '../../../../shared/layout-model.ts';
import { MUTED_TEXT } from '../../../design-system/surface.ts';
import { useEnumLabel } from '../../../i18n/use-enum-label.ts';

interface Props {
  targets: readonly StreamEntry[];
  regions: readonly NormalisedRegion[];
  /** A template layout places the streams itself: regions are added once it is made custom. */
  custom: boolean;
  onEdit: (op: EditOp) => void;
  /** A user: their stream and, in a custom layout, its region, as one step. */
  onAddUser: (userId: string, streamType: number) => void;
  onRemoveUser: (listIndex: number) => void;
}

const INPUT = 'mt-0.5 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950';
const BUTTON = 'rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800 max-sm:min-h-11';

/** TargetStreams as a list to add to and remove from, each stream with the button that gives it a region. */
export const StreamsPanel = memo(function StreamsPanel({ targets, regions, custom, onEdit, onAddUser, onRemoveUser }: Props) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const titleId = useId();
  const [userId, setUserId] = useState('');
  const [streamType, setStreamType] = useState(0);
  const shown = new Set(regions.flatMap((r) => (r.streamIndex === undefined ? [] : [r.streamIndex])));
  return (
    <section aria-labelledby={titleId} data-testid="streams-panel" className="rounded-md p-2 ring-1 ring-slate-200 dark:ring-slate-800">
      <h3 id={titleId} className="text-sm font-semibold">{t('editor.streams.title', { count: targets.length })}</h3>
      {custom && <p className={`text-xs ${MUTED_TEXT}`}>{t('editor.streams.hint')}</p>}
      {targets.length === 0 && <p className={`text-xs ${MUTED_TEXT}`}>{t('editor.streams.none')}</p>}
      <ul className="mt-1 space-y-1">
        {targets.map((s, listIndex) => (
          <li key={listIndex} className="flex flex-wrap items-center gap-2 text-sm">
            <span className="min-w-0 flex-1 break-all">
              <span className="font-mono">{s.index ?? '–'}</span> · {s.userId ?? '?'} · <span className={MUTED_TEXT}>{enumLabel('streamType', s.streamType.value).label}</span>
              {s.index !== undefined && !shown.has(s.index) && <span className={`ml-1 text-xs ${MUTED_TEXT}`}>({t('editor.streams.noRegion')})</span>}
            </span>
            {custom && s.index !== undefined && !shown.has(s.index) && (
              <button type="button" className={BUTTON} onClick={() => onEdit({ kind: 'addRegion', streamIndex: s.index })}>{t('editor.streams.addRegion')}</button>
            )}
            <button type="button" className={BUTTON} aria-label={t('editor.streams.removeLabel', { user: s.userId ?? '?' })} onClick={() => onRemoveUser(listIndex)}>
              <span aria-hidden="true">✕</span>
            </button>
          </li>
        ))}
      </ul>
      <form
        className="mt-2 grid grid-cols-[minmax(0,1fr)_auto_auto] items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (userId.trim() === '') return;
          onAddUser(userId.trim(), streamType);
          setUserId('');
        }}
      >
        <label className="min-w-0 text-xs font-medium">
          {t('editor.streams.userId')}
          <input data-testid="new-stream-user" value={userId} onChange={(e) => setUserId(e.target.value)} className={INPUT} autoComplete="off" spellCheck={false} />
        </label>
        <label className="text-xs font-medium">
          StreamType
          <select value={streamType} onChange={(e) => setStreamType(Number(e.target.value))} className={INPUT}>
            {[0, 1].map((v) => <option key={v} value={v}>{enumLabel('streamType', v).label}</option>)}
          </select>
        </label>
        <button type="submit" className={BUTTON} disabled={userId.trim() === ''}>{t('editor.streams.add')}</button>
      </form>
    </section>
  );
});
