import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lookAtRegions, rgbOfHex, type RegionLook } from '../../../shared/frame-regions.ts';
import { emptyRegions, isKnownLeaveReason, type EmptyRegion } from '../../../shared/presence-warnings.ts';
import type { TaskModel } from '../../../shared/task-model.ts';
import type { TaskRef } from '../../../shared/task-ref.ts';
import { configQueries } from '../../lib/config-queries.ts';
import { useServerNow } from '../../lib/server-now.ts';
import { useTaskEvents } from '../../lib/task-events-queries.ts';
import { formatInstant, useTimeMode } from '../../lib/time-setting.ts';
import { useElementWidth } from '../../lib/use-element-width.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';
import { LABEL_FONT_PX, measureLabel } from './label-fit.ts';
import type { AppliedBox } from './scene/applied-boxes.ts';
import { videoOverlayScene } from './scene/build-scene.ts';
import type { LayoutParts } from './scene/layout-parts.ts';
import { SceneSvg } from './scene/scene-svg.tsx';
import { useOutputPlayer } from './output/use-output-player.ts';

export interface OutputPlayerProps {
  /** The server's relay of the output (GET /api/task/output/stream?…). */
  streamPath: string;
  parts: LayoutParts;
  /** The applied layout, once compared; the overlay toggle shows only then. */
  applied: readonly AppliedBox[] | undefined;
  /** A frozen frame (or none again), for Export PNG. */
  onFrozen: (frame: HTMLCanvasElement | null) => void;
  /** The task, whose room's presence explains a region found empty. */
  taskRef: TaskRef;
  model: TaskModel;
}

const BUTTON = 'rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';
/** Only the regions a viewer can see some of are judged: a covered one shows whatever covers it. */
const JUDGED_SHARE = 0.5;

/**
 * "Seen": the output played through the server, the declared regions drawn over it (the one
 * scene, as outlines), labels and the applied regions as toggled. A frame can be frozen onto a
 * canvas and checked region by region for regions nobody is in.
 */
export function OutputPlayer(props: OutputPlayerProps) {
  const config = useQuery(configQueries.server());
  // Without pull rules there is nothing to play; the comparison panel says how to configure them.
  return config.data?.outputPull ? <Player {...props} /> : null;
}

