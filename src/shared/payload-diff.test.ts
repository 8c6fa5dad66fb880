import { describe, expect, it } from 'vitest';
import { diffPayloads } from './payload-diff.ts';

const layout = (background: string, regions: unknown[]) => ({ Layout: { CustomLayout: { Canvas: { Width: 1280, Background: background }, Regions: regions } } });

describe('diffPayloads', () => {
  it('lists changed leaves by path', () => {
    const a = { ...layout('#000000', [{ StreamIndex: 0, LocationX: 0 }]), Encode: { VideoBitrate: 4000 } };
    const b = { ...layout('#0b3d2e', [{ StreamIndex: 0, LocationX: 0.5 }]), Encode: { VideoBitrate: 6000 } };
    expect(diffPayloads(a, b)).toEqual([
      { path: 'Layout.CustomLayout.Canvas.Background', before: '#000000', after: '#0b3d2e' },
      { path: 'Layout.CustomLayout.Regions[0].LocationX', before: '0', after: '0.5' },
      { path: 'Encode.VideoBitrate', before: '4000', after: '6000' },
    ]);
  });

  it('says when a list grew or shrank, then compares what both have', () => {
    const a = layout('#000', [{ StreamIndex: 0 }, { StreamIndex: 1 }]);
    const b = layout('#000', [{ StreamIndex: 1 }]);
    expect(diffPayloads(a, b)).toEqual([
      { path: 'Layout.CustomLayout.Regions', before: '2', after: '1', count: true },
      { path: 'Layout.CustomLayout.Regions[0].StreamIndex', before: '0', after: '1' },
    ]);
  });

  it('leaves lifecycle fields to the lanes, shows added and removed fields, masks the push URL', () => {
    const a = { Status: 2, PushStreamState: 5, PushURL: 'rtmp://push.example.com/live/secretkey?txSecret=abc', Control: { MaxIdleTime: 180 } };
    const b = { Status: 3, PushStreamState: 6, PushURL: 'rtmp://push.example.com/live/otherkey1?txSecret=def', Encode: { VideoFps: 30 } };
    const d = diffPayloads(a, b);
    expect(d.map((c) => c.path)).toEqual(['PushURL', 'Control.MaxIdleTime', 'Encode.VideoFps']);
    expect(JSON.stringify(d)).not.toMatch(/secretkey|abc|def|otherkey1/);
    expect(d[1]).toEqual({ path: 'Control.MaxIdleTime', before: '180', after: undefined });
  });

  it('compares against nothing when there is no earlier payload', () => {
    expect(diffPayloads(null, { Encode: { VideoFps: 30 } })).toEqual([{ path: 'Encode.VideoFps', before: undefined, after: '30' }]);
  });
});
