import { VolcSeiJsonSchema, type AppliedLayout } from '../output-api.ts';

export type AppliedLayoutResult = { ok: true; layout: AppliedLayout } | { ok: false; message: string };

const num = (v: number | undefined) => v ?? null;

/** Volcengine's SEI JSON text as an applied layout, or why it is not one. */
export function appliedLayoutOf(rawJson: string, seiPayloadType: number): AppliedLayoutResult {
  let value: unknown;
  try {
    value = JSON.parse(rawJson);
  } catch (e) {
    return { ok: false, message: `the SEI text is not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const parsed = VolcSeiJsonSchema.safeParse(value);
  if (!parsed.success || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: 'the SEI JSON is not an object with canvas and regions as Volcengine documents it' };
  }
  const { canvas, regions = [], infos } = parsed.data;
  const width = num(canvas?.w);
  const height = num(canvas?.h);
  const rects = regions.map((r) => ({ x: r.x ?? 0, y: r.y ?? 0, width: r.w ?? 0, height: r.h ?? 0 }));
  const allUnit = rects.length > 0 && rects.every((r) => [r.x, r.y, r.width, r.height].every((v) => v >= 0 && v <= 1));
  const units = allUnit && (width ?? 0) > 1 ? 'ratios' : 'pixels';
  return {
    ok: true,
    layout: {
      canvas: { width, height, background: canvas?.bgnd ?? null },
      units,
      regions: regions.map((r, i) => ({
        userId: r.uid ?? null,
        ...(rects[i] ?? { x: 0, y: 0, width: 0, height: 0 }),
        zOrder: num(r.zorder),
        alpha: num(r.alpha),
        renderMode: num(r.renderMode),
      })),
      infos: infos === undefined ? null : infos.map((i) => ({ userId: i.uid ?? null, volume: num(i.volume), talk: i.talk ?? null })),
      seiPayloadType,
      rawJson,
    },
  };
}
