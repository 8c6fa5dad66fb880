import { describe, expect, it } from 'vitest';
import { ALREADY_STARTED } from './control-actions.ts';
import { errorOf, getTask, postAction, taskOf, testSim, type TestSim } from './sim-test-kit.ts';

const KEY = { AppId: 'demo-app', RoomId: 'room-new', TaskId: 'new-mix' };
const streams = (n: number) => ({ StreamList: Array.from({ length: n }, (_, i) => ({ UserId: `u${i}`, Index: i })) });
const regions2020 = (n: number) => Array.from({ length: n }, (_, i) => ({ StreamIndex: i, LocationX: 0, LocationY: 0, WidthProportion: 0.5, HeightProportion: 0.5 }));
const custom = (n: number, regions: object[] = regions2020(n)) => ({
  ...KEY, PushURL: 'rtmp://push.example.com/live/new', TargetStreams: streams(n),
  Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1920, Height: 1080 }, Regions: regions } },
});

const start = (t: TestSim, body: unknown, version?: '2023-11-01') => postAction(t, 'StartPushMixedStreamToCDN', body, version);
const update = (t: TestSim, body: object) => postAction(t, 'UpdatePushMixedStreamToCDN', { ...KEY, ...body });
const stop = (t: TestSim) => postAction(t, 'StopPushStreamToCDN', KEY);
const resultOf = (a: Awaited<ReturnType<typeof start>>) => (a.outcome.kind === 'ok' ? a.outcome.result : a.outcome);

describe('StartPushMixedStreamToCDN', () => {
  it('starts a task that Get then follows through its lifecycle', async () => {
    const t = testSim();
    expect(resultOf(await start(t, custom(2)))).toBe('ok');
    expect(taskOf(await getTask(t, KEY))).toMatchObject({ Status: 1, PushStreamState: 0, StartTime: t.wall(), EndTime: 0 });
    t.tick(1500);
    expect(taskOf(await getTask(t, KEY))).toMatchObject({ Status: 2, PushStreamState: 1 });
    t.tick(10_000);
    expect(taskOf(await getTask(t, KEY))).toMatchObject({ Status: 2, PushStreamState: 5 });
  });

  it('answers ok with the documented message when the TaskId is already running', async () => {
    const t = testSim();
    await start(t, custom(2));
    expect(resultOf(await start(t, custom(2)))).toBe(ALREADY_STARTED);
    expect(ALREADY_STARTED).toMatch(/^The task has been started/);
  });

  it('reads 2023 pixel regions with the canvas and answers them back in 2020 ratios', async () => {
    const t = testSim();
    const pixels = [{ StreamIndex: 0, LocationX: 634, LocationY: 216, Width: 960, Height: 432 }];
    expect(resultOf(await start(t, custom(1, pixels), '2023-11-01'))).toBe('ok');
    const region2020 = (taskOf(await getTask(t, KEY)) as { Layout: { CustomLayout: { Regions: object[] } } }).Layout.CustomLayout.Regions[0];
    expect(region2020).toMatchObject({ LocationX: 0.330208, LocationY: 0.2, WidthProportion: 0.5, HeightProportion: 0.4 });
    const region2023 = (taskOf(await getTask(t, KEY, { version: '2023-11-01' })) as { Layout: { CustomLayout: { Regions: object[] } } }).Layout.CustomLayout.Regions[0];
    expect(region2023).toMatchObject(pixels[0] ?? {});
  });

  it('resets an invalid optional value to its default instead of failing', async () => {
    const t = testSim();
    await start(t, { ...KEY, PushURL: 'rtmp://a.example/live/k', Encode: { VideoWidth: 641, VideoFps: 30 }, Control: { MaxIdleTime: 5 } });
    const task = taskOf(await getTask(t, KEY));
    expect(task['Encode']).toEqual({ VideoFps: 30 });
    expect(task['Control']).toEqual({});
  });

  const invalid: Array<[string, unknown, string]> = [
    ['no PushURL', { ...KEY }, 'MissingParameter'],
    ['no TaskId', { AppId: 'demo-app', RoomId: 'r', PushURL: 'rtmp://a/b' }, 'MissingParameter'],
    ['a bad RoomId', { ...KEY, RoomId: 'a room', PushURL: 'rtmp://a/b' }, 'InvalidParameter'],
    ['an HTTP PushURL', { ...KEY, PushURL: 'https://cdn.example/live' }, 'InvalidParameter.InvalidRtmpAddress'],
    ['a region without a stream', custom(2, [...regions2020(2), { StreamIndex: 9, WidthProportion: 0.1, HeightProportion: 0.1 }]), 'InvalidParameter'],
    ['a region on an Index no stream has, counts equal', custom(2, [...regions2020(1), { StreamIndex: 9, WidthProportion: 0.1, HeightProportion: 0.1 }]), 'InvalidParameter'],
    ['a stream without a region', custom(3, regions2020(2)), 'InvalidParameter'],
    ['two regions on one stream', custom(2, [...regions2020(1), ...regions2020(1)]), 'InvalidParameter'],
    ['31 streams in a custom layout', custom(31), 'InvalidParameter'],
    ['18 streams in an adaptive layout', { ...KEY, PushURL: 'rtmp://a/b', TargetStreams: streams(18) }, 'InvalidParameter'],
    ['a ratio region 1.5 wide', custom(1, [{ StreamIndex: 0, WidthProportion: 1.5, HeightProportion: 1 }]), 'InvalidParameter'],
    ['a region without its required width', custom(1, [{ StreamIndex: 0, HeightProportion: 1 }]), 'InvalidParameter'],
    ['a repeated stream Index', { ...KEY, PushURL: 'rtmp://a/b', TargetStreams: { StreamList: [{ UserId: 'a', Index: 1 }, { UserId: 'b', Index: 1 }] } }, 'InvalidParameter'],
    ['an empty body', '', 'InvalidParameter.BodyIsEmpty'],
    ['a JSON array', '[]', 'InvalidParameter.Unmarshal'],
  ];
  it.each(invalid)('rejects %s', async (_name, body, code) => {
    expect(errorOf(await start(testSim(), body))).toEqual({ code, status: 400 });
  });

  it('accepts 30 regions in a custom layout and 17 streams in the other layouts', async () => {
    expect(resultOf(await start(testSim(), custom(30)))).toBe('ok');
    expect(resultOf(await start(testSim(), { ...KEY, PushURL: 'rtmp://a/b', TargetStreams: streams(17) }))).toBe('ok');
  });
});

