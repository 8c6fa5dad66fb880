import { useTranslation } from 'react-i18next';
import type { SourceFindings } from '../../../shared/source-frame-findings.ts';
import { fmt } from './region-fields.ts';

const pct = (share: number) => fmt(share * 100, 1);

/**
 * What RenderMode and SourceCrop do, in words: distortion, what is cut, the bars, what was reset.
 * A line is marked a problem from the same findings the warnings list is built from.
 */
export function SourceFrameText({ findings, renderModeResetFrom }: { findings: SourceFindings; renderModeResetFrom: number | undefined }) {
  const { t } = useTranslation();
  const { frame: result, summary: s } = findings;
  const lines: { key: string; text: string; problem?: boolean }[] = [
    { key: 'kind', text: t(`inspector.source.kind_${s.kind}`, { mode: result.renderMode }) },
  ];
  if (s.kind === 'stretch') {
    const d = s.distortion;
    const text = Math.abs(d - 1) < 0.005 ? t('inspector.source.noDistortion')
      : d > 1 ? t('inspector.source.distortion', { factor: fmt(d, 2) })
        : t('inspector.source.distortionTall', { factor: fmt(1 / d, 2) });
    lines.push({ key: 'distortion', text, problem: findings.stretch !== undefined });
  } else {
    lines.push({ key: 'distortion', text: t('inspector.source.noDistortion') });
  }
  const aspect = findings.cropAspect !== undefined;
  if (s.kind === 'cropFill' && (s.cut.x > 0.0005 || s.cut.y > 0.0005)) lines.push({ key: 'cut', text: t('inspector.source.cut', { x: pct(s.cut.x), y: pct(s.cut.y) }), problem: aspect });
  if (s.kind === 'fit' && s.barShare > 0.0005) lines.push({ key: 'bars', text: t('inspector.source.bars', { percent: pct(s.barShare) }), problem: aspect });
  lines.push({ key: 'used', text: t('inspector.source.used', { percent: pct(s.sourceUsed) }), problem: findings.croppedAway });
  if (renderModeResetFrom !== undefined) lines.push({ key: 'rm', text: t('inspector.source.renderModeReset', { value: renderModeResetFrom }), problem: true });
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
