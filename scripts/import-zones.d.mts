import type { ESLint } from 'eslint';

export interface Zone {
  target: string | string[];
  from: string;
  except?: string[];
  message: string;
}
export function brokenZone(zones: readonly Zone[], root: string, filename: string, specifier: string): Zone | undefined;
export const importZonesPlugin: ESLint.Plugin;
export function repositoryZones(root: string): Zone[];
