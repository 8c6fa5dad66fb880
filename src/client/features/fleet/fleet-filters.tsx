import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FLEET_SORTS, type FleetSort } from '../../../shared/fleet-api.ts';
import { ATTENTION, type Attention } from '../../../shared/history-api.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

export interface FleetFilterState {
  appId: string;
  roomId: string;
  state: Attention[];
  stopReason: string;
  q: string;
  sort: FleetSort;
}

export const NO_FILTERS: FleetFilterState = { appId: '', roomId: '', state: [], stopReason: '', q: '', sort: 'attention' };

const FIELD = 'w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';

/** AppId, room, state, stop reason, text search and sort; every control labelled. */
export function FleetFilters({ value, onChange, appIds, rooms, stopReasons }: {
  value: FleetFilterState;
  onChange: (next: FleetFilterState) => void;
  appIds: readonly string[];
  rooms: readonly string[];
  stopReasons: readonly string[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = <K extends keyof FleetFilterState>(key: K, v: FleetFilterState[K]) => onChange({ ...value, [key]: v });
  const select = (key: 'appId' | 'roomId' | 'stopReason', label: string, options: readonly string[]) => (
    <div className="min-w-0">
      <label htmlFor={`${id}-${key}`} className={`block text-xs ${MUTED_TEXT}`}>{label}</label>
      <select id={`${id}-${key}`} data-testid={`filter-${key}`} value={value[key]} onChange={(e) => set(key, e.target.value)} className={FIELD}>
        <option value="">{t('fleet.any')}</option>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </div>
  );
  const single = value.state.length === 1 ? value.state[0] : '';
  return (
    <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7 lg:items-end">
      <legend className="sr-only">{t('fleet.filters')}</legend>
      <div className="col-span-2 min-w-0 sm:col-span-3 lg:col-span-2">
        <label htmlFor={`${id}-q`} className={`block text-xs ${MUTED_TEXT}`}>{t('fleet.search')}</label>
        <input id={`${id}-q`} data-testid="filter-q" type="search" value={value.q} maxLength={128} placeholder={t('fleet.searchPlaceholder')} onChange={(e) => set('q', e.target.value)} className={FIELD} />
      </div>
      {select('appId', t('fleet.appId'), appIds)}
      {select('roomId', t('fleet.room'), rooms)}
      <div className="min-w-0">
        <label htmlFor={`${id}-state`} className={`block text-xs ${MUTED_TEXT}`}>{t('fleet.state')}</label>
        <select
          id={`${id}-state`}
          data-testid="filter-state"
          value={single ?? ''}
          onChange={(e) => set('state', ATTENTION.filter((a) => a === e.target.value))}
          className={FIELD}
        >
          <option value="">{value.state.length > 1 ? t('fleet.trouble') : t('fleet.any')}</option>
          {ATTENTION.map((a) => <option key={a} value={a}>{t(`watch.attention.${a}`)}</option>)}
        </select>
      </div>
      {select('stopReason', t('fleet.stopReason'), stopReasons)}
      <div className="min-w-0">
        <label htmlFor={`${id}-sort`} className={`block text-xs ${MUTED_TEXT}`}>{t('fleet.sortBy')}</label>
        <select id={`${id}-sort`} value={value.sort} onChange={(e) => set('sort', FLEET_SORTS.find((s) => s === e.target.value) ?? 'attention')} className={FIELD}>
          {FLEET_SORTS.map((s) => <option key={s} value={s}>{t(`fleet.sort.${s}`)}</option>)}
        </select>
      </div>
    </fieldset>
  );
}
