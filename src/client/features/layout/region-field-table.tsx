import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnumLabel } from '../../i18n/use-enum-label.ts';
import { fmt, type FieldRow, type FieldValue } from './region-fields.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

const CELL = 'px-2 py-1 align-top';

/** Every field of the selected region: proportions and pixels side by side, defaults marked. */
export function RegionFieldTable({ rows }: { rows: readonly FieldRow[] }) {
  const { t } = useTranslation();
  return (
    <table data-testid="region-fields" className="w-full border-collapse text-sm">
      <caption className={`pb-1 text-left text-xs ${MUTED_TEXT}`}>{t('inspector.detail.caption')}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-left text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
          <th scope="col" className={CELL}>{t('inspector.detail.field')}</th>
          <th scope="col" className={`${CELL} text-right`}>{t('inspector.detail.proportion')}</th>
          <th scope="col" className={`${CELL} text-right`}>{t('inspector.detail.pixels')}</th>
          <th scope="col" className={CELL}><span className="sr-only">{t('inspector.detail.sent')}</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} data-field={row.field} data-defaulted={row.defaulted} data-reset-from={row.resetFrom} className="border-b border-slate-100 dark:border-slate-800">
            <th scope="row" className={`${CELL} text-left font-mono text-xs font-normal wrap-anywhere sm:whitespace-nowrap`}>{row.field}</th>
            <Value value={row.value} />
            <td className={`${CELL} text-xs sm:whitespace-nowrap`}><Status row={row} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Status({ row }: { row: FieldRow }) {
  const { t } = useTranslation();
  if (row.missing) return <span className="font-medium text-orange-800 dark:text-orange-300">✕ {t('inspector.detail.missing')}</span>;
  if (row.value.kind === 'geometry' && row.value.sentAs === 'template') return <span className={MUTED_TEXT}>≈ {t('inspector.detail.template')}</span>;
  if (row.resetFrom !== undefined) return <span className="font-medium text-amber-900 dark:text-amber-200">⚠ {t('inspector.detail.resetFrom', { value: fmt(row.resetFrom) })}</span>;
  if (row.defaulted) return <span className="text-slate-600 italic dark:text-slate-400">{t('inspector.detail.default')}</span>;
  return <span className="text-slate-700 dark:text-slate-300">{t('inspector.detail.sent')}</span>;
}

function Num({ children, strong }: { children: ReactNode; strong?: boolean }) {
  return <td className={`${CELL} text-right font-mono tabular-nums ${strong ? 'font-semibold' : MUTED_TEXT}`}>{children}</td>;
}

function Value({ value }: { value: FieldValue }) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const wide = (content: ReactNode) => <td colSpan={2} className={`${CELL} text-left text-xs wrap-anywhere`}>{content}</td>;
  switch (value.kind) {
    case 'geometry':
      return (
        <>
          <Num strong={value.sentAs === 'ratio'}>{fmt(value.ratio)}</Num>
          <Num strong={value.sentAs !== 'ratio'}>{fmt(value.px, 1)}</Num>
        </>
      );
    case 'radius':
      return (
        <>
          <Num strong>{fmt(value.ratio)}</Num>
          <Num>
            {value.ignored ? <span className="text-amber-900 dark:text-amber-200">◜ {t('inspector.detail.radiusIgnored', { px: fmt(value.px, 1) })}</span> : fmt(value.px, 1)}
          </Num>
        </>
      );
    case 'ratio':
      return (
        <>
          <Num strong>{fmt(value.ratio)}</Num>
          <td className={`${CELL} text-right ${MUTED_TEXT}`} title={t('inspector.detail.cropOfSource')}>—</td>
        </>
      );
    case 'number':
      return wide(value.value === undefined ? '—' : fmt(value.value));
    case 'enum':
      return wide(`${value.value} · ${enumLabel(value.table, value.value).label}`);
    case 'text':
      return wide(value.value ?? t('inspector.detail.notSet'));
    case 'bool':
      return wide(value.value ? t('inspector.detail.yes') : t('inspector.detail.no'));
    case 'triple':
      return wide(`[${value.value.join(', ')}]`);
  }
}
