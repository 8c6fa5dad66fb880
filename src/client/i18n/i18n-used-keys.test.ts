import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { englishEnumMessages } from './enum-tables.ts';
import * as registry from './feature-messages.ts';

/**
 * Every translation key written out in the client's code exists in English (and so, by the
 * parity test, in Chinese): a key that is used but never defined would show as the key itself.
 * Keys are found as string literals that start with a namespace ('task.status'); keys built at
 * run time (`enum.${table}.${name}`) are checked by the tests of their tables.
 */
// Vite reads the sources (no node:fs in the client tree): every module but tests and the messages themselves.
const SOURCES = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../**/*-messages.ts', '!./en.ts', '!./zh.ts'], { query: '?raw', import: 'default', eager: true });

/** Every namespace the registry lists, those loaded with the first page and those loaded later. */
async function featureEnglish(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const list of Object.values(registry)) {
    if (list === null || typeof list !== 'object') continue;
    for (const [ns, entry] of Object.entries(list as Record<string, unknown>)) {
      const m: unknown = typeof entry === 'function' ? await (entry as () => Promise<unknown>)() : entry;
      if (m !== null && typeof m === 'object' && 'en' in m) out[ns] = m.en;
    }
  }
  return out;
}

const english: Record<string, unknown> = { ...en, ...(await featureEnglish()), enum: englishEnumMessages() };

function has(key: string): boolean {
  let node: unknown = english;
  const parts = key.split('.');
  for (const [i, part] of parts.entries()) {
    if (node === null || typeof node !== 'object') return false;
    const obj = node as Record<string, unknown>;
    // A plural key is defined by its forms: query.fixErrors → query.fixErrors_one, _other.
    if (i === parts.length - 1 && !(part in obj)) return `${part}_other` in obj;
    node = obj[part];
  }
  return node !== undefined;
}

describe('translation keys used in the code', () => {
  const namespaces = Object.keys(english).join('|');
  const literal = new RegExp(`['"\`]((?:${namespaces})\\.[A-Za-z0-9_.-]+)['"\`]`, 'g');
  const used = Object.entries(SOURCES).flatMap(([file, text]) => [...text.matchAll(literal)].map((m) => ({ file, key: m[1] ?? '' })));

  it('are found, and a missing one would be caught (the scan works)', () => {
    expect(used.length).toBeGreaterThan(150);
    expect(has('query.fixErrors')).toBe(true);
    expect(has('task.noSuchKey')).toBe(false);
  });

  it('all exist in English', () => {
    expect(used.filter((u) => !has(u.key))).toEqual([]);
  });
});
