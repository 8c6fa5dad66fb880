// Types for find-chromium.mjs (plain Node ESM, so that the gate runs before anything is built).

export interface ChromiumProbe {
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
  isExecutable(path: string): boolean;
  /** Playwright's bundled Chromium path, whether or not it was downloaded. */
  bundledPath(): string | undefined;
  isRoot(): boolean;
  isDebian(): boolean;
}

export interface ChromiumFound {
  path: string;
  /** env: CHROMIUM_PATH; system: /usr/bin/chromium; playwright: Playwright's download; apt: just installed. */
  source: 'env' | 'system' | 'playwright' | 'apt';
}

export const ENV_VAR: 'CHROMIUM_PATH';
export const DEBIAN_CHROMIUM: '/usr/bin/chromium';
export const APT_TIMEOUT_MS: number;
export const HOW_TO_GET_ONE: string;

export function isExecutableFile(path: string): boolean;
export function playwrightBundledPath(): string | undefined;
export function systemProbe(): ChromiumProbe;
export function resolveChromium(probe?: Partial<ChromiumProbe>): ChromiumFound | undefined;
export function resolveChromiumOrThrow(probe?: Partial<ChromiumProbe>): ChromiumFound;
export function aptInstallChromium(): void;
export function ensureChromium(
  probe?: Partial<ChromiumProbe> & { install?: () => void; log?: (line: string) => void },
): ChromiumFound;
