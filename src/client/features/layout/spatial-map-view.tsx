import { useTranslation } from 'react-i18next';
import type { DrawBox } from './draw-boxes.ts';
import type { SpatialScene } from './spatial-map.ts';

const SIZE = 168;
const LISTED = 12;
const PAD = 14;
const span = SIZE - 2 * PAD;

/** The top-down map of SpatialPosition: forward up, right to the right, the audience and its facing. */
export function SpatialMap({ scene, boxes }: { scene: SpatialScene; boxes: ReadonlyMap<string, DrawBox> }) {
  const { t } = useTranslation();
  const at = (u: number, v: number) => ({ x: PAD + u * span, y: PAD + v * span });
  const audience = at(scene.audienceMap.x, scene.audienceMap.y);
  return (
    <figure data-testid="spatial-map" className="mt-2 flex flex-wrap items-start gap-3 rounded-md p-2 text-xs ring-1 ring-slate-200 dark:ring-slate-700">
      <figcaption className="order-2 max-w-xs space-y-1">
        <p className="font-semibold">{t('inspector.spatial.title')}</p>
        <p>● {t('inspector.spatial.audience')}: [{scene.audience.join(', ')}]</p>
        {!scene.enabled && <p className="text-amber-900 dark:text-amber-200">⚠ {t('inspector.spatial.off')}</p>}
        <ul className="space-y-0.5">
          {scene.marks.slice(0, LISTED).map((m) => (
            <li key={m.id} className={m.ignored ? 'text-slate-500 dark:text-slate-400' : undefined}>
              <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: boxes.get(m.id)?.colour }} />
              <span className="font-mono">{boxes.get(m.id)?.label ?? m.id}</span> [{m.position.join(', ')}]
              {m.defaulted && <span className="italic"> · {t('inspector.detail.default')}</span>}
              {m.ignored && <span> · {t('inspector.spatial.ignored')}</span>}
            </li>
          ))}
          {scene.marks.length > LISTED && <li>{t('inspector.spatial.more', { count: scene.marks.length - LISTED })}</li>}
        </ul>
      </figcaption>
      <svg width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} aria-hidden="true" className="order-1 text-[10px]">
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
    </figure>
  );
}
