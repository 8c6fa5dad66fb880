import { useTranslation } from 'react-i18next';
import type { SourceFrame } from '../../../shared/source-frame.ts';
import { fmt } from './region-fields.ts';
import { renderSummary } from './source-frame-draw.ts';

const pct = (share: number) => fmt(share * 100, 1);

/** What RenderMode and SourceCrop do, in words: distortion, what is cut, the bars, what was reset. */
export function SourceFrameText({ result, sentRenderMode }: { result: SourceFrame; sentRenderMode: number }) {
  const { t } = useTranslation();
  const s = renderSummary(result);
  const lines: { key: string; text: string; problem?: boolean }[] = [
    { key: 'kind', text: t(`inspector.source.kind_${s.kind}`, { mode: result.renderMode }) },
  ];
  if (s.kind === 'stretch') {
    const d = s.distortion;
    const text = Math.abs(d - 1) < 0.005 ? t('inspector.source.noDistortion')
      : d > 1 ? t('inspector.source.distortion', { factor: fmt(d, 2) })
        : t('inspector.source.distortionTall', { factor: fmt(1 / d, 2) });
    lines.push({ key: 'distortion', text, problem: Math.abs(d - 1) >= 0.05 });
  } else {
    lines.push({ key: 'distortion', text: t('inspector.source.noDistortion') });
  }
  if (s.kind === 'cropFill' && (s.cut.x > 0.0005 || s.cut.y > 0.0005)) lines.push({ key: 'cut', text: t('inspector.source.cut', { x: pct(s.cut.x), y: pct(s.cut.y) }) });
  if (s.kind === 'fit' && s.barShare > 0.0005) lines.push({ key: 'bars', text: t('inspector.source.bars', { percent: pct(s.barShare) }) });
  lines.push({ key: 'used', text: t('inspector.source.used', { percent: pct(s.sourceUsed) }), problem: s.sourceUsed < 0.25 });
  if (result.renderModeReset) lines.push({ key: 'rm', text: t('inspector.source.renderModeReset', { value: sentRenderMode }), problem: true });
  if (result.crop.empty) lines.push({ key: 'empty', text: t('inspector.source.cropEmpty'), problem: true });
  result.crop.problems.forEach((p, i) => {
    const params = { field: p.field, value: fmt(p.value), used: fmt(p.used) };
    lines.push({ key: `crop${i}`, text: p.problem === 'overflow' ? t('inspector.source.cropOverflow', params) : t('inspector.source.cropReset', params), problem: true });
  });
  return (
    <ul data-testid="source-frame-text" className="space-y-0.5 text-sm">
      {lines.map((l) => (
        <li key={l.key} className={l.problem ? 'text-amber-900 dark:text-amber-200' : undefined}>
          {l.problem && <span aria-hidden="true">⚠ </span>}{l.text}
        </li>
      ))}
    </ul>
  );
}
