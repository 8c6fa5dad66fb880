import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ERROR_KINDS } from '../../shared/mixscope-api.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import { serverErrorText } from './server-error-text.ts';
import { serverErrorZh } from './server-error-zh.ts';

async function tIn(lng: 'en' | 'zh') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { en: { translation: {} }, zh: { translation: { serverError: serverErrorZh } } }, interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n);
}

const throttled = new ApiRequestError('throttled', 503, 'mixscope is at its upstream budget (MIXSCOPE_QPS); try again in 3 s.', {
  kind: 'throttled', message: 'mixscope is at its upstream budget (MIXSCOPE_QPS); try again in 3 s.', retryAfter: 3,
});

describe('serverErrorText', () => {
  it('keeps the server’s own English for English readers', async () => {
    expect(serverErrorText(await tIn('en'), throttled)).toBe(throttled.message);
  });

  it('explains each kind in Chinese, with the seconds to wait', async () => {
    expect(serverErrorText(await tIn('zh'), throttled)).toContain('请在 3 秒后重试');
    for (const kind of [...ERROR_KINDS, 'network' as const]) expect(serverErrorZh[kind].length).toBeGreaterThan(0);
  });

  it('leaves errors that are not the server’s as they are', async () => {
    expect(serverErrorText(await tIn('zh'), new Error('boom'))).toBe('boom');
  });
});
