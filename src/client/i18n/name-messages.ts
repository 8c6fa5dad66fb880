import type { TFunction } from 'i18next';
import { NAME_TEXT, type NameFill } from '../../shared/layout-warning-text.ts';

/**
 * How warnings name regions and streams (namespace `names`). English is the shared templates
 * (src/shared/layout-warning-text.ts), so a name in a translated warning reads like the English one.
 */
export const nameMessagesEn = NAME_TEXT;

export const nameMessagesZh: typeof NAME_TEXT = {
  userStream: '"{{user}}"（StreamIndex {{index}}）',
  userStreamScreen: '"{{user}}"（StreamIndex {{index}}，屏幕共享）',
  user: '"{{user}}"',
  userScreen: '"{{user}}"（屏幕共享）',
  streamIndex: 'StreamIndex {{index}}',
  arrayItem: 'Regions[{{index}}]',
  templateCell: '模板第 {{n}} 格',
  noUserId: '没有 UserId 的流',
  noUserIdScreen: '没有 UserId 的屏幕共享流',
  andMore: '{{names}}等另外 {{count}} 个',
};

/** Names in the current language, for regionName() and streamName() of the shared warnings. */
export function nameFill(t: TFunction): NameFill {
  return (key, params) => t(`names.${key}`, params);
}

/** "A, B and C" / "A、B 和 C"; past `max` names, "A, B, C and 2 more" / "A、B、C等另外 2 个". */
export function listNamesIn(t: TFunction, locale: string, names: readonly string[], max = 3): string {
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  if (names.length <= max) return list.format(names);
  // The first few joined by the language's own separator (", " or "、"), without its "and".
  const parts = list.formatToParts(names.slice(0, max));
  const separator = parts.find((p) => p.type === 'literal')?.value ?? ', ';
  return t('names.andMore', { names: parts.map((p) => (p.type === 'literal' ? separator : p.value)).join(''), count: names.length - max });
}
