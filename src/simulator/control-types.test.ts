import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApiVersion } from '../shared/api-versions.ts';
import { isRejected, requestRules } from '../shared/request-rules.ts';
import { errorOf, getTask, postAction, taskOf, testSim, type TestSim } from './sim-test-kit.ts';

/**
 * The simulator answers Start and Update bodies as the request rules judge them: an Int32 with a
 * fraction, a BusinessId that is not a string and an unusable SEIPayloadUUID fail with
 * InvalidParameter; a UUID beside payload type 100 is ignored.
 */

const KEY = { AppId: 'demo-app', RoomId: 'room-types', TaskId: 'types-mix' };
const BASE = { ...KEY, PushURL: 'rtmp://push.example.com/live/k', TargetStreams: { StreamList: [{ UserId: 'u0', Index: 0 }] } };
const UUID = '566f6c63656e67696e65525443534549';

const start = (t: TestSim, body: unknown, version: ApiVersion = '2023-06-01') => postAction(t, 'StartPushMixedStreamToCDN', body, version);
const update = (t: TestSim, body: object, version: ApiVersion = '2023-06-01') =>
  postAction(t, 'UpdatePushMixedStreamToCDN', { ...KEY, ...body }, version);
const controlOf = async (t: TestSim, version: ApiVersion = '2023-06-01') => taskOf(await getTask(t, KEY, { version }))['Control'];

describe('Int32 fields given a fraction', () => {
  it.each([
    ['Encode', { VideoFps: 29.97 }, '2023-11-01'], ['Encode', { VideoBitrate: 1500.5 }, '2023-06-01'],
    ['Encode', { VideoGop: 2.5 }, '2020-12-01'], ['Encode', { AudioBitrate: 64.1 }, '2023-11-01'],
    ['Control', { MaxIdleTime: 180.5 }, '2023-11-01'], ['Control', { TalkVolume: 1.5 }, '2020-12-01'],
    ['Control', { VolumeIndicationInterval: 1.5 }, '2020-12-01'], ['Control', { MaxRecordTime: 60.5 }, '2023-06-01'],
    ['Layout', { MainVideoStreamIndex: 0.5 }, '2020-12-01'], ['Layout', { LayoutMode: 0.5 }, '2023-11-01'],
  ] as const)('refuses %s %j in %s, as the rules do', async (section, fields, version) => {
    const body = { ...BASE, [section]: fields };
    expect(isRejected(requestRules(body, 'start', version))).toBe(true);
    const t = testSim();
    expect(errorOf(await start(t, body, version))).toEqual({ code: 'InvalidParameter', status: 400 });
    expect(errorOf(await start(t, { ...BASE, [section]: {} }, version))).toBeUndefined();
  });

  it('refuses a fractional region ZOrder, and a fraction in an update too', async () => {
    const region = (extra: object) => ({ StreamIndex: 0, WidthProportion: 1, HeightProportion: 1, ...extra });
    const t = testSim();
    const custom = (extra: object) => ({ ...BASE, Layout: { LayoutMode: 2, CustomLayout: { Regions: [region(extra)] } } });
    expect(errorOf(await start(t, custom({ ZOrder: 1.5 }), '2020-12-01'))?.code).toBe('InvalidParameter');
    expect(errorOf(await start(t, custom({ ZOrder: 1 }), '2020-12-01'))).toBeUndefined();
    expect(errorOf(await update(t, { SequenceNumber: 1, IsUpdatePartialParam: true, Encode: { VideoFps: 24.5 } }, '2020-12-01'))?.code).toBe('InvalidParameter');
  });
});

describe('BusinessId', () => {
  it('keeps a string, treats null as absent and refuses anything else', async () => {
    const t = testSim();
    expect(errorOf(await start(t, { ...BASE, BusinessId: 7 }))?.code).toBe('InvalidParameter');
    expect(errorOf(await start(t, { ...BASE, BusinessId: null }))).toBeUndefined();
    expect(errorOf(await update(t, { SequenceNumber: 1, IsUpdatePartialParam: true, BusinessId: { id: 'x' } }))?.code).toBe('InvalidParameter');
    expect(errorOf(await update(t, { SequenceNumber: 2, IsUpdatePartialParam: true, BusinessId: 'team-a' }))).toBeUndefined();
  });
});

