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
