/** The Volcengine API versions that answer GetPushMixedStreamToCDNTask. */
export const API_VERSIONS = ['2020-12-01', '2023-06-01', '2023-11-01'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
export const DEFAULT_API_VERSION: ApiVersion = '2020-12-01';

export function isApiVersion(value: unknown): value is ApiVersion {
  return typeof value === 'string' && (API_VERSIONS as readonly string[]).includes(value);
}

/**
 * 2020-12-01 places regions with ratios of the canvas; 2023-06-01 and later use canvas pixels.
 * SourceCrop stays ratio-based in every version.
 */
export type CoordinateModel = 'ratio' | 'pixel';

export function coordinateModelOf(version: ApiVersion): CoordinateModel {
  return version === '2020-12-01' ? 'ratio' : 'pixel';
}
