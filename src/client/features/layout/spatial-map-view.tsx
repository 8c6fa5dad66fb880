import { useTranslation } from 'react-i18next';
import type { DrawBox } from './draw-boxes.ts';
import type { SpatialScene } from './spatial-map.ts';

const SIZE = 168;
const PAD = 14;
const span = SIZE - 2 * PAD;

/** The top-down map of SpatialPosition: forward up, right to the right, the audience and its facing. */
export function SpatialMap({ scene, boxes }: { scene: SpatialScene; boxes: ReadonlyMap<string, DrawBox> }) {
  const { t } = useTranslation();
  const at = (u: number, v: number) => ({ x: PAD + u * span, y: PAD + v * span });
  const audience = at(scene.audienceMap.x, scene.audienceMap.y);
  return (
    <figure
      data-testid="spatial-map"
      className="pointer-events-none absolute top-2 right-2 rounded-md bg-white/90 p-1.5 text-[10px] text-slate-800 shadow ring-1 ring-slate-300 dark:bg-slate-900/90 dark:text-slate-100 dark:ring-slate-600"
    >
      <figcaption className="mb-0.5 max-w-[168px] font-semibold">{t('inspector.spatial.title')}</figcaption>
      <svg width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} aria-hidden="true">
        <rect x={PAD} y={PAD} width={span} height={span} fill="none" stroke="currentColor" strokeOpacity={0.35} />
        <line x1={PAD + span / 2} y1={PAD} x2={PAD + span / 2} y2={PAD + span} stroke="currentColor" strokeOpacity={0.2} />
        <line x1={PAD} y1={PAD + span / 2} x2={PAD + span} y2={PAD + span / 2} stroke="currentColor" strokeOpacity={0.2} />
        <text x={PAD + span / 2 + 3} y={PAD - 4} fill="currentColor">{t('inspector.spatial.forward')}</text>
        <text x={SIZE - 2} y={PAD + span / 2 - 3} textAnchor="end" fill="currentColor">{t('inspector.spatial.right')}</text>
        <line x1={audience.x} y1={audience.y} x2={audience.x + scene.forward.x * 14} y2={audience.y + scene.forward.y * 14} stroke="currentColor" strokeWidth={2} />
        <circle cx={audience.x} cy={audience.y} r={4} fill="currentColor" />
        {scene.marks.map((m) => {
          const p = at(m.mapX, m.mapY);
          const box = boxes.get(m.id);
          return (
            <g key={m.id} opacity={m.ignored ? 0.45 : 1}>
              <circle cx={p.x} cy={p.y} r={5} fill={box?.colour ?? '#999999'} stroke="#0f172a" strokeWidth={1} strokeDasharray={m.outOfRange ? '2 2' : undefined} />
            </g>
          );
        })}
      </svg>
      <p className="max-w-[168px]">● {t('inspector.spatial.audience')}</p>
      {!scene.enabled && <p className="max-w-[168px] text-amber-800 dark:text-amber-300">{t('inspector.spatial.off')}</p>}
    </figure>
  );
}
