/**
 * A tiny Prometheus text-format registry (exposition format 0.0.4): counters, gauges read at
 * scrape time and one kind of histogram. Written by hand because the server needs five metrics,
 * not a dependency.
 */

export type Labels = Readonly<Record<string, string>>;

interface Series {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  render(): string[];
}

export interface Counter {
  inc(labels?: Labels, by?: number): void;
  get(labels?: Labels): number;
}

export interface Histogram {
  observe(value: number, labels?: Labels): void;
}

export interface Metrics {
  counter(name: string, help: string): Counter;
  /** `read` is called on every scrape: one sample per returned entry. */
  gauge(name: string, help: string, read: () => readonly (readonly [Labels, number])[] | number): void;
  histogram(name: string, help: string, buckets: readonly number[]): Histogram;
  render(): string;
}

const escapeValue = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

export function labelText(labels: Labels = {}): string {
  const pairs = Object.keys(labels).sort().map((k) => `${k}="${escapeValue(labels[k] ?? '')}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

const num = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN');

export function createMetrics(): Metrics {
  const series: Series[] = [];
  const register = (s: Series) => {
    if (series.some((x) => x.name === s.name)) throw new Error(`metric ${s.name} registered twice`);
    series.push(s);
  };

  return {
    counter(name, help) {
      const values = new Map<string, number>();
      register({ name, help, type: 'counter', render: () => [...values].map(([l, v]) => `${name}${l} ${num(v)}`) });
      return {
        inc: (labels, by = 1) => {
          const key = labelText(labels);
          values.set(key, (values.get(key) ?? 0) + by);
        },
        get: (labels) => values.get(labelText(labels)) ?? 0,
      };
    },
    gauge(name, help, read) {
      register({
        name, help, type: 'gauge',
        render: () => {
          const v = read();
          return typeof v === 'number' ? [`${name} ${num(v)}`] : v.map(([l, n]) => `${name}${labelText(l)} ${num(n)}`);
        },
      });
    },
    histogram(name, help, buckets) {
      const bounds = [...buckets].sort((a, b) => a - b);
      const byLabels = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
      register({
        name, help, type: 'histogram',
        render: () => [...byLabels.values()].flatMap(({ labels, counts, sum, count }) => [
          ...bounds.map((b, i) => `${name}_bucket${labelText({ ...labels, le: num(b) })} ${counts[i] ?? 0}`),
          `${name}_bucket${labelText({ ...labels, le: '+Inf' })} ${count}`,
          `${name}_sum${labelText(labels)} ${num(sum)}`,
          `${name}_count${labelText(labels)} ${count}`,
        ]),
      });
      return {
        observe(value, labels = {}) {
          const key = labelText(labels);
          const h = byLabels.get(key) ?? { labels, counts: bounds.map(() => 0), sum: 0, count: 0 };
          byLabels.set(key, h);
          // Cumulative buckets, as the format wants them.
          bounds.forEach((b, i) => { if (value <= b) h.counts[i] = (h.counts[i] ?? 0) + 1; });
          h.sum += value;
          h.count += 1;
        },
      };
    },
    render() {
      return `${series.map((s) => [`# HELP ${s.name} ${s.help}`, `# TYPE ${s.name} ${s.type}`, ...s.render()].join('\n')).join('\n')}\n`;
    },
  };
}
