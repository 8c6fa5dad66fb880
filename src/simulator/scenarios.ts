import { DEMO_SCENARIOS, type DemoScenarioId } from '../shared/demo-scenarios.ts';
import { SECOND, type ScenarioContext } from './scenario-kit.ts';
import { brokenLayout, clientTasks, minimalDefaults } from './scenarios-misc.ts';
import {
  cdnGaveUp, endedByApi, expired72h, faulty, flakyCdn, idleTimeout, startFailure, startingSoon,
} from './scenarios-lifecycle.ts';
import { gallery30, liveBasic, onlineClass, pixel202311, pkBattle, podcastAudio, webinarPip } from './scenarios-layout.ts';
import { createRng, deriveSeed } from './sim-random.ts';
import type { TaskScript } from './sim-types.ts';

type Builder = (ctx: ScenarioContext) => TaskScript[];

/** Every scenario id of the shared list has a builder: the Record type makes a missing one a compile error. */
const BUILDERS: Record<DemoScenarioId, Builder> = {
  'live-basic': liveBasic,
  'online-class': onlineClass,
  'pk-battle': pkBattle,
  'podcast-audio': podcastAudio,
  'webinar-pip': webinarPip,
  'gallery-30': gallery30,
  'broken-layout': brokenLayout,
  'flaky-cdn': flakyCdn,
  'cdn-gave-up': cdnGaveUp,
  'start-failure': startFailure,
  'idle-timeout': idleTimeout,
  'ended-by-api': endedByApi,
  'starting-soon': startingSoon,
  'pixel-2023-11': pixel202311,
  'client-task': clientTasks,
  // Its task is built by client-task (same room, same user).
  'client-first-task': () => [],
  'minimal-defaults': minimalDefaults,
  'expired-72h': expired72h,
  'fault-slow': faulty('slow-mix', { kind: 'latency', value: 3 * SECOND }),
  'fault-5xx': faulty('unavailable-mix', { kind: '5xx', value: 503, periodMs: 60 * SECOND, activeMs: 30 * SECOND }),
  'fault-malformed': faulty('malformed-mix', { kind: 'malformed' }),
  'fault-timeout': faulty('timeout-mix', { kind: 'timeout' }),
  'fault-throttle': faulty('throttled-mix', { kind: 'throttle' }),
};

/**
 * Every scenario's tasks for one simulator: placed relative to its start (`origin`, task time),
 * varied by the seed, each scenario with its own random stream so one does not shift another.
 */
export function buildScenarioScripts(seed: number, origin: number, assetBase: string): TaskScript[] {
  return DEMO_SCENARIOS.flatMap((s) => BUILDERS[s.id]({ origin, assetBase, rng: createRng(deriveSeed(seed, s.id)) }));
}
