import type { TaskRef } from '../../shared/task-ref.ts';
import type { GovernedOutcome } from '../governor/governor-types.ts';
import type { Logger } from '../logger.ts';
import type { RoomClient, RoomOutcome } from '../upstream-room-client.ts';
import type { LeaseGate } from '../watcher/watcher-lease.ts';
import { createPacer } from './pacer.ts';

/**
 * The room sweep, for apps that send no callbacks: every period, each swept AppId's rooms alive in
 * the last 24 hours (ListRoomInfo, paged), who is in each (GetRoomOnlineUsers), and each user's
 * first client-started task (GetPushMixedStreamToCDNTask by UserId, through the governor at
 * background priority). Tasks found go on the watch list labelled `sweep`.
 */

export const SWEEP_WATCH_LABEL = 'sweep';
export const LIST_ROOM_INFO_QPS = 10;
export const GET_ROOM_ONLINE_USERS_QPS = 40;
const PAGE_SIZE = 100;
/** ListRoomInfo answers at most 24 hours per query; a little less keeps clock skew inside it. */
const LOOKBACK_MS = 24 * 60 * 60 * 1000 - 60_000;
const MAX_PAGES = 50;
const MAX_BACKOFF_MS = 10 * 60_000;

export interface SweeperDeps {
  appIds: readonly string[];
  rooms: RoomClient;
  /** GetPushMixedStreamToCDNTask through the governor at background priority. */
  getTask: (ref: TaskRef) => Promise<GovernedOutcome>;
  watch: (ref: TaskRef, opts: { label: string }) => Promise<unknown>;
  /** Task time: what the rooms' times are in. */
  now: () => number;
  periodMs: number;
  logger: Logger;
  lease?: LeaseGate;
  onError?: (stage: 'rooms' | 'users' | 'task' | 'watch') => void;
  onFound?: () => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface SweepReport {
  rooms: number;
  users: number;
  found: number;
  failed: boolean;
}

export interface Sweeper {
  /** One sweep of every AppId. */
  sweepOnce(): Promise<SweepReport>;
  start(): void;
  stop(): Promise<void>;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : []);
const describe = (o: RoomOutcome) => (o.kind === 'ok' ? 'ok' : o.kind === 'upstream-error' ? `${o.error.code}: ${o.error.message}` : o.message);

export function createSweeper(deps: SweeperDeps): Sweeper {
  const { logger } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const wall = () => Date.now();
  const listPacer = createPacer(LIST_ROOM_INFO_QPS, wall, sleep);
  const usersPacer = createPacer(GET_ROOM_ONLINE_USERS_QPS, wall, sleep);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  let failures = 0;

  function failed(stage: 'rooms' | 'users' | 'task' | 'watch', detail: Record<string, unknown>): void {
    deps.onError?.(stage);
    logger.warn({ stage, ...detail }, 'room sweep step failed');
  }

  async function activeRooms(appId: string): Promise<string[] | undefined> {
    const end = deps.now();
    const rooms: string[] = [];
    for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum += 1) {
      await listPacer.take();
      const page = await deps.rooms.query({ action: 'ListRoomInfo', appId, startTime: end - LOOKBACK_MS, endTime: end, pageNum, pageSize: PAGE_SIZE });
      if (page.kind !== 'ok') {
        failed('rooms', { appId, error: describe(page) });
        return undefined;
      }
      const list = Array.isArray(page.result['RoomList']) ? (page.result['RoomList'] as unknown[]) : [];
      for (const room of list) {
        const r = room as Record<string, unknown>;
        if (typeof r['RoomId'] === 'string' && r['IsFinished'] !== true) rooms.push(r['RoomId']);
      }
      if (page.result['HasMore'] !== true || list.length === 0) break;
    }
    return [...new Set(rooms)];
  }

  async function sweepApp(appId: string, report: SweepReport): Promise<void> {
    const rooms = await activeRooms(appId);
    if (rooms === undefined) {
      report.failed = true;
      return;
    }
    for (const roomId of rooms) {
      if (stopped) return;
      report.rooms += 1;
      await usersPacer.take();
      const online = await deps.rooms.query({ action: 'GetRoomOnlineUsers', appId, roomId });
      if (online.kind !== 'ok') {
        failed('users', { appId, roomId, error: describe(online) });
        report.failed = true;
        continue;
      }
      for (const userId of strings(online.result['VisibleUserList'])) {
        if (stopped) return;
        report.users += 1;
        const answer = await deps.getTask({ version: '2020-12-01', appId, roomId, userId });
        if (answer.kind === 'throttled' || answer.kind === 'circuit-open') {
          // People come first: this round ends, the next one starts where the budget allows.
          report.failed = true;
          return;
        }
        if (answer.kind === 'upstream-error') {
          if (!answer.error.code.includes('TaskNotFound')) failed('task', { appId, roomId, userId, error: answer.error.code });
          continue;
        }
        if (answer.kind !== 'ok') {
          failed('task', { appId, roomId, userId, error: answer.kind });
          report.failed = true;
          continue;
        }
        const taskId = typeof answer.task['TaskId'] === 'string' && answer.task['TaskId'] !== '' ? answer.task['TaskId'] : userId;
        try {
          await deps.watch({ version: '2020-12-01', appId, roomId, taskId }, { label: SWEEP_WATCH_LABEL });
          report.found += 1;
          deps.onFound?.();
        } catch (err) {
          failed('watch', { appId, roomId, taskId, error: err instanceof Error ? err.message : String(err) });
        }
      }
    }
  }

  async function sweepOnce(): Promise<SweepReport> {
    const report: SweepReport = { rooms: 0, users: 0, found: 0, failed: false };
    for (const appId of deps.appIds) {
      if (stopped) break;
      await sweepApp(appId, report);
    }
    logger.info({ ...report }, 'room sweep done');
    return report;
  }

  function schedule(ms: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      // Only the replica that holds the watcher lease sweeps, so replicas don't sweep twice.
      if (deps.lease !== undefined && !deps.lease.held()) {
        schedule(deps.periodMs);
        return;
      }
      const round = sweepOnce().then(
        (r) => { failures = r.failed ? failures + 1 : 0; },
        (err: unknown) => { failures += 1; logger.error({ err: err instanceof Error ? err.message : String(err) }, 'room sweep failed'); },
      );
      running = round;
      void round.finally(() => {
        running = undefined;
        // Repeated failures back off, doubling up to ten minutes.
        schedule(Math.min(deps.periodMs * 2 ** Math.min(failures, 10), Math.max(deps.periodMs, MAX_BACKOFF_MS)));
      });
    }, ms);
    timer.unref?.();
  }

  return {
    sweepOnce,
    start: () => schedule(0),
    stop: async () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await running;
    },
  };
}
