import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FleetTask } from '../../../shared/fleet-api.ts';
import type { TimeMode } from '../../lib/time-setting.ts';
import { FLEET_GRID, FleetRow } from './fleet-row.tsx';
import { CARD, MUTED_TEXT } from '../../design-system/surface.ts';

const COLUMNS = ['state', 'task', 'status', 'stopReason', 'started', 'ended', 'duration', 'lastReconnect', 'warnings', 'source', 'actions'] as const;

/**
 * The fleet as a table (cards below 1440 px), virtualised: only the rows on screen are in the
 * DOM, so thousands stay smooth. Rows are measured, since a card is taller than a table row.
 */
export function FleetTable({ tasks, now, mode, onRemove, removingKey }: {
  tasks: readonly FleetTask[];
  now: number;
  mode: TimeMode;
  onRemove: (task: FleetTask) => void;
  removingKey: string | undefined;
}) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualiser re-renders this component itself when the scroll moves; nothing memoised reads it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: tasks.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 64,
    overscan: 8,
    getItemKey: (i) => tasks[i]?.key ?? i,
  });
  return (
    <div role="table" aria-label={t('fleet.title')} aria-rowcount={tasks.length + 1} data-testid="fleet-table" className={CARD}>
      <div role="rowgroup" className="hidden min-[1440px]:block">
        <div role="row" aria-rowindex={1} className={`${FLEET_GRID} px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide ${MUTED_TEXT}`}>
          {COLUMNS.map((c) => <div key={c} role="columnheader" className={`min-w-0 break-words ${c === 'actions' ? 'sr-only' : ''}`}>{t(`fleet.col.${c}`)}</div>)}
        </div>
      </div>
      <div ref={scroller} role="rowgroup" className="max-h-[70vh] overflow-y-auto overflow-x-hidden" data-testid="fleet-scroller">
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const task = tasks[item.index];
            if (task === undefined) return null;
            return (
              <div key={item.key} data-index={item.index} ref={virtual.measureElement} className="absolute left-0 right-0" style={{ transform: `translateY(${item.start}px)` }}>
                <FleetRow task={task} rowIndex={item.index + 2} now={now} mode={mode} onRemove={onRemove} removing={removingKey === task.key} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