describe('UpdatePushMixedStreamToCDN', () => {
  it('applies a partial update with an increasing SequenceNumber, and refuses a stale one', async () => {
    const t = testSim();
    await start(t, custom(2));
    const partial = { IsUpdatePartialParam: true, Layout: { CustomLayout: { Canvas: { Background: '#ff0000' } } } };
    expect(resultOf(await update(t, { ...partial, SequenceNumber: 5 }))).toBe('ok');
    const layout = taskOf(await getTask(t, KEY))['Layout'] as { CustomLayout: { Canvas: object; Regions: object[] } };
    expect(layout.CustomLayout.Canvas).toEqual({ Width: 1920, Height: 1080, Background: '#ff0000' });
    expect(layout.CustomLayout.Regions).toHaveLength(2);
    expect(errorOf(await update(t, { ...partial, SequenceNumber: 5 }))).toEqual({ code: 'InvalidParameter', status: 400 });
    expect(resultOf(await update(t, { ...partial, SequenceNumber: 6 }))).toBe('ok');
  });

  it('validates the task as the update would leave it', async () => {
    const t = testSim();
    await start(t, custom(2));
    const dropStream = { IsUpdatePartialParam: true, TargetStreams: streams(1) };
    expect(errorOf(await update(t, dropStream))?.code).toBe('InvalidParameter');
  });

  it('a full update replaces the sections it is given and drops the others', async () => {
    const t = testSim();
    await start(t, { ...custom(1), Encode: { VideoFps: 30 } });
    expect(resultOf(await update(t, { TargetStreams: streams(1), Layout: { LayoutMode: 0 } }))).toBe('ok');
    const task = taskOf(await getTask(t, KEY));
    expect(task['Encode']).toBeUndefined();
    expect(task['Layout']).toEqual({ LayoutMode: 0 });
    expect(task['PushURL']).toBe('rtmp://push.example.com/live/new');
  });
});

describe('StopPushStreamToCDN', () => {
  it('stops the task with StopByAPI; a second stop or an update then finds no active task', async () => {
    const t = testSim();
    await start(t, custom(2));
    t.tick(60_000);
    expect(resultOf(await stop(t))).toBe('ok');
    expect(taskOf(await getTask(t, KEY))).toMatchObject({ Status: 3, PushStreamState: 6, StopReason: 'StopByAPI', EndTime: t.wall() });
    expect(errorOf(await stop(t))?.code).toBe('InvalidParameter.ErrorActiveTaskNotFound');
    expect(errorOf(await update(t, { Layout: { LayoutMode: 0 } }))?.code).toBe('InvalidParameter.ErrorActiveTaskNotFound');
    expect(resultOf(await start(t, custom(2)))).toBe('ok'); // a stopped TaskId can start again
  });

  it('stops a scripted scenario task too', async () => {
    const t = testSim();
    const pk = { AppId: 'demo-app', RoomId: 'pk-arena-7', TaskId: 'pk-mix' };
    expect(resultOf(await postAction(t, 'StopPushStreamToCDN', pk))).toBe('ok');
    expect(taskOf(await getTask(t, pk))).toMatchObject({ Status: 3, StopReason: 'StopByAPI' });
  });
});
