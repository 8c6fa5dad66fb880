import { describe, expect, it } from 'vitest';
import { BUDGETS, budgetFor, budgetTable, formatValue, judge } from './check-budgets.mjs';

describe('judge', () => {
  it('reads "at most" as <=, "under" as < and "at least" as >=', () => {
    expect(judge(budgetFor('draw-30'), 4)).toBe('within');
    expect(judge(budgetFor('draw-30'), 4.01)).toBe('OVER');
    expect(judge(budgetFor('server-memory-growth'), 50)).toBe('OVER');
    expect(judge(budgetFor('server-memory-growth'), 49.9)).toBe('within');
    expect(judge(budgetFor('proxy-rps'), 3_000)).toBe('within');
    expect(judge(budgetFor('proxy-rps'), 2_999)).toBe('OVER');
  });

  it('says missing for a budgeted figure not measured, info for a figure without a budget', () => {
    expect(judge(budgetFor('nav-layout-drawn'), undefined)).toBe('missing');
    expect(judge(budgetFor('nav-layout-drawn'), Number.NaN)).toBe('missing');
    expect(judge(budgetFor('js-total'), 300)).toBe('info');
  });
});

describe('budgetTable', () => {
  it('lists every budget in order and fails on a miss or a hole', () => {
    const all = Object.fromEntries(BUDGETS.map((b) => [b.id, { value: b.op === '>=' ? (b.limit ?? 0) : 0 }]));
    expect(budgetTable(all).failed).toEqual([]);
    expect(budgetTable(all).text.split('\n')).toHaveLength(BUDGETS.length + 2);
    const { 'nav-layout-drawn': _missing, ...withoutNav } = all;
    expect(budgetTable({ ...withoutNav, 'draw-300': { value: 17 } }).failed).toEqual(['nav-layout-drawn', 'draw-300']);
  });
});

describe('formatValue', () => {
  it('keeps three significant figures, groups thousands', () => {
    expect(formatValue(3456.7)).toBe('3,457');
    expect(formatValue(12.345)).toBe('12.3');
    expect(formatValue(1.2345)).toBe('1.23');
  });
});
