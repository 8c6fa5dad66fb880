import { describe, expect, it } from 'vitest';
import type { OutputFailureReason } from '../../../../shared/output-api.ts';
import { ApiRequestError } from '../../../lib/api-client.ts';
import { outputFailureReason, outputStreamPath } from './output-query.ts';
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

  it('words a player error with its HTTP status and message when mpegts.js gives them', () => {
    expect(playerErrorText('HttpStatusCodeInvalid', { code: 403, msg: 'Forbidden' })).toBe('HttpStatusCodeInvalid (HTTP 403): Forbidden');
    expect(playerErrorText('MediaMSEError', { code: -1, msg: '' })).toBe('MediaMSEError');
    expect(playerErrorText('Exception', undefined)).toBe('Exception');
  });
});
