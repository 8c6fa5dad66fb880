import { useTranslation } from 'react-i18next';
import type { OutputResponse } from '../../../../shared/output-api.ts';
import { appliedCanvasSize } from '../../../../shared/output-compare-size.ts';
import { ENCODE_DEFAULTS } from '../../../../shared/output-compare-encode.ts';
import type { TaskModel } from '../../../../shared/task-model.ts';
import { MUTED_TEXT } from '../../../design-system/surface.ts';

const one = (n: number) => Math.round(n * 10) / 10;

/** Declared, applied (SEI) and stream side by side: canvas, regions, frame rate, GOP, bitrate, profile. */
export function OutputFacts({ model, output }: { model: TaskModel; output: OutputResponse }) {
  const { t } = useTranslation();
  const { layout } = model;
  const encode = model.task.Encode;
  const { stream, applied } = output;
  const none = t('output.facts.none');
  const size = (width: number | null, height: number | null) => (width === null || height === null ? none : t('output.facts.size', { width, height }));
  const fps = (v: number | null | undefined) => (v === null || v === undefined ? none : t('output.facts.fpsValue', { fps: one(v) }));
  const gop = (v: number | null | undefined) => (v === null || v === undefined ? none : t('output.facts.gopValue', { seconds: one(v) }));
  const kbps = (v: number | null | undefined) => (v === null || v === undefined || v === 0 ? none : t('output.facts.kbps', { kbps: Math.round(v) }));
  const appliedCanvas = appliedCanvasSize(applied, stream);
  const rows: [string, string, string, string][] = [
    [t('output.facts.canvas'), size(layout.canvas.width.value, layout.canvas.height.value), size(appliedCanvas.width, appliedCanvas.height), size(stream.width, stream.height)],
    [t('output.facts.regions'), String(layout.regions.length), String(applied.regions.length), none],
    [t('output.facts.fps'), fps(encode?.VideoFps ?? ENCODE_DEFAULTS.VideoFps), none, fps(stream.fps)],
    [t('output.facts.gop'), gop(encode?.VideoGop ?? ENCODE_DEFAULTS.VideoGop), none, gop(stream.gopSeconds)],
    [t('output.facts.bitrate'), kbps(encode?.VideoBitrate), none, kbps(stream.videoBitrateKbps)],
    [t('output.facts.profile'), none, none, `${stream.profile.name ?? stream.profile.idc} ${stream.profile.level}`],
  ];
  return (
    <div className="overflow-x-auto">
      <table data-testid="output-facts" className="w-full text-left text-sm tabular-nums">
        <caption className={`mb-1 text-left text-xs ${MUTED_TEXT}`}>{t('output.facts.caption')}</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-600">
            {[t('output.facts.what'), t('output.facts.declared'), t('output.facts.applied'), t('output.facts.stream')].map((h) => <th key={h} scope="col" className="py-1 pr-2 font-medium">{h}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map(([what, ...cells]) => (
            <tr key={what} data-fact={what} className="border-b border-slate-200 last:border-0 dark:border-slate-700">
              <th scope="row" className="py-1 pr-2 font-normal">{what}</th>
              {cells.map((c, i) => <td key={i} className="py-1 pr-2">{c}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
