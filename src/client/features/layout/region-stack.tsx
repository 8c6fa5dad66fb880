import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrawBox } from './draw-boxes.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

interface Props {
  /** Every region in drawing order (bottom first); the list shows them top first, as OBS does. */
  boxes: readonly DrawBox[];
  hidden: ReadonlySet<string>;
  locked: ReadonlySet<string>;
  selectedId: string | undefined;
  hoveredId: string | undefined;
  onHidden: (id: string, hidden: boolean) => void;
  onLocked: (id: string, locked: boolean) => void;
  onSelect: (id: string) => void;
  onHover: (id: string | undefined) => void;
}

const TOGGLE = 'inline-flex min-h-8 min-w-8 items-center justify-center rounded-md border border-transparent text-base hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 max-sm:min-h-11 max-sm:min-w-11 dark:hover:bg-slate-800';

/**
 * The regions in z-order, top first (OBS's source list): the eye hides a region from the canvas
 * to see what is under it, the lock keeps a click on the canvas from picking it.
 */
export const RegionStack = memo(function RegionStack({ boxes, hidden, locked, selectedId, hoveredId, onHidden, onLocked, onSelect, onHover }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const top = [...boxes].reverse();
  return (
    <section aria-labelledby={titleId} data-testid="region-stack" className="rounded-md ring-1 ring-slate-200 dark:ring-slate-800">
      <h3 id={titleId} className="px-2 pt-2 text-sm font-semibold">{t('inspector.stack.title')}</h3>
      <p className={`px-2 text-xs ${MUTED_TEXT}`}>{t('inspector.stack.hint')}</p>
      <ol className="max-h-80 overflow-auto py-1">
        {top.map((b) => {
          const isHidden = hidden.has(b.id);
          const isLocked = locked.has(b.id);
          const name = b.label;
          return (
            <li
              key={b.id}
              data-region-id={b.id}
              data-hidden={isHidden}
              data-locked={isLocked}
              data-selected={b.id === selectedId}
              onMouseEnter={() => onHover(b.id)}
              onMouseLeave={() => onHover(undefined)}
              className={`flex items-center gap-1 px-1 ${b.id === selectedId ? 'bg-sky-100 dark:bg-sky-950' : b.id === hoveredId ? 'bg-slate-100 dark:bg-slate-800' : ''}`}
            >
              <button type="button" className={TOGGLE} aria-pressed={!isHidden} aria-label={t(isHidden ? 'inspector.stack.show' : 'inspector.stack.hide', { name })} title={t(isHidden ? 'inspector.stack.show' : 'inspector.stack.hide', { name })} onClick={() => onHidden(b.id, !isHidden)}>
                <EyeIcon open={!isHidden} />
              </button>
              <button type="button" className={TOGGLE} aria-pressed={isLocked} aria-label={t(isLocked ? 'inspector.stack.unlock' : 'inspector.stack.lock', { name })} title={t(isLocked ? 'inspector.stack.unlock' : 'inspector.stack.lock', { name })} onClick={() => onLocked(b.id, !isLocked)}>
                <LockIcon closed={isLocked} />
              </button>
              <button type="button" className="flex min-h-8 min-w-0 flex-1 items-center gap-2 rounded-md px-1 text-left text-sm hover:underline focus-visible:outline-2 focus-visible:outline-sky-600 max-sm:min-h-11" aria-current={b.id === selectedId ? 'true' : undefined} onClick={() => onSelect(b.id)}>
                {/* The swatch colours come from the layout: a style attribute, as in the region table. */}
                <span aria-hidden="true" className="h-3 w-3 shrink-0 rounded-sm ring-1 ring-slate-400" style={{ backgroundColor: b.colour }} />
                <span className={`truncate ${isHidden ? `line-through ${MUTED_TEXT}` : ''}`}>{name}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
});

/** Drawn, not emoji: the same on every system, in the text colour of either theme. */
function EyeIcon({ open }: { open: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.6}>
      <path d="M2 10s3-5.5 8-5.5S18 10 18 10s-3 5.5-8 5.5S2 10 2 10Z" opacity={open ? 1 : 0.45} />
      {open ? <circle cx={10} cy={10} r={2.5} fill="currentColor" /> : <path d="M3.5 16.5 16.5 3.5" />}
    </svg>
  );
}

function LockIcon({ closed }: { closed: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className={`h-5 w-5 ${closed ? '' : 'opacity-45'}`} fill="none" stroke="currentColor" strokeWidth={1.6}>
      <rect x={4.5} y={9} width={11} height={8} rx={1.5} fill={closed ? 'currentColor' : 'none'} />
      <path d={closed ? 'M7 9V6.5a3 3 0 0 1 6 0V9' : 'M7 9V6.5a3 3 0 0 1 5.8-1'} />
    </svg>
  );
}
