import type { ApiVersion } from '../../../shared/api-versions.ts';
import type { EnumTable } from '../../../shared/volc-enums.ts';
import { appliesTo, type FieldSpec, type ResolvedField } from '../../../shared/volc-field-specs.ts';
import type { FieldSource } from '../../../shared/task-document.ts';
import { ENUM_TABLES, type EnumTableId } from '../../i18n/enum-tables.ts';

/**
 * Pure formatting for the Encode / Control / SpatialConfig / SEIConfig panels. Words are left to
 * the component as translation keys with parameters; numbers, units and lists are made here.
 */

export type Phrase = { key: string; params?: Record<string, string | number> };

/**
 * Why a stream list of a request body is not read as a list: an Update cannot carry
 * ExcludeStreams, and a partial one that does not send TargetStreams leaves the task's as they are.
 */
export function streamsNotInBody(task: { TargetStreams?: unknown; ExcludeStreams?: unknown }, which: 'TargetStreams' | 'ExcludeStreams', source: FieldSource): 'notUpdatable' | 'keptUnsent' | undefined {
  const update = source === 'update-request' || source === 'partial-update-request';
  if (update && which === 'ExcludeStreams') return 'notUpdatable';
  if (source === 'partial-update-request' && task[which] === undefined) return 'keptUnsent';
  return undefined;
}

/** The id under which an enum table's labels are translated. */
export function enumTableId(table: EnumTable | undefined): EnumTableId | undefined {
  if (!table) return undefined;
  const found = Object.entries(ENUM_TABLES).find(([, t]) => t === table);
  return found ? (found[0] as EnumTableId) : undefined;
}

const num = (n: number) => String(Number(n.toFixed(4)));

/** The documented range as phrases: "10 to 86400 s", "even", "one of 5, 100". */
export function rangePhrases(spec: FieldSpec): Phrase[] {
  const out: Phrase[] = [];
  const unit = spec.unit ?? '';
  if (spec.min !== undefined && spec.max !== undefined) {
    out.push({ key: spec.minExclusive ? 'panels.range.betweenExclusive' : 'panels.range.between', params: { min: num(spec.min), max: num(spec.max), unit } });
  } else if (spec.min !== undefined) {
    out.push({ key: spec.minExclusive ? 'panels.range.above' : 'panels.range.atLeast', params: { min: num(spec.min), unit } });
  } else if (spec.max !== undefined) {
    out.push({ key: 'panels.range.atMost', params: { max: num(spec.max), unit } });
  }
  if (spec.even) out.push({ key: 'panels.range.even' });
  if (spec.oneOf) out.push({ key: 'panels.range.oneOf', params: { values: spec.oneOf.join(', '), unit } });
  return out;
}

/** A sent or default value as text (enum labels are added by the component). */
export function valueText(value: unknown, unit: string | undefined): Phrase | string {
  if (value === 'adaptive') return { key: 'panels.adaptive' };
  if (value === undefined) return { key: 'panels.notSent' };
  if (typeof value === 'number') return unit ? `${num(value)} ${unit}` : num(value);
  if (typeof value === 'boolean' || typeof value === 'string') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'number' ? num(v) : String(v))).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => `${k} ${valueText(v, undefined) as string}`).join(', ');
  }
  return String(value);
}

/** What a range verdict means for the stream: Volcengine resets a bad optional value to its default. */
export function verdictPhrase(field: ResolvedField): Phrase | undefined {
  if (field.verdict === 'ok') return undefined;
  return { key: `panels.verdict.${field.verdict}` };
}

/** Translation key of a field's note; a note that only one version has gets a key of its own. */
export function noteKey(section: string, specs: readonly FieldSpec[], field: ResolvedField, version: ApiVersion): string | undefined {
  if (!field.spec.note) return undefined;
  const base = specs.find((s) => s.key === field.spec.key && s.versions === field.spec.versions);
  const versioned = base?.byVersion?.[version]?.note !== undefined;
  return `panels.notes.${section}_${field.spec.key}${versioned ? `_${version.replaceAll('-', '')}` : ''}`;
}

/** Fields of the section that this API version does not have. */
export function fieldsNotInVersion(specs: readonly FieldSpec[], version: ApiVersion): string[] {
  const here = new Set(specs.filter((s) => appliesTo(s, version)).map((s) => s.key));
  return [...new Set(specs.filter((s) => !appliesTo(s, version) && !here.has(s.key)).map((s) => s.key))];
}

/** Keys the task sent that the section's documentation does not list (kept, shown, not interpreted). */
export function unknownKeys(raw: Record<string, unknown> | undefined, specs: readonly FieldSpec[], nested: readonly string[] = []): string[] {
  if (!raw) return [];
  const known = new Set([...specs.map((s) => s.key), ...nested]);
  return Object.keys(raw).filter((k) => !known.has(k));
}
