import { describe, expect, it } from 'vitest';
import { createMetrics, labelText } from './metrics.ts';

describe('createMetrics', () => {
  it('renders counters with sorted, escaped labels', () => {
    const m = createMetrics();
    const c = m.counter('x_total', 'Things.');
    c.inc({ outcome: 'ok' });
    c.inc({ outcome: 'ok' }, 2);
    c.inc({ b: 'say "hi"\n', a: '1' });
    expect(c.get({ outcome: 'ok' })).toBe(3);
    expect(m.render()).toBe([
      '# HELP x_total Things.',
      '# TYPE x_total counter',
      'x_total{outcome="ok"} 3',
      'x_total{a="1",b="say \\"hi\\"\\n"} 1',
      '',
    ].join('\n'));
  });

  it('renders gauges read at scrape time', () => {
    const m = createMetrics();
    let v = 1;
    m.gauge('g', 'A gauge.', () => v);
    m.gauge('h', 'Labelled.', () => [[{ state: 'open' }, 0], [{ state: 'closed' }, 1]]);
    v = 7;
    expect(m.render()).toContain('g 7\n');
    expect(m.render()).toContain('h{state="closed"} 1');
  });

  it('renders a cumulative histogram with +Inf, sum and count', () => {
    const m = createMetrics();
    const h = m.histogram('lat_seconds', 'Latency.', [0.1, 0.5]);
    for (const v of [0.05, 0.2, 0.7]) h.observe(v, { priority: 'interactive' });
    const lines = m.render().split('\n');
    expect(lines).toContain('lat_seconds_bucket{le="0.1",priority="interactive"} 1');
    expect(lines).toContain('lat_seconds_bucket{le="0.5",priority="interactive"} 2');
    expect(lines).toContain('lat_seconds_bucket{le="+Inf",priority="interactive"} 3');
    expect(lines).toContain('lat_seconds_count{priority="interactive"} 3');
    expect(lines.find((l) => l.startsWith('lat_seconds_sum'))).toMatch(/ 0\.95/);
  });

  it('refuses a name registered twice', () => {
    const m = createMetrics();
    m.counter('a', 'A.');
    expect(() => m.counter('a', 'A.')).toThrow(/twice/);
  });

  it('labelText is empty without labels', () => {
    expect(labelText()).toBe('');
  });
});
