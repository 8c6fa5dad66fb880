import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zh } from './zh.ts';
import { ENUM_TABLES } from './enum-tables.ts';
import { enumZh } from './enum-zh.ts';
import { FEATURE_MESSAGES, LAZY_FEATURE_MESSAGES } from './feature-messages.ts';

function flatten(obj: object, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]): [string, string][] =>
    v !== null && typeof v === 'object' ? flatten(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]],
  );
}
const keys = (obj: object) => flatten(obj).map(([k]) => k);
const leaves = (obj: object) => flatten(obj).map(([, v]) => v);

// Every namespace, those loaded with the first page and those loaded with their feature's code.
const lazyMessages = await Promise.all(Object.entries(LAZY_FEATURE_MESSAGES).map(async ([ns, load]) => [ns, await load()] as const));
const ALL_FEATURES = { ...FEATURE_MESSAGES, ...Object.fromEntries(lazyMessages) };
const allEn = { ...en, ...Object.fromEntries(Object.entries(ALL_FEATURES).map(([ns, m]) => [ns, m.en])) };
const allZh = { ...zh, ...Object.fromEntries(Object.entries(ALL_FEATURES).map(([ns, m]) => [ns, m.zh])) };

describe('translations', () => {
  it('have the same keys in English and Chinese, feature modules included', () => {
    expect(keys(allZh).sort()).toEqual(keys(allEn).sort());
  });

  it('give each feature module a namespace of its own', () => {
    for (const ns of Object.keys(ALL_FEATURES)) expect(Object.keys(en)).not.toContain(ns);
  });

  it('have no empty string in either language', () => {
    expect(leaves(allEn).filter((s) => s.trim() === '')).toEqual([]);
    expect(leaves(allZh).filter((s) => s.trim() === '')).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const zhFlat = new Map(flatten(allZh));
    for (const [k, enText] of flatten(allEn)) {
      expect({ k, vars: vars(zhFlat.get(k) ?? '') }).toEqual({ k, vars: vars(enText) });
    }
  });

  it('name every documented enum value in Chinese', () => {
    for (const [id, table] of Object.entries(ENUM_TABLES)) {
      const names = Object.values(table).map((e) => e.name).sort();
      expect({ id, names: Object.keys(enumZh[id as keyof typeof enumZh]).sort() }).toEqual({ id, names });
    }
  });
});

describe('plurals', () => {
  const all = { en: flatten(allEn), zh: flatten(allZh) };
  const pluralBases = (lang: 'en' | 'zh') => [...new Set(all[lang].map(([k]) => /^(.*)_(one|other)$/.exec(k)?.[1]).filter((k) => k !== undefined))];

  it('never write "(s)": a count picks its word through the plural rules', () => {
    for (const lang of ['en', 'zh'] as const) expect(all[lang].filter(([, v]) => /\w\((s|es)\)/.test(v))).toEqual([]);
  });

  it('give every English count followed by a plural noun a _one and an _other form', () => {
    // The request rules' English is shared with the server; these three only fire above a limit
    // of at least two (more than the maximum, or two regions on one stream), so never for one.
    const aboveOne = ['offline.rules.rule.tooManyStreams.message', 'offline.rules.rule.tooManyRegions.message', 'offline.rules.rule.duplicateStreamIndex.message'];
    const bare = all.en.filter(([k, v]) => /\{\{count\}\} [a-z]+s\b/.test(v) && !/_(one|other)$/.test(k) && !aboveOne.includes(k)).map(([k]) => k);
    expect(bare).toEqual([]);
    const keys = new Set(all.en.map(([k]) => k));
    for (const base of pluralBases('en')) expect({ base, one: keys.has(`${base}_one`), other: keys.has(`${base}_other`) }).toEqual({ base, one: true, other: true });
  });

  it('resolve 0, 1 and 2 to the form each language uses (English one for 1 only, Chinese one form)', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', resources: { en: { translation: allEn }, zh: { translation: allZh } }, interpolation: { escapeValue: false } });
    const template = (lang: 'en' | 'zh', key: string) => new Map(all[lang]).get(key) ?? '';
    const fill = (text: string, count: number) => text.replace(/\{\{count\}\}/g, String(count));
    for (const base of pluralBases('en')) {
      const en = i18n.getFixedT('en');
      const zh = i18n.getFixedT('zh');
      expect(en(base, { count: 1 }), base).toBe(fill(template('en', `${base}_one`), 1));
      for (const n of [0, 2]) expect(en(base, { count: n }), base).toBe(fill(template('en', `${base}_other`), n));
      for (const n of [0, 1, 2]) expect(zh(base, { count: n }), base).toBe(fill(template('zh', `${base}_other`), n));
    }
    // One case in words, so a broken rule table cannot pass by agreeing with itself.
    expect(i18n.getFixedT('en')('home.watch.openAll', { count: 1 })).toBe('Open the watch list (1 task)');
    expect(i18n.getFixedT('en')('home.watch.openAll', { count: 2 })).toBe('Open the watch list (2 tasks)');
  });
});
