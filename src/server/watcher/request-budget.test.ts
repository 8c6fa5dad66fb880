import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRequestBudget, type BudgetPriority } from './request-budget.ts';

describe('createRequestBudget', () => {
  it('never grants more than qps in any one-second window, whatever the request pattern', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 120 }), interactive: fc.boolean() }), { maxLength: 600 }),
        (qps, requests) => {
          let now = 0;
          const budget = createRequestBudget({ qps, now: () => now });
          const granted: number[] = [];
          for (const r of requests) {
            now += r.gap;
            if (budget.tryAcquire(r.interactive ? 'interactive' : 'background')) granted.push(now);
          }
          // Sliding check: the grant k places later must be at least a full window later.
          for (let i = qps; i < granted.length; i++) expect(granted[i]! - granted[i - qps]!).toBeGreaterThanOrEqual(1000);
        },
      ),
    );
  });

  it('keeps a share free for interactive requests while background is saturated', () => {
    let now = 0;
    const budget = createRequestBudget({ qps: 50, now: () => now, backgroundShare: 0.8 });
    let background = 0;
    while (budget.tryAcquire('background')) background++;
    expect(background).toBe(40);
    let interactive = 0;
    while (budget.tryAcquire('interactive')) interactive++;
    expect(interactive).toBe(10);
    expect(budget.retryAfterMs('interactive')).toBe(1000);
    now = 999;
    expect(budget.tryAcquire('interactive')).toBe(false);
    now = 1000;
    expect(budget.tryAcquire('background')).toBe(true);
  });

  it('tells how long until a slot frees up', () => {
    let now = 0;
    const budget = createRequestBudget({ qps: 2, now: () => now });
    const take = (p: BudgetPriority) => budget.tryAcquire(p);
    expect(take('background')).toBe(true); // background ceiling is 1 of 2
    now = 300;
    expect(take('background')).toBe(false);
    expect(budget.retryAfterMs('background')).toBe(700);
    expect(take('interactive')).toBe(true);
    expect(budget.retryAfterMs('interactive')).toBe(700);
    expect(budget.inWindow()).toBe(2);
  });

  it('rejects a qps that is not a positive whole number', () => {
    expect(() => createRequestBudget({ qps: 0, now: () => 0 })).toThrow(/qps/);
  });
});