describe('SEIPayloadUUID', () => {
  const withSei = (sei: object) => ({ ...BASE, Control: { SEIConfig: sei } });

  it('with payload type 5: keeps 32 hex digits, refuses a malformed or missing one', async () => {
    const t = testSim();
    expect(errorOf(await start(t, withSei({ SEIPayLoadType: 5, SEIPayloadUUID: 'VolcengineRTCSEI' })))?.code).toBe('InvalidParameter');
    expect(errorOf(await start(t, withSei({ SEIPayLoadType: 5 })))?.code).toBe('InvalidParameter');
    expect(errorOf(await start(t, withSei({ SEIPayLoadType: 5, SEIPayloadUUID: UUID })))).toBeUndefined();
    expect(await controlOf(t)).toMatchObject({ SEIConfig: { SEIPayLoadType: 5, SEIPayloadUUID: UUID } });
  });

  it('with payload type 100, sent or by default, ignores the UUID however it is written', async () => {
    for (const sei of [{ SEIPayLoadType: 100, SEIPayloadUUID: 'not-hex' }, { SEIPayloadUUID: UUID }]) {
      const t = testSim();
      expect(errorOf(await start(t, withSei(sei)))).toBeUndefined();
      expect(await controlOf(t)).not.toHaveProperty('SEIConfig.SEIPayloadUUID');
    }
  });

  it('judges a partial update against the payload type and UUID the task keeps', async () => {
    const t = testSim();
    await start(t, withSei({ SEIPayLoadType: 5, SEIPayloadUUID: UUID }));
    const partial = (seq: number, sei: object) => update(t, { SequenceNumber: seq, IsUpdatePartialParam: true, Control: { SEIConfig: sei } });
    expect(errorOf(await partial(1, { SEIPayloadUUID: 'bad' }))?.code).toBe('InvalidParameter');
    expect(errorOf(await partial(2, { AddVolumeValue: true }))).toBeUndefined();
    expect(await controlOf(t)).toMatchObject({ SEIConfig: { SEIPayLoadType: 5, SEIPayloadUUID: UUID, AddVolumeValue: true } });
    const other = testSim();
    await start(other, withSei({ SEIPayLoadType: 100 }));
    expect(errorOf(await update(other, { SequenceNumber: 1, IsUpdatePartialParam: true, Control: { SEIConfig: { SEIPayLoadType: 5 } } }))?.code).toBe('InvalidParameter');
  });
});

describe('the simulator and the request rules agree', () => {
  const value = fc.oneof(fc.constant(undefined), fc.integer({ min: -5, max: 300 }), fc.double({ min: -5, max: 300, noNaN: true }), fc.constant('7'));
  const sei = fc.record({
    SEIPayLoadType: fc.constantFrom(undefined, 5, 100, 7, 5.5),
    SEIPayloadUUID: fc.constantFrom(undefined, UUID, UUID.toUpperCase(), 'not-hex', 12),
  });
  const body = fc.record({
    Encode: fc.record({ VideoFps: value, VideoGop: value, AudioBitrate: value }),
    Control: fc.record({ MaxIdleTime: value, MaxRecordTime: value, SEIConfig: sei }),
    BusinessId: fc.constantFrom(undefined, null, 'team', 3),
  });

  it('refuses a Start body exactly when the rules call it rejected', async () => {
    await fc.assert(fc.asyncProperty(body, fc.constantFrom<ApiVersion>('2023-06-01', '2023-11-01'), async (extra, version) => {
      const sent = JSON.parse(JSON.stringify({ ...BASE, ...extra })) as Record<string, unknown>;
      const rejected = isRejected(requestRules(sent, 'start', version));
      const answer = await start(testSim(), sent, version);
      expect(errorOf(answer) !== undefined).toBe(rejected);
    }), { numRuns: 150 });
  });
});
