import type { ScaleLinear } from 'd3-scale';
import { useId } from 'react';
import type { CallbackEvent } from '../../../shared/callback-api.ts';
import { isKnownLeaveReason } from '../../../shared/presence-warnings.ts';
import type { TaskEventsResponse } from '../../../shared/task-events-api.ts';
import type { UserPresence } from '../../../shared/room-presence.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';
import { factGlyph, GLYPH_TEXT, presenceBars, type FactGlyph } from './reported-facts-shape.ts';
import { GUTTER } from './timeline-geometry.ts';
import type { TimelineText } from './timeline-text.ts';
import type { ViewRange } from './view-range.ts';

interface Props {
  reported: TaskEventsResponse;
  x: ScaleLinear<number, number>;
  view: ViewRange;
  width: number;
  text: TimelineText;
}

const EVENT_ROW = 22;
const USER_ROW = 16;
const MAX_USERS = 12;
const MAX_LISTED = 6;

const TONE: Record<FactGlyph, string> = {
  start: 'fill-emerald-500 stroke-emerald-900 dark:fill-emerald-400 dark:stroke-emerald-100',
  update: 'fill-white stroke-sky-700 dark:fill-slate-900 dark:stroke-sky-300',
  state: 'fill-sky-500 stroke-sky-900 dark:fill-sky-400 dark:stroke-sky-100',
  stop: 'fill-red-600 stroke-red-950 dark:fill-red-400 dark:stroke-red-100',
  other: 'fill-white stroke-slate-600 dark:fill-slate-900 dark:stroke-slate-300',
};

function Glyph({ kind, cx, cy }: { kind: FactGlyph; cx: number; cy: number }) {
  const r = 6;
  const common = { strokeWidth: 1.5, className: TONE[kind] };
  if (kind === 'start') return <path d={`M${cx - r + 1},${cy - r} L${cx + r},${cy} L${cx - r + 1},${cy + r} Z`} {...common} />;
  if (kind === 'stop') return <rect x={cx - r + 1} y={cy - r + 1} width={2 * r - 2} height={2 * r - 2} {...common} />;
  if (kind === 'update') return <path d={`M${cx},${cy - r} L${cx + r},${cy} L${cx},${cy + r} L${cx - r},${cy} Z`} {...common} />;
  return <circle cx={cx} cy={cy} r={r - 1} {...common} />;
}

/** Users who left first (they explain empty regions), then by id. */
function usersInOrder(presence: readonly UserPresence[]): UserPresence[] {
  const gone = (u: UserPresence) => (u.spans.at(-1)?.leftAt ?? null) !== null;
  return [...presence].sort((a, b) => Number(gone(b)) - Number(gone(a)));
}

const short = (id: string) => (id.length > 14 ? `${id.slice(0, 13)}…` : id);

/**
 * What Volcengine reported by callback, drawn on the lanes' time axis and listed in words: its
 * Transcode events with their own times (a shape per kind, apart from the polled lanes) and the
 * spans each user of the room was in it.
 */
