import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { importZonesPlugin, repositoryZones } from './import-zones.mjs';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const linter = new Linter({ configType: 'flat' });
const config = [{
  files: ['**/*.{ts,tsx}'],
  languageOptions: { parser: tseslint.parser },
  plugins: { 'import-zones': importZonesPlugin },
  rules: { 'import-zones/no-restricted-paths': ['error', { root, zones: repositoryZones(root) }] },
}] satisfies Linter.Config[];

/** The messages linting one import line gives, as if it were in `file`. */
const lint = (file: string, line: string) => linter.verify(line, config, { filename: `${root}/${file}` }).map((m) => m.message);

/** Exactly one message, the rule's. */
const BROKEN = [expect.stringMatching(/ is out of bounds here: /)];

describe('import zones', () => {
  it('refuses a feature importing another, statically, by re-export or lazily, at any depth', () => {
    expect(lint('src/client/features/timeline/a.tsx', "import { WatchButton } from '../watch/watch-button.tsx';")).toEqual([
      expect.stringMatching(/^\.\.\/watch\/watch-button\.tsx is out of bounds here: a feature imports no other feature/),
    ]);
    expect(lint('src/client/features/task/a.ts', "export { X } from '../layout/layout-section.tsx';")).toEqual(BROKEN);
    expect(lint('src/client/features/task/a.ts', "const m = import('../export/export-buttons.tsx');")).toEqual(BROKEN);
    expect(lint('src/client/features/layout/scene/a.ts', "import type { T } from '../../task/task-queries.ts';")).toEqual(BROKEN);
  });

  it('lets a feature import itself and the shared layers, and the routes import any feature', () => {
    expect(lint('src/client/features/layout/scene/a.ts', "import { f } from '../draw-boxes.ts';")).toEqual([]);
    expect(lint('src/client/features/task/a.ts', "import { E } from '../../design-system/error-panel.tsx';\nimport { d } from '../../lib/deferred.tsx';")).toEqual([]);
    expect(lint('src/client/routes/a.tsx', "import { T } from '../features/task/task-page.tsx';")).toEqual([]);
  });

  it('keeps design-system, lib and i18n below the features and the routes', () => {
    expect(lint('src/client/i18n/a.ts', "import { m } from '../features/watch/x.ts';")).toEqual(BROKEN);
    expect(lint('src/client/lib/a.ts', "import { r } from '../routes/task-route.tsx';")).toEqual(BROKEN);
    expect(lint('src/client/i18n/a.ts', "import { m } from './messages/watch-messages.ts';")).toEqual([]);
  });

  it('lets the server import only the client\'s render entry', () => {
    expect(lint('src/server/routes/a.ts', "import { htmlLang } from '../../client/i18n/language.ts';")).toEqual(BROKEN);
    expect(lint('src/server/routes/a.ts', "import { renderTaskPage } from '../../client/ssr/render-task-page.tsx';")).toEqual([]);
  });

  it('lets the watcher ask the governor, never the other way', () => {
    expect(lint('src/server/governor/a.ts', "import type { UpstreamBudget } from '../watcher/watcher.ts';")).toEqual(BROKEN);
    expect(lint('src/server/watcher/a.ts', "import type { Governor } from '../governor/governor.ts';")).toEqual([]);
  });

  it('leaves package imports alone', () => {
    expect(lint('src/client/features/task/a.ts', "import { useQuery } from '@tanstack/react-query';")).toEqual([]);
  });
});
