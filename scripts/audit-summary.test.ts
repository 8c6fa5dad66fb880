import { describe, expect, it } from 'vitest';
import { classifyAudit } from './audit-summary.mjs';

const counts = (v: Record<string, number>) => JSON.stringify({ metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...v } } });

describe('classifyAudit', () => {
  it('passes with no high or critical finding', () => {
    expect(classifyAudit(counts({ moderate: 2 }))).toEqual({ verdict: 'pass', line: 'npm audit --omit=dev: critical 0, high 0, moderate 2, low 0.' });
  });

  it('fails on a high or a critical finding', () => {
    expect(classifyAudit(counts({ high: 1 })).verdict).toBe('fail');
    expect(classifyAudit(counts({ critical: 1 })).verdict).toBe('fail');
  });

  it('says when the advisory database was not reached instead of passing', () => {
    const r = classifyAudit(JSON.stringify({ error: { code: 'E405', summary: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk' } }));
    expect(r.verdict).toBe('unavailable');
    expect(r.line).toContain('405 Method Not Allowed');
    expect(classifyAudit('').verdict).toBe('unavailable');
    // npm 11's shape: the HTTP failure in `message`, an empty error summary.
    const npm11 = classifyAudit(JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.example/bulk', statusCode: 405, error: { summary: '', detail: '' } }));
    expect(npm11).toEqual({ verdict: 'unavailable', line: 'npm audit could not ask the advisory database (405 Method Not Allowed - POST https://registry.example/bulk); nothing was checked.' });
  });
});
