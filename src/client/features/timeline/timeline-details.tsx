import type { DrawSegment, MarkerCluster } from '../../../shared/timeline-downsample.ts';
import type { InferredSpan } from './inferred-spans.ts';
import type { DemoLanes } from './demo-spans.ts';
import type { ActiveItem } from './timeline-geometry.ts';
import type { TimelineText } from './timeline-text.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

interface Props {
  active: ActiveItem | null;
  item: DrawSegment | MarkerCluster | undefined;
  /** Status time implied by the task's StartTime and EndTime. */
  inferred: readonly InferredSpan[];
  /** The simulator's past where nothing was observed, and the moment pointed at or focused. */
  demo?: DemoLanes | undefined;
  moment: number | null;
  text: TimelineText;
  /** Shown when nothing is hovered or focused. */
  idle: string;
}

function Span({ from, to, text }: { from: number; to: number; text: TimelineText }) {
  const { t } = text;
  return (
    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm sm:grid-cols-[auto_1fr_auto_1fr_auto_1fr]">
      <dt className={MUTED_TEXT}>{t('timeline.from')}</dt>
      <dd data-testid="detail-from">{text.instant(from)}</dd>
      <dt className={MUTED_TEXT}>{t('timeline.to')}</dt>
      <dd data-testid="detail-to">{text.instant(to)}</dd>
      <dt className={MUTED_TEXT}>{t('timeline.duration')}</dt>
      <dd data-testid="detail-duration">{text.duration(to - from)}</dd>
    </dl>
  );
}

/** State, from, to and duration of what the pointer or the keyboard is on; read out politely. */
export function TimelineDetails({ active, item, inferred, demo, moment, text, idle }: Props) {
  const { t } = text;
  let body;
  if (active === null || item === undefined) {
    body = <p className={`text-sm ${MUTED_TEXT}`}>{idle}</p>;
  } else if ('markers' in item) {
    const first = item.markers[0];
    body = (
      <>
        <p className="font-medium">
          {item.markers.length > 1 ? t('timeline.cluster', { count: item.markers.length }) : first && text.markerTitle(first)}
        </p>
        {item.markers.length === 1 && first && (
          <p className="text-sm">
            {text.instant(first.at)}
            {first.since !== null && ` · ${t('timeline.markerSince', { since: text.instant(first.since) })}`}
            {' · '}<span className={MUTED_TEXT}>{t('timeline.selectHint')}</span>
          </p>
        )}
        {item.markers.length > 1 && <Span from={item.from} to={item.to} text={text} />}
      </>
    );
  } else {
    const lane = active.row === 'push' ? 'push' : 'status';
    const implied = lane === 'status' && item.kind !== 'state' ? inferred.find((s) => s.from < item.to && s.to > item.from) : undefined;
    // The demo span at the moment, else the first one in the span.
    const at = moment !== null && moment >= item.from && moment <= item.to ? moment : undefined;
    const demoSpan = item.kind !== 'state' ? demo?.[lane].find((s) => (at === undefined ? s.from < item.to && s.to > item.from : s.from <= at && at < s.to)) : undefined;
    body = (
      <>
        <p className="font-medium">
          <span className={MUTED_TEXT}>{t(`timeline.lanes.${lane}`)}: </span>
          <span data-testid="detail-state">{text.segmentTitle(lane, item)}</span>
        </p>
        {item.kind === 'unknown' && item.error && (
          <p className="text-sm text-orange-800 dark:text-orange-300">{t('timeline.failedWith', { code: item.error.code, message: item.error.kind === 'upstream' ? item.error.message : t(`serverError.${item.error.kind}`, { retryAfter: 1, defaultValue: item.error.message }) })}</p>
        )}
        {implied && (
          <p className="text-sm" data-testid="detail-inferred">
            {t('timeline.inferredDetail', { state: text.segmentTitle('status', { kind: 'state', from: implied.from, to: implied.to, value: implied.value }), from: text.instant(implied.from), to: text.instant(implied.to) })}
          </p>
        )}
        {demoSpan && (
          <p className="text-sm" data-testid="detail-demo">
            {t('timeline.demo.detail', { state: text.segmentTitle(lane, { kind: 'state', from: demoSpan.from, to: demoSpan.to, value: demoSpan.value }), from: text.instant(demoSpan.from), to: text.instant(demoSpan.to) })}
          </p>
        )}
        <Span from={item.from} to={item.to} text={text} />
      </>
    );
  }
  return (
    <div aria-live="polite" data-testid="timeline-details" className="min-h-[4.5rem] rounded-md bg-slate-50 px-3 py-2 dark:bg-slate-800/60">
      {body}
    </div>
  );
}
