import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The README's performance table is the last full `npm run bench`, copied between two markers so
 * it never goes stale by hand. Pure text in, text out; the caller reads and writes the file.
 */
export const README_START = '<!-- bench:table:start (written by npm run bench) -->';
export const README_END = '<!-- bench:table:end -->';

export function withBenchTable(readme: string, table: string, stamp: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} pair to write the table between`);
  return `${readme.slice(0, start + README_START.length)}\n${table}\n\n${stamp}\n${readme.slice(end)}`;
}

export function writeReadmeTable(path: string, table: string, stamp: string): void {
  writeFileSync(path, withBenchTable(readFileSync(path, 'utf8'), table, stamp));
}
