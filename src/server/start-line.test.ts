import { describe, expect, it } from 'vitest';
import { startLine } from './start-line.ts';

describe('startLine', () => {
  it('names the embedded simulator, never Volcengine, when it is the upstream', () => {
    const line = startLine({ url: 'http://127.0.0.1:8080', upstream: { kind: 'simulator', demoTasks: 23 }, dataDir: './data' });
    expect(line).toBe('mixscope on http://127.0.0.1:8080 · the embedded simulator with 23 demo tasks · data in ./data');
    expect(line).not.toMatch(/volcengine/i);
  });

  it('names the endpoint host and region with real keys', () => {
    expect(startLine({ url: 'http://[::1]:9000', upstream: { kind: 'volcengine', host: 'rtc.volcengineapi.com', region: 'cn-north-1' }, dataDir: '/var/lib/mixscope' }))
      .toBe('mixscope on http://[::1]:9000 · Volcengine at rtc.volcengineapi.com (cn-north-1) · data in /var/lib/mixscope');
  });

  it('says task, not tasks, for one', () => {
    expect(startLine({ url: 'u', upstream: { kind: 'simulator', demoTasks: 1 }, dataDir: 'd' })).toContain('with 1 demo task ·');
  });
});
