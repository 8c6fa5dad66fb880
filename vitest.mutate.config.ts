import { defineConfig } from 'vitest/config';

// What `npm run mutate` runs against each mutant: the unit tests of the pure core only. The
// whole suite (servers in child processes, PostgreSQL) would re-run for every mutant that the
// server's tests also reach, for no extra kill: those tests exercise this code through it.
export default defineConfig({
  test: {
    include: ['src/shared/**/*.test.ts', 'src/server/governor/**/*.test.ts', 'src/server/watcher/oldest-due.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
