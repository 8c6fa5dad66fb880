import { describe, expect, it, vi } from 'vitest';
import { DEBIAN_CHROMIUM, HOW_TO_GET_ONE, ensureChromium, resolveChromium } from './find-chromium.mjs';
import type { ChromiumProbe } from './find-chromium.mjs';

const BUNDLED = '/home/u/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';

/** A machine with exactly these executables (and these other, non-executable paths). */
function machine(executables: string[], opts: Partial<ChromiumProbe> & { files?: string[] } = {}): ChromiumProbe {
  const exe = new Set(executables);
  const all = new Set([...executables, ...(opts.files ?? [])]);
  return {
    env: {},
    exists: (p) => all.has(p),
    isExecutable: (p) => exe.has(p),
    bundledPath: () => BUNDLED,
    isRoot: () => false,
    isDebian: () => false,
    ...opts,
  };
}

describe('resolveChromium', () => {
  it('prefers CHROMIUM_PATH over everything else', () => {
    const m = machine(['/opt/chrome', DEBIAN_CHROMIUM, BUNDLED], { env: { CHROMIUM_PATH: '/opt/chrome' } });
    expect(resolveChromium(m)).toEqual({ path: '/opt/chrome', source: 'env' });
  });

  it('fails, naming the variable, when CHROMIUM_PATH does not exist (never falls back)', () => {
    const m = machine([DEBIAN_CHROMIUM], { env: { CHROMIUM_PATH: '/nope/chrome' } });
    expect(() => resolveChromium(m)).toThrow(/CHROMIUM_PATH .*"\/nope\/chrome".*nothing exists/);
  });

  it('fails, naming the variable, when CHROMIUM_PATH is not executable', () => {
    const m = machine([DEBIAN_CHROMIUM], { env: { CHROMIUM_PATH: '/opt/readme.txt' }, files: ['/opt/readme.txt'] });
    expect(() => resolveChromium(m)).toThrow(/CHROMIUM_PATH .*not an executable/);
  });

  it('ignores an empty CHROMIUM_PATH', () => {
    expect(resolveChromium(machine([DEBIAN_CHROMIUM], { env: { CHROMIUM_PATH: '' } }))?.source).toBe('system');
  });

  it('then takes Debian\'s /usr/bin/chromium before Playwright\'s download', () => {
    expect(resolveChromium(machine([DEBIAN_CHROMIUM, BUNDLED]))).toEqual({ path: DEBIAN_CHROMIUM, source: 'system' });
  });

  it('then Playwright\'s bundled Chromium, only when that file is there', () => {
    expect(resolveChromium(machine([BUNDLED]))).toEqual({ path: BUNDLED, source: 'playwright' });
    expect(resolveChromium(machine([]))).toBeUndefined();
    expect(resolveChromium(machine([], { bundledPath: () => undefined }))).toBeUndefined();
  });
});

describe('ensureChromium', () => {
  it('does not install when one is found', () => {
    const install = vi.fn();
    const found = ensureChromium({ ...machine([BUNDLED], { isRoot: () => true, isDebian: () => true }), install });
    expect(found.source).toBe('playwright');
    expect(install).not.toHaveBeenCalled();
  });

  it('installs with apt as root on Debian when none is found, then uses /usr/bin/chromium', () => {
    const exe = new Set<string>();
    const install = vi.fn(() => void exe.add(DEBIAN_CHROMIUM));
    const found = ensureChromium({
      ...machine([], { isRoot: () => true, isDebian: () => true }),
      isExecutable: (p) => exe.has(p),
      install,
      log: () => {},
    });
    expect(install).toHaveBeenCalledOnce();
    expect(found).toEqual({ path: DEBIAN_CHROMIUM, source: 'apt' });
  });

  it('fails clearly when the install did not produce /usr/bin/chromium', () => {
    const m = { ...machine([], { isRoot: () => true, isDebian: () => true }), install: () => {}, log: () => {} };
    expect(() => ensureChromium(m)).toThrow(/still missing/);
  });

  it.each([
    ['not root', false, true],
    ['not Debian', true, false],
  ])('never installs when %s, and says how to get one', (_why, root, debian) => {
    const install = vi.fn();
    const m = { ...machine([], { isRoot: () => root, isDebian: () => debian }), install };
    expect(() => ensureChromium(m)).toThrow(HOW_TO_GET_ONE);
    expect(install).not.toHaveBeenCalled();
    expect(HOW_TO_GET_ONE).toMatch(/CHROMIUM_PATH/);
    expect(HOW_TO_GET_ONE).toMatch(/apt-get install -y --no-install-recommends chromium/);
  });

  it('does not install over a bad CHROMIUM_PATH', () => {
    const install = vi.fn();
    const m = { ...machine([], { env: { CHROMIUM_PATH: '/x' }, isRoot: () => true, isDebian: () => true }), install };
    expect(() => ensureChromium(m)).toThrow(/CHROMIUM_PATH/);
    expect(install).not.toHaveBeenCalled();
  });
});