function Player({ streamPath, parts, applied, onFrozen, taskRef, model }: OutputPlayerProps) {
  const { t } = useTranslation();
  const presence = useAbsentUsers(taskRef, model);
  const titleId = useId();
  const video = useRef<HTMLVideoElement>(null);
  const still = useRef<HTMLCanvasElement>(null);
  const [box, width] = useElementWidth<HTMLDivElement>();
  const { state, play, stop } = useOutputPlayer(video, streamPath);
  const [labels, setLabels] = useState(true);
  const [showApplied, setShowApplied] = useState(true);
  const [looks, setLooks] = useState<RegionLook[]>();
  const [note, setNote] = useState<string>();
  const { canvas } = parts;
  const scene = useMemo(() => videoOverlayScene(parts, {
    scale: width > 0 ? width / canvas.width : 1, fontPx: LABEL_FONT_PX, measure: (s: string) => measureLabel(s, LABEL_FONT_PX), labels,
    applied: showApplied ? applied : undefined,
  }), [parts, width, canvas.width, labels, showApplied, applied]);
  const names = useMemo(() => new Map(parts.boxes.map((b) => [b.id, b.label])), [parts]);

  const live = useCallback(() => {
    setLooks(undefined);
    onFrozen(null);
    void video.current?.play().catch(() => undefined);
  }, [onFrozen]);

  const freeze = useCallback(() => {
    const v = video.current;
    const c = still.current;
    const ctx = c?.getContext('2d', { willReadFrequently: true });
    if (!v || !c || !ctx || v.videoWidth === 0 || v.videoHeight === 0) {
      setNote(t('output.player.noPicture'));
      return;
    }
    setNote(undefined);
    v.pause();
    c.width = v.videoWidth;
    c.height = v.videoHeight;
    ctx.drawImage(v, 0, 0, c.width, c.height);
    const frame = ctx.getImageData(0, 0, c.width, c.height);
    const judged = parts.boxes.filter((b) => b.rect.width > 0 && b.rect.height > 0 && (parts.visibility.get(b.id)?.visible ?? 1) >= JUDGED_SHARE);
    setLooks(lookAtRegions(frame, canvas, judged, rgbOfHex(parts.background.colour)));
    onFrozen(c);
  }, [canvas, onFrozen, parts, t]);

  const active = state.kind === 'connecting' || state.kind === 'playing';
  const frozen = looks !== undefined;
  return (
    <section aria-labelledby={titleId} data-testid="output-player" data-state={state.kind} data-frozen={frozen ? 'true' : 'false'} className="space-y-2">
      <h3 id={titleId} className="font-semibold">{t('output.player.title')}</h3>
      <div className="flex flex-wrap items-center gap-2">
        {active ? (
          <button type="button" className={BUTTON} onClick={() => { stop(); live(); }}>■ {t('output.player.stop')}</button>
        ) : (
          <button type="button" className={BUTTON} onClick={() => void play()} disabled={state.kind === 'loading'}>▶ {t('output.player.play')}</button>
        )}
        <button type="button" className={BUTTON} disabled={state.kind !== 'playing'} onClick={frozen ? live : freeze}>
          {frozen ? t('output.player.live') : t('output.player.freeze')}
        </button>
        <label className="flex cursor-pointer items-center gap-1.5 text-sm">
          <input type="checkbox" checked={labels} onChange={(e) => setLabels(e.target.checked)} className="h-4 w-4 accent-sky-700" />
          {t('output.player.labels')}
        </label>
        {applied && (
          <label className="flex cursor-pointer items-center gap-1.5 text-sm">
            <input type="checkbox" checked={showApplied} onChange={(e) => setShowApplied(e.target.checked)} className="h-4 w-4 accent-fuchsia-700" />
            {t('output.player.applied')}
          </label>
        )}
      </div>
      {state.kind === 'loading' && <p role="status" className={`text-sm ${MUTED_TEXT}`}>{t('output.player.loading')}</p>}
      {state.kind === 'connecting' && <p role="status" className={`text-sm ${MUTED_TEXT}`}>{t('output.player.connecting')}</p>}
      {state.kind === 'failed' && <p role="alert" className="text-sm text-orange-900 dark:text-orange-200">✕ {t('output.player.failed', { reason: state.reason })}</p>}
      {state.kind === 'ended' && <p role="status" className="text-sm">{t('output.player.ended')}</p>}
      {state.kind === 'unsupported' && <p role="alert" className="text-sm text-orange-900 dark:text-orange-200">✕ {t('output.player.unsupported')}</p>}
      {note && <p role="status" className="text-sm">{note}</p>}
      <div ref={box} className="relative w-full overflow-hidden rounded-md bg-black" style={{ aspectRatio: `${canvas.width} / ${canvas.height}` }} hidden={state.kind === 'idle'}>
        <video ref={video} muted playsInline controls={!frozen} aria-label={t('output.player.video')} className={`absolute inset-0 h-full w-full object-contain ${frozen ? 'invisible' : ''}`} />
        <canvas ref={still} data-testid="frozen-frame" className={`absolute inset-0 h-full w-full object-contain ${frozen ? '' : 'invisible'}`} />
        <SceneSvg scene={scene} frame={{ kind: 'fill', className: 'pointer-events-none absolute inset-0 h-full w-full' }} idPrefix="video-overlay-" />
      </div>
      {looks && (
        <div>
          <h4 className="text-sm font-medium">{t('output.look.title')}</h4>
          <ul data-testid="frame-looks" className="mt-1 space-y-1">
            {looks.map((l) => {
              const dark = l.verdict === 'empty' || l.verdict === 'background';
              // A user who left sends nothing: a picture there is whatever lies under the region.
              const gone = l.verdict === 'offFrame' ? undefined : presence.absent.get(l.id);
              const warn = dark || gone !== undefined;
              return (
                <li key={l.id} data-region={l.id} data-verdict={l.verdict} className={`rounded-md border-l-4 p-1.5 text-sm ${warn ? 'border-amber-400 bg-amber-50 dark:bg-amber-950/60' : 'border-slate-300 dark:border-slate-600'}`}>
                  <span aria-hidden="true">{warn ? '⚠ ' : '✓ '}</span>
                  {t(`output.look.${l.verdict}`, { region: names.get(l.id) ?? l.id })}
                  {gone && <LeftTheRoom gone={gone} now={presence.now} underneath={!dark} />}
                </li>
              );
            })}
          </ul>
          <p className={`mt-1 text-xs ${MUTED_TEXT}`}>{t('output.look.inExport')}</p>
        </div>
      )}
    </section>
  );
}

/** Who is out of the room now, by region, from the callbacks (the page's one presence query). */
function useAbsentUsers(taskRef: TaskRef, model: TaskModel): { absent: ReadonlyMap<string, EmptyRegion>; now: number } {
  const { data, dataUpdatedAt } = useTaskEvents(taskRef, model);
  const now = useServerNow(data?.now, dataUpdatedAt);
  const at = model.endTime ?? now;
  const absent = useMemo(() => {
    if (!data) return new Map<string, EmptyRegion>();
    const regions = model.layout.regions.map((r) => ({ id: r.id, userId: r.stream?.userId }));
    return new Map(emptyRegions(regions, data.presence, at).map((e) => [e.regionId, e]));
  }, [data, model.layout, at]);
  return { absent, now };
}

function LeftTheRoom({ gone, now, underneath }: { gone: EmptyRegion; now: number; underneath: boolean }) {
  const { t, i18n } = useTranslation();
  const [mode] = useTimeMode();
  const reason = gone.reason === null ? '?' : isKnownLeaveReason(gone.reason) ? t(`presence.reason.${gone.reason}`) : gone.reason;
  return (
    <span data-testid="frame-look-left" className="block">
      {t(underneath ? 'output.look.leftUnder' : 'output.look.left', { user: gone.userId, time: formatInstant(gone.leftAt, mode, i18n.language, now), reason })}
    </span>
  );
}
