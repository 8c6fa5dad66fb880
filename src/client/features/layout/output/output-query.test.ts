import { describe, expect, it } from 'vitest';
import type { OutputFailureReason } from '../../../../shared/output-api.ts';
import { ApiRequestError } from '../../../lib/api-client.ts';
import fc from 'fast-check';
import { outputFailureReason, outputStreamPath, typedPullUrl } from './output-query.ts';
import { playerErrorText } from './use-output-player.ts';

const refused = (reason: OutputFailureReason) => new ApiRequestError('bad-upstream-body', 502, 'The output carries no layout SEI.', {
  kind: 'bad-upstream-body', message: 'The output carries no layout SEI.', output: { reason },
});

describe('what the page says when the output cannot be read or played', () => {
  it('takes the reason from the server\'s answer, and none from any other failure', () => {
    expect(outputFailureReason(refused('no-sei'))).toBe('no-sei');
    expect(outputFailureReason(new ApiRequestError('network', 0, 'The mixscope server could not be reached.'))).toBeUndefined();
    expect(outputFailureReason(new Error('boom'))).toBeUndefined();
  });

  it('plays through the server\'s relay for the same task', () => {
    expect(outputStreamPath({ appId: 'a', roomId: 'r', taskId: 't', version: '2020-12-01' })).toMatch(/^\/api\/task\/output\/stream\?appId=a&roomId=r&taskId=t/);
  });

  it('passes a typed pull URL on to the server, encoded, and leaves it out when none was typed', () => {
    const ref = { appId: 'a', roomId: 'r', taskId: 't', version: '2020-12-01' } as const;
    const path = outputStreamPath(ref, 'https://pull.example.com/live/s.flv?k=1&x=2');
    expect(new URL(path, 'http://m.test').searchParams.get('pullUrl')).toBe('https://pull.example.com/live/s.flv?k=1&x=2');
    expect(new URL(outputStreamPath(ref), 'http://m.test').searchParams.has('pullUrl')).toBe(false);
  });

  it('takes an empty field as the server\'s rule, an http(s) URL as typed, and refuses anything else', () => {
    expect(typedPullUrl('   ')).toEqual({ ok: true, url: undefined });
    expect(typedPullUrl(' https://pull.example.com/live/s.flv ')).toEqual({ ok: true, url: 'https://pull.example.com/live/s.flv' });
    for (const bad of ['pull.example.com/live/s.flv', 'rtmp://push.example.com/live/s', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(typedPullUrl(bad)).toEqual({ ok: false });
    }
    fc.assert(fc.property(fc.string(), (text) => {
      const r = typedPullUrl(text);
      if (r.ok && r.url !== undefined) expect(['http:', 'https:']).toContain(new URL(r.url).protocol);
      if (text.trim() === '') expect(r).toEqual({ ok: true, url: undefined });
    }));
  });

  it('words a player error with its HTTP status and message when mpegts.js gives them', () => {
    expect(playerErrorText('HttpStatusCodeInvalid', { code: 403, msg: 'Forbidden' })).toBe('HttpStatusCodeInvalid (HTTP 403): Forbidden');
    expect(playerErrorText('MediaMSEError', { code: -1, msg: '' })).toBe('MediaMSEError');
    expect(playerErrorText('Exception', undefined)).toBe('Exception');
  });
});
