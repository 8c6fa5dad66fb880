import type { KeyboardEvent } from 'react';
import { moveActive, type ActiveItem } from './timeline-geometry.ts';
import type { TimelineView } from './use-timeline-view.ts';

const MOVES: Record<string, 'left' | 'right' | 'up' | 'down' | 'home' | 'end'> = {
  ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down', Home: 'home', End: 'end',
};

/** The timeline's keys: arrows walk items, Shift+arrows pan, + − 0 zoom, Enter activates, Escape closes. */
export function timelineKeyHandler(opts: {
  tv: TimelineView;
  active: ActiveItem | null;
  setActive: (item: ActiveItem | null) => void;
  activate: (item: ActiveItem) => void;
  close: () => void;
}) {
  const { tv, active, setActive, activate, close } = opts;
  const anchor = () => {
    const item = active && tv.rows[active.row][active.index];
    return item ? (item.from + item.to) / 2 : undefined;
  };
  return (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const move = MOVES[e.key];
    if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) tv.actions.pan(e.key === 'ArrowLeft' ? -0.25 : 0.25);
    else if (move) setActive(moveActive(active, move, tv.rows));
    else if (e.key === '+' || e.key === '=') tv.actions.zoomIn(anchor());
    else if (e.key === '-' || e.key === '_') tv.actions.zoomOut(anchor());
    else if (e.key === '0') tv.actions.fit();
    else if ((e.key === 'Enter' || e.key === ' ') && active) activate(active);
    else if (e.key === 'Escape') close();
    else return;
    e.preventDefault();
  };
}
