import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';
import { defineConfig, globalIgnores } from 'eslint/config';
import { importZonesPlugin, repositoryZones } from './scripts/import-zones.mjs';

const root = import.meta.dirname;

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'data/', 'bench/.tmp/', 'reports/', '.stryker-tmp/']),
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // A focused test left in would silently skip the rest of the suite, on a laptop as in CI.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression > MemberExpression.callee[property.name='only']",
        message: 'Remove .only: every test runs, everywhere.',
      }],
    },
  },
  {
    // e2e meets the real server: a test that needs another server state starts a server in it.
    files: ['e2e/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression > MemberExpression.callee[property.name='only']",
        message: 'Remove .only: every test runs, everywhere.',
      }, {
        selector: "CallExpression > MemberExpression.callee[property.name=/^(route|routeFromHAR|routeWebSocket|fulfill)$/]",
        message: 'e2e never fakes the server: start one in the state the test needs (e2e/fixtures/child-server.ts, volcengine-pair.ts).',
      }],
    },
  },
  {
    files: ['src/client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      // The browser never reaches into the server, the simulator or Node built-ins.
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/server/**', '**/simulator/**'], message: 'The client imports only src/shared and src/client.' },
          { group: ['node:*'], message: 'Node built-ins never reach the browser bundle.' },
        ],
      }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/server/**', '**/simulator/**', '**/client/**'], message: 'src/shared imports no other layer.' },
          { group: ['node:*'], message: 'src/shared runs in the browser too: no Node built-ins.' },
        ],
      }],
    },
  },
  {
    // Features never import each other; the shared layers import no feature; the server reaches
    // the client only through its render entry; the governor knows nothing of the watcher.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-zones': importZonesPlugin },
    rules: { 'import-zones/no-restricted-paths': ['error', { root, zones: repositoryZones(root) }] },
  },
  {
    files: ['src/simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/server/**', '**/client/**'], message: 'The simulator imports only src/shared.' }],
      }],
    },
  },
]);
