import { useState } from 'react';
import type { TaskModel } from '../../../shared/task-model.ts';
import type { TimelineText } from './timeline-text.ts';

type Seen = { status: number | undefined; push: number | undefined };

/** Says a Status or push-state change out loud (polite live region); silent on the first render. */
export function StatusAnnouncer({ model, text }: { model: Pick<TaskModel, 'status' | 'pushStreamState'>; text: TimelineText }) {
  const { t } = text;
  const now: Seen = { status: model.status, push: model.pushStreamState };
  const [seen, setSeen] = useState<Seen>(now);
  const [message, setMessage] = useState('');
  // Compared during render (React's "previous props" pattern), not in an effect.
  if (seen.status !== now.status || seen.push !== now.push) {
    const parts: string[] = [];
    const label = (lane: 'status' | 'push', v: number | undefined) => text.value(lane, v ?? null).label;
    if (seen.status !== now.status) parts.push(t('timeline.announce.status', { from: label('status', seen.status), to: label('status', now.status) }));
    if (seen.push !== now.push) parts.push(t('timeline.announce.push', { from: label('push', seen.push), to: label('push', now.push) }));
    setSeen(now);
    setMessage(parts.join(' '));
  }
  return <p aria-live="polite" role="status" className="sr-only" data-testid="status-announcer">{message}</p>;
}
