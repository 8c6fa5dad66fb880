/**
 * Pairs the state changes a simulator reported (by callback) with the moments a screen first showed
 * each one, for the fleet bench. A task's states do not repeat in the life the bench drives, so
 * (task, state) names one change.
 */

export interface ReportedChange {
  taskId: string;
  /** `status/pushState` while the task runs, `end` once it stopped or failed. */
  state: string;
  /** When it happened at the simulator (the callback's EventTime). */
  at: number;
  /** When its callback reached the server's door. */
  deliveredAt: number;
}

export interface StateAges {
  /** Change at the simulator to the screen showing it. */
  fromChange: number[];
  /** Callback delivered to the screen showing it (negative when a poll showed it first). */
  fromDelivery: number[];
  /** Not shown, but a later state of the same task was (the server merged a quick succession). */
  superseded: number;
  /** Neither it nor any later state of its task was shown. */
  lost: number;
}

export const stateKey = (status: number | null, pushState: number | null): string =>
  status === 3 || status === 4 ? 'end' : `${status ?? '-'}/${pushState ?? '-'}`;

export function stateAges(changes: readonly ReportedChange[], firstShown: ReadonlyMap<string, number>): StateAges {
  const out: StateAges = { fromChange: [], fromDelivery: [], superseded: 0, lost: 0 };
  const byTask = new Map<string, ReportedChange[]>();
  for (const c of changes) byTask.set(c.taskId, [...(byTask.get(c.taskId) ?? []), c]);
  for (const list of byTask.values()) {
    const ordered = [...list].sort((a, b) => a.at - b.at);
    ordered.forEach((c, i) => {
      const shown = firstShown.get(`${c.taskId}|${c.state}`);
      if (shown !== undefined) {
        out.fromChange.push(shown - c.at);
        out.fromDelivery.push(shown - c.deliveredAt);
      } else if (ordered.slice(i + 1).some((later) => firstShown.has(`${later.taskId}|${later.state}`))) {
        out.superseded += 1;
      } else {
        out.lost += 1;
      }
    });
  }
  return out;
}

/** The q-quantile (nearest rank below) of a sample; NaN when it is empty. */
export const quantile = (xs: readonly number[], q: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
