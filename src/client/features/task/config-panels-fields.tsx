import { useTranslation } from 'react-i18next';
import type { ApiVersion } from '../../../shared/api-versions.ts';
import { resolveFields, type FieldSpec, type ResolvedField } from '../../../shared/volc-field-specs.ts';
import { useEnumLabel } from '../../i18n/use-enum-label.ts';
import { enumTableId, fieldsNotInVersion, noteKey, rangePhrases, unknownKeys, valueText, verdictPhrase, type Phrase } from './config-panels-format.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

interface Props {
  section: 'Encode' | 'Control' | 'SpatialConfig' | 'SEIConfig';
  specs: readonly FieldSpec[];
  raw: Record<string, unknown> | undefined;
  version: ApiVersion;
  /** Keys of nested sections shown in panels of their own. */
  nested?: readonly string[];
  /** A partial Update: a field it does not send keeps the task's value, not the default. */
  keptWhenUnsent?: boolean;
}

const CELL = 'px-2 py-1 align-top max-sm:px-1';
const HEAD = `${CELL} whitespace-nowrap`;
// On a phone the default and the range move under the value instead of two more columns.
const WIDE = 'max-sm:hidden';

/** One section's fields: value (with unit and enum name), default, documented range, note. */
export function FieldPanel({ section, specs, raw, version, nested = [], keptWhenUnsent = false }: Props) {
  const { t } = useTranslation();
  const fields = resolveFields(specs, raw, version);
  const missing = fieldsNotInVersion(specs, version);
  const extra = unknownKeys(raw, specs, nested);
  return (
    <section aria-labelledby={`panel-${section}`} data-testid={`panel-${section}`} className="min-w-0">
      <h3 id={`panel-${section}`} className="mb-1 font-mono font-semibold">{t(`panels.sections.${section}`)}</h3>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-300 text-left text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
              <th scope="col" className={HEAD}>{t('panels.field')}</th>
              <th scope="col" className={HEAD}>{t('panels.value')}</th>
              <th scope="col" className={`${HEAD} ${WIDE}`}>{t('panels.default')}</th>
              <th scope="col" className={`${HEAD} ${WIDE}`}>{t('panels.rangeHeader')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => <FieldRow key={f.spec.key} field={f} section={section} specs={specs} version={version} kept={keptWhenUnsent} />)}
          </tbody>
        </table>
      </div>
      {missing.length > 0 && <p className={`mt-1 text-xs ${MUTED_TEXT}`}>{t('panels.notInVersion', { version, fields: missing.join(', ') })}</p>}
      {extra.length > 0 && <p className="mt-1 text-xs text-amber-900 dark:text-amber-200">⚠ {t('panels.unknownKeys', { fields: extra.join(', ') })}</p>}
    </section>
  );
}

function FieldRow({ field, section, specs, version, kept }: { field: ResolvedField; section: string; specs: readonly FieldSpec[]; version: ApiVersion; kept: boolean }) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const { spec } = field;
  const table = enumTableId(spec.enum);
  const say = (p: Phrase | string) => (typeof p === 'string' ? p : t(p.key, p.params));
  const show = (value: unknown) => {
    const text = say(valueText(value, spec.unit));
    return table && typeof value === 'number' ? `${text} · ${enumLabel(table, value).label}` : text;
  };
  const verdict = verdictPhrase(field);
  const note = noteKey(section, specs, field, version);
  const range = rangePhrases(spec).map(say).join(', ');
  const dflt = spec.default === undefined ? t('panels.noDefault') : show(spec.default);
  const options = table && spec.enum ? Object.entries(spec.enum).map(([v]) => `${v} ${enumLabel(table, Number(v)).label}`).join(' · ') : '';
  const rangeText = [range, options].filter(Boolean).join(' · ') || '—';
  return (
    <tr data-field={spec.key} data-defaulted={field.defaulted && !kept} data-kept={field.defaulted && kept} className="border-b border-slate-100 dark:border-slate-800">
      <th scope="row" className={`${CELL} text-left font-mono text-xs font-normal whitespace-nowrap`}>{spec.key}</th>
      <td className={CELL}>
        {field.defaulted && kept ? (
          <span className="text-slate-600 italic dark:text-slate-400">{t('panels.keptUnsent')}</span>
        ) : field.defaulted ? (
          <span className="text-slate-600 italic dark:text-slate-400">{show(field.value)} <span className="not-italic">({t('panels.defaulted')})</span></span>
        ) : (
          <span className="font-medium">{show(field.value)}</span>
        )}
        {verdict && <span className="block text-xs text-amber-900 dark:text-amber-200">⚠ {say(verdict)}</span>}
        {note && <span className={`block text-xs ${MUTED_TEXT}`}>{t(note, { defaultValue: spec.note })}</span>}
        <span className={`block text-xs sm:hidden ${MUTED_TEXT}`}>{t('panels.default')}: {dflt}{rangeText !== '—' && ` · ${t('panels.rangeHeader')}: ${rangeText}`}</span>
      </td>
      <td className={`${CELL} text-slate-700 dark:text-slate-300 ${WIDE}`}>{dflt}</td>
      <td className={`${CELL} text-xs text-slate-700 dark:text-slate-300 ${WIDE}`}>{rangeText}</td>
    </tr>
  );
}
