import type { DrawSegment } from '../../../shared/timeline-downsample.ts';
import type { DescribedEnum, Tone } from '../../../shared/volc-enums.ts';
import { mixBars, textWidth, TONE_FILL } from './lane-style.ts';

/**
 * What to paint for one lane. Spans at least WIDE_PX wide become elements of their own, with
 * glyph and words when they fit and data attributes for tests; narrower ones (dense stretches of
 * a long task) are batched into one path per fill, so 10,000 observations cost a few elements.
 */
export const WIDE_PX = 4;

export interface SpanPaint {
  key: number;
  x: number;
  w: number;
  /** A Tailwind fill class, or undefined for the unknown hatch. */
  fill: string | undefined;
  overlay: { fill: string; height: number } | undefined;
  /** Warning and bad states also get stripes, so they stand out without colour. */
  striped: boolean;
  mixed: boolean;
  text: string;
  attrs: Record<string, string>;
}

export interface PathBatch {
  /** A Tailwind fill class, 'hatch' for unknown time, or 'stripes' over warning and bad states. */
  fill: string;
  d: string;
}

interface Geometry {
  x: (t: number) => number;
  y: number;
  h: number;
}

const ALARMING = new Set<Tone>(['warning', 'bad']);

const rectPath = (x: number, y: number, w: number, h: number) => `M${x.toFixed(1)},${y}h${w.toFixed(1)}v${h}h${(-w).toFixed(1)}z`;

export function paintLane(
  segments: readonly DrawSegment[],
  { x, y, h }: Geometry,
  describeValue: (v: number | null) => DescribedEnum,
  unknownLabel: string,
): { wide: SpanPaint[]; batches: PathBatch[] } {
  // A lane holds a handful of values; translating each once keeps a dense lane cheap.
  const described = new Map<number | null, DescribedEnum>();
  const describe = (v: number | null): DescribedEnum => {
    let d = described.get(v);
    if (d === undefined) {
      d = describeValue(v);
      described.set(v, d);
    }
    return d;
  };
  const wide: SpanPaint[] = [];
  const paths = new Map<string, string[]>();
  const batch = (fill: string, d: string) => {
    const list = paths.get(fill);
    if (list) list.push(d);
    else paths.set(fill, [d]);
  };
  const toneOf = (v: number | null): Tone => describe(v).tone ?? 'neutral';
  for (const s of segments) {
    // An instant (seen by one answer) gets 2 px around its moment.
    const x0 = s.from === s.to ? x(s.from) - 1 : x(s.from);
    const w = Math.max(s.from === s.to ? 2 : 1, x(s.to) - x0);
    let fill: string | undefined;
    let overlay: SpanPaint['overlay'];
    let glyph = '?';
    let label = unknownLabel;
    let attrs: Record<string, string>;
    let alarm: { y: number; h: number } | undefined;
    if (s.kind === 'state') {
      const d = describe(s.value);
      fill = TONE_FILL[d.tone ?? 'neutral'];
      if (ALARMING.has(d.tone ?? 'neutral')) alarm = { y, h };
      glyph = d.glyph ?? '';
      label = d.label;
      attrs = { 'data-kind': 'state', 'data-value': String(s.value ?? '') };
    } else if (s.kind === 'unknown') {
      attrs = { 'data-kind': 'unknown', 'data-reason': s.reason };
    } else {
      const mix = mixBars(s, toneOf);
      fill = TONE_FILL[mix.base];
      overlay = mix.overlay && { fill: TONE_FILL[mix.overlay.tone], height: Math.max(2, Math.round(h * mix.overlay.share)) };
      if (ALARMING.has(mix.base)) alarm = { y, h };
      else if (overlay && mix.overlay && ALARMING.has(mix.overlay.tone)) alarm = { y: y + h - overlay.height, h: overlay.height };
      glyph = '≋';
      label = s.values.map((v) => describe(v).glyph ?? '').join('');
      attrs = { 'data-kind': 'mixed', 'data-values': s.values.join(',') };
    }
    if (w < WIDE_PX) {
      batch(fill ?? 'hatch', rectPath(x0, y, w, h));
      if (overlay) batch(overlay.fill, rectPath(x0, y + h - overlay.height, w, overlay.height));
      if (alarm) batch('stripes', rectPath(x0, alarm.y, w, alarm.h));
      continue;
    }
    const text = w >= textWidth(`${glyph} ${label}`) + 10 ? `${glyph} ${label}` : w >= 16 ? glyph : '';
    wide.push({ key: s.from, x: x0, w, fill, overlay, striped: alarm !== undefined && alarm.h === h, mixed: s.kind === 'mixed', text, attrs: { ...attrs, 'data-from': String(s.from), 'data-to': String(s.to) } });
  }
  return { wide, batches: [...paths].map(([fill, d]) => ({ fill, d: d.join('') })) };
}