export function ReportedFacts({ reported, x, view, width, text }: Props) {
  const { t } = text;
  const titleId = useId();
  const plot = Math.max(1, width - GUTTER - 8);
  const users = usersInOrder(reported.presence);
  const drawnUsers = users.slice(0, MAX_USERS);
  const height = EVENT_ROW + drawnUsers.length * USER_ROW + 6;
  const inView = reported.events.filter((e) => e.eventTime >= view.from && e.eventTime <= view.to);
  const eventLabel = (e: CallbackEvent) => t(`presence.event.${e.eventType}`, { defaultValue: e.eventType });
  const reason = (r: string | null) => (r === null ? '?' : isKnownLeaveReason(r) ? t(`presence.reason.${r}`) : r);
  const newest = [...reported.events].reverse().slice(0, MAX_LISTED);
  const older = reported.events.length - newest.length;

  return (
    <section aria-labelledby={titleId} data-testid="reported-facts" className="space-y-2 border-t border-dashed border-slate-300 pt-2 dark:border-slate-700">
      <h3 id={titleId} className="text-sm font-semibold">
        <span aria-hidden="true">⚑ </span>{t('presence.reportedTitle')}{' '}
        <span className={`font-normal ${MUTED_TEXT}`}>· {t('presence.reportedNote')}</span>
      </h3>
      <svg width={width} height={height} aria-hidden="true" data-testid="reported-chart" className="block">
        <text x={4} y={EVENT_ROW / 2} dominantBaseline="central" fontSize={12} fontWeight={600} className="fill-slate-700 dark:fill-slate-200">⚑ {t('presence.row')}</text>
        {drawnUsers.map((u, i) => (
          <text key={u.userId} x={12} y={EVENT_ROW + i * USER_ROW + USER_ROW / 2} dominantBaseline="central" fontSize={11} className="fill-slate-600 dark:fill-slate-300">
            {short(u.userId)}
          </text>
        ))}
        <g transform={`translate(${GUTTER},0)`}>
          <line x1={0} x2={plot} y1={EVENT_ROW / 2} y2={EVENT_ROW / 2} strokeDasharray="2 3" className="stroke-slate-300 dark:stroke-slate-600" />
          {inView.map((e) => (
            <g key={e.eventId} data-testid="reported-event" data-event-type={e.eventType}>
              <title>{`${eventLabel(e)} · ${t('presence.reportedAt', { time: text.instant(e.eventTime) })}`}</title>
              <Glyph kind={factGlyph(e.eventType)} cx={x(e.eventTime)} cy={EVENT_ROW / 2} />
            </g>
          ))}
          {drawnUsers.map((u, i) => {
            const y = EVENT_ROW + i * USER_ROW + 4;
            return presenceBars(u.spans, view.from, view.to).map((b) => (
              <g key={`${u.userId}-${b.from}`} data-testid="presence-span" data-user={u.userId} data-left={b.leftAt === null ? '' : String(b.leftAt)} data-reason={b.reason ?? ''}>
                <title>{`${u.userId}: ${b.cutStart ? t('presence.joinedUnknown') : t('presence.joined', { time: text.instant(b.from) })} · ${b.leftAt === null ? t('presence.stillIn') : t('presence.left', { time: text.instant(b.leftAt), reason: reason(b.reason) })}`}</title>
                <rect x={x(b.from)} y={y} width={Math.max(2, x(b.to) - x(b.from))} height={USER_ROW - 8} rx={3} className="fill-teal-500/70 dark:fill-teal-400/60" />
                {b.leftAt !== null && (
                  <line x1={x(b.leftAt)} x2={x(b.leftAt)} y1={y - 3} y2={y + USER_ROW - 5} strokeWidth={2.5} className={b.reason === 'connectionLost' ? 'stroke-red-600 dark:stroke-red-400' : 'stroke-slate-600 dark:stroke-slate-300'} />
                )}
              </g>
            ));
          })}
        </g>
      </svg>
      {reported.events.length === 0 ? (
        <p className={`text-sm ${MUTED_TEXT}`}>{t('presence.noEvents')}</p>
      ) : (
        <ul data-testid="reported-events" className="space-y-0.5 text-sm">
          {newest.map((e) => (
            <li key={e.eventId} data-event-type={e.eventType} data-event-time={e.eventTime}>
              <span aria-hidden="true">{GLYPH_TEXT[factGlyph(e.eventType)]} </span>
              <span className="font-medium">{eventLabel(e)}</span>{' '}
              <span className={MUTED_TEXT}>· {t('presence.reportedAt', { time: text.instant(e.eventTime) })}</span>
            </li>
          ))}
          {older > 0 && <li className={MUTED_TEXT}>{t('presence.older', { count: older })}</li>}
        </ul>
      )}
      {users.length > 0 && (
        <ul data-testid="room-presence" aria-label={t('presence.roomRow')} className="space-y-0.5 text-sm">
          {drawnUsers.map((u) => {
            const last = u.spans.at(-1);
            return (
              <li key={u.userId} data-user={u.userId} data-present={String(last?.leftAt === null)}>
                <span className="font-mono">{u.userId}</span>{' '}
                <span className={MUTED_TEXT}>
                  · {last?.joinedAt == null ? t('presence.joinedUnknown') : t('presence.joined', { time: text.instant(last.joinedAt) })}
                  {' · '}{last?.leftAt == null ? t('presence.stillIn') : t('presence.left', { time: text.instant(last.leftAt), reason: reason(last.reason) })}
                </span>
              </li>
            );
          })}
          {users.length > drawnUsers.length && <li className={MUTED_TEXT}>{t('presence.moreUsers', { count: users.length - drawnUsers.length })}</li>}
        </ul>
      )}
    </section>
  );
}
