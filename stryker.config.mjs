// Mutation testing of the pure core (`npm run mutate`; not part of `npm test`: it is slow).
// Each mutant is run against the Vitest tests that cover it; the score per file and overall is
// written to mutation/score.md by scripts/mutation-score.mjs, the full report to reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  mutate: [
    // geometry and normalisation
    'src/shared/layout-geometry.ts',
    'src/shared/rect-union-area.ts',
    'src/shared/source-frame.ts',
    'src/shared/source-frame-findings.ts',
    'src/shared/layout-normalise.ts',
    // warnings
    'src/shared/layout-warnings*.ts',
    // request rules
    'src/shared/request-rules*.ts',
    // the signature
    'src/shared/volc-signature.ts',
    'src/shared/volc-canonical.ts',
    // timeline lanes
    'src/shared/timeline-lanes.ts',
    // the what-if editor's edits, history, bodies and snapping
    'src/shared/layout-edit/*.ts',
    '!src/shared/layout-edit/edit-test-kit.ts',
    // the governor's pure parts
    'src/server/governor/token-bucket.ts',
    'src/server/governor/admission.ts',
    'src/server/governor/retry-policy.ts',
    'src/server/governor/circuit-breaker.ts',
    // the watcher's pick of what to poll next
    'src/server/watcher/oldest-due.ts',
    '!**/*.test.ts',
  ],
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 80, break: null },
  concurrency: Number(process.env.MUTATE_CONCURRENCY || 2),
  timeoutMS: 20_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
