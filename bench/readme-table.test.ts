import { describe, expect, it } from 'vitest';
import { README_END, README_START, withBenchTable } from './readme-table.ts';

describe('withBenchTable', () => {
  const readme = `# x\n\n## Performance\n\nIntro.\n\n${README_START}\nold table\n${README_END}\n\nAfter.\n`;

  it('replaces what stands between the markers and keeps the rest', () => {
    const out = withBenchTable(readme, '| a | b |', 'Measured today.');
    expect(out).toBe(`# x\n\n## Performance\n\nIntro.\n\n${README_START}\n| a | b |\n\nMeasured today.\n${README_END}\n\nAfter.\n`);
  });

  it('gives the same text when written twice', () => {
    const once = withBenchTable(readme, '| a |', 's');
    expect(withBenchTable(once, '| a |', 's')).toBe(once);
  });

  it('refuses a README without both markers', () => {
    expect(() => withBenchTable('# x\n', 't', 's')).toThrow(/no <!-- bench:table:start/);
    expect(() => withBenchTable(`${README_END}\n${README_START}\n`, 't', 's')).toThrow(/pair/);
  });
});
