import { defineConfig } from 'vitest/config';

// Unit and property tests only; Playwright specs live in e2e/ and never run here.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
