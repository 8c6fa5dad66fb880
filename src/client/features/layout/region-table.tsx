import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NormalisedRegion, Resolved } from '../../../shared/layout-model.ts';
import { useEnumLabel } from '../../i18n/use-enum-label.ts';
import { regionColour } from './draw-boxes.ts';
import { fmt } from './region-fields.ts';
import { sortRegions, type SortKey, type SortState } from './region-sort.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

interface Props {
  regions: readonly NormalisedRegion[];
  colours: Map<string, string>;
  selectedId: string | undefined;
  hoveredId: string | undefined;
  onHover: (id: string | undefined) => void;
  onSelect: (id: string) => void;
}

function Val({ v, digits }: { v: Resolved<number>; digits?: number }) {
  const { t } = useTranslation();
  return (
    <span title={v.defaulted ? t('regions.defaulted') : undefined} className={v.defaulted ? 'text-slate-600 italic dark:text-slate-400' : undefined}>
      {fmt(v.value, digits ?? 3)}
    </span>
  );
}

// On a phone the table keeps who and in which order; the rest is in the selected region's detail.
const WIDE = 'max-sm:hidden';

const COLUMNS: { key: SortKey | null; label: string; numeric?: boolean; wide?: boolean }[] = [
  { key: 'streamIndex', label: 'regions.streamIndex', numeric: true },
  { key: 'userId', label: 'regions.userId' },
  { key: null, label: 'regions.streamType', wide: true },
  { key: 'x', label: 'regions.x', numeric: true, wide: true },
  { key: 'y', label: 'regions.y', numeric: true, wide: true },
  { key: 'width', label: 'regions.width', numeric: true, wide: true },
  { key: 'height', label: 'regions.height', numeric: true, wide: true },
  { key: 'zOrder', label: 'regions.zOrder', numeric: true },
  { key: 'alpha', label: 'regions.alpha', numeric: true, wide: true },
  { key: null, label: 'regions.renderMode', wide: true },
  { key: null, label: 'regions.sourceCrop', wide: true },
];

/** The accessible region table of PRODUCT.md, linked with the canvas by hover and selection. */
export function RegionTable({ regions, colours, selectedId, hoveredId, onHover, onSelect }: Props) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<SortState>({ key: 'drawOrder', dir: 'asc' });
  const rows = useMemo(() => sortRegions(regions, sort), [regions, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  const toggle = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));

  // A region picked on the canvas comes into view inside the table, without scrolling the page.
  useEffect(() => {
    const box = scroller.current;
    const row = selectedId ? box?.querySelector<HTMLElement>(`tr[data-region-id="${selectedId}"]`) : null;
    if (!box || !row) return;
    const head = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const top = row.offsetTop - head;
    if (top < box.scrollTop) box.scrollTop = top;
    else if (row.offsetTop + row.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = row.offsetTop + row.offsetHeight - box.clientHeight;
  }, [selectedId]);

  return (
    <div ref={scroller} className="max-h-[32rem] overflow-auto rounded-md ring-1 ring-slate-200 dark:ring-slate-800">
      <table data-testid="region-table" className="w-full border-collapse text-sm">
        <caption className={`px-2 py-2 text-left text-xs ${MUTED_TEXT}`}>{t('regions.caption')}</caption>
        <thead className="sticky top-0 z-10 bg-white dark:bg-slate-900">
          <tr className="border-b border-slate-300 text-left dark:border-slate-700">
            {COLUMNS.map((col) => (
              <th
                key={col.label}
                scope="col"
                aria-sort={col.key && sort.key === col.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                className={`px-2 py-1 font-semibold whitespace-nowrap ${col.numeric ? 'text-right' : ''} ${col.wide ? WIDE : ''}`}
              >
                {col.key ? (
                  <button type="button" onClick={() => toggle(col.key as SortKey)} className="hover:underline" aria-label={t('regions.sortBy', { column: t(col.label) })}>
                    {t(col.label)}{sort.key === col.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                ) : t(col.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row key={r.id} region={r} colour={regionColour(r, colours)} selected={r.id === selectedId} hovered={r.id === hoveredId} onHover={onHover} onSelect={onSelect} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  region: NormalisedRegion;
  colour: string;
  selected: boolean;
  hovered: boolean;
  onHover: (id: string | undefined) => void;
  onSelect: (id: string) => void;
}

/** Memoised: a hover change re-renders two rows, not all of them. */
const Row = memo(function Row({ region: r, colour, selected, hovered, onHover, onSelect }: RowProps) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const crop = r.sourceCrop;
  const fullFrame = crop.x.value === 0 && crop.y.value === 0 && crop.width.value === 1 && crop.height.value === 1;
  return (
    <tr
      data-region-id={r.id}
      data-hovered={hovered || undefined}
      aria-selected={selected}
      tabIndex={0}
      onMouseEnter={() => onHover(r.id)}
      onMouseLeave={() => onHover(undefined)}
      onFocus={() => onHover(r.id)}
      onBlur={() => onHover(undefined)}
      onClick={() => onSelect(r.id)}
      onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect(r.id); } }}
      className={`cursor-pointer border-b border-slate-200 max-sm:h-11 outline-none focus-visible:ring-2 focus-visible:ring-sky-600 focus-visible:ring-inset dark:border-slate-800 ${selected ? 'bg-blue-100 dark:bg-blue-950' : hovered ? 'bg-slate-100 dark:bg-slate-800' : ''}`}
    >
      <td className="px-2 py-1 text-right font-mono">
        <span aria-hidden="true" className="mr-1.5 inline-block h-2.5 w-2.5 rounded-sm" style={{ background: colour }} />
        {r.streamIndex ?? '—'}
      </td>
      <td className="px-2 py-1 font-mono whitespace-nowrap">{r.stream?.userId ?? <span className="text-orange-800 dark:text-orange-300">⚠ {t('regions.unmapped')}</span>}</td>
      <td className={`px-2 py-1 ${WIDE}`}>{r.stream ? enumLabel('streamType', r.stream.streamType.value).label : '—'}</td>
      <td className={`px-2 py-1 text-right font-mono ${WIDE}`}>{fmt(r.rect.x, 1)}</td>
      <td className={`px-2 py-1 text-right font-mono ${WIDE}`}>{fmt(r.rect.y, 1)}</td>
      <td className={`px-2 py-1 text-right font-mono ${WIDE}`}>{fmt(r.rect.width, 1)}</td>
      <td className={`px-2 py-1 text-right font-mono ${WIDE}`}>{fmt(r.rect.height, 1)}</td>
      <td className="px-2 py-1 text-right font-mono"><Val v={r.zOrder} /></td>
      <td className={`px-2 py-1 text-right font-mono ${WIDE}`}><Val v={r.alpha} /></td>
      <td className={`px-2 py-1 ${WIDE}`}>{enumLabel('renderMode', r.renderMode.value).label}</td>
      <td className={`px-2 py-1 font-mono whitespace-nowrap ${WIDE}`}>
        {fullFrame ? <span className={MUTED_TEXT}>{t('regions.noCrop')}</span> : `${fmt(crop.x.value)}, ${fmt(crop.y.value)} · ${fmt(crop.width.value)} × ${fmt(crop.height.value)}`}
      </td>
    </tr>
  );
});
