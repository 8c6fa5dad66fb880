import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstPageChunk, firstPageModules, isOwnModule, staticClosure, type ModuleGraph } from './vite-first-page-chunk.ts';

const graphOf = (edges: Record<string, string[]>): ModuleGraph => ({ importedIds: (id) => edges[id] });

describe('staticClosure', () => {
  it('follows static imports only, through cycles, from every entry', () => {
    const graph = graphOf({ '/a.ts': ['/b.ts'], '/b.ts': ['/c.ts', '/a.ts'], '/c.ts': [], '/lazy.ts': ['/d.ts'], '/e.ts': ['/f.ts'] });
    expect([...staticClosure(['/a.ts'], graph)].sort()).toEqual(['/a.ts', '/b.ts', '/c.ts']);
    expect([...staticClosure(['/a.ts', '/e.ts'], graph)].sort()).toEqual(['/a.ts', '/b.ts', '/c.ts', '/e.ts', '/f.ts']);
  });

  it('is closed: every static import of a member is a member (property)', () => {
    const ids = ['/m0.ts', '/m1.ts', '/m2.ts', '/m3.ts', '/m4.ts', '/m5.ts'];
    const arbGraph = fc.dictionary(fc.constantFrom(...ids), fc.array(fc.constantFrom(...ids), { maxLength: 4 }));
    fc.assert(fc.property(arbGraph, fc.subarray(ids, { minLength: 1 }), (edges, entries) => {
      const graph = graphOf(edges);
      const closure = staticClosure(entries, graph);
      for (const e of entries) expect(closure.has(e)).toBe(true);
      for (const id of closure) for (const next of edges[id] ?? []) expect(closure.has(next)).toBe(true);
    }));
  });
});

describe('firstPageModules', () => {
  const graph = graphOf({
    '/src/main.tsx': ['/src/app.tsx', '/src/early/setup.ts', '/node_modules/react/index.js'],
    '/src/app.tsx': ['/src/shared/geometry.ts'],
    '/src/early/setup.ts': ['/src/lib/theme.ts'],
    '/src/lib/theme.ts': [],
    '/src/shared/geometry.ts': [],
  });

  it('takes every own module the entry imports, less the libraries and the entry itself', () => {
    expect([...firstPageModules(['/src/main.tsx'], graph)].sort()).toEqual(['/src/app.tsx', '/src/early/setup.ts', '/src/lib/theme.ts', '/src/shared/geometry.ts']);
  });
});

describe('isOwnModule', () => {
  it('is true for the project’s source files only', () => {
    expect(isOwnModule('/p/src/client/main.tsx')).toBe(true);
    expect(isOwnModule('/p/node_modules/react/index.js')).toBe(false);
    expect(isOwnModule('\0vite/modulepreload-polyfill.js')).toBe(false);
    expect(isOwnModule('/p/src/client/styles.css')).toBe(false);
    expect(isOwnModule('/p/scripts/is-main.mjs')).toBe(true);
    expect(isOwnModule('/p/src/legacy.js')).toBe(true);
    // By its last extension: a data file whose name holds ".ts" is no module.
    expect(isOwnModule('/p/src/regions.tsv')).toBe(false);
  });
});

describe('firstPageChunk', () => {
  /** The plugin's buildEnd run against a module graph as the bundler reports it. */
  function chunkOf(modules: Record<string, { isEntry?: boolean; importedIds: string[] }>) {
    const { plugin, test } = firstPageChunk();
    const context = {
      getModuleIds: () => Object.keys(modules)[Symbol.iterator](),
      getModuleInfo: (id: string) => modules[id],
    };
    (plugin.buildEnd as (this: typeof context) => void).call(context);
    return test;
  }

  it('takes what the page script imports, not the page, the script itself, libraries or on-demand modules', () => {
    const test = chunkOf({
      '/p/index.html': { isEntry: true, importedIds: ['/p/src/main.tsx', '/p/node_modules/vite/preload.js'] },
      '/p/src/main.tsx': { importedIds: ['/p/src/app.tsx', '/p/node_modules/react/index.js'] },
      '/p/src/app.tsx': { importedIds: ['/p/src/lib/theme.ts'] },
      '/p/src/lib/theme.ts': { importedIds: [] },
      '/p/src/timeline.tsx': { importedIds: ['/p/src/lib/theme.ts'] },
      '/p/node_modules/react/index.js': { importedIds: [] },
      '/p/node_modules/vite/preload.js': { importedIds: [] },
    });
    expect(['/p/src/app.tsx', '/p/src/lib/theme.ts'].map(test)).toEqual([true, true]);
    expect(['/p/index.html', '/p/src/main.tsx', '/p/src/timeline.tsx', '/p/node_modules/react/index.js', '/p/node_modules/vite/preload.js'].map(test))
      .toEqual([false, false, false, false, false]);
  });

  it('takes an entry that is a module itself as the entry', () => {
    const test = chunkOf({
      '/p/src/worker.ts': { isEntry: true, importedIds: ['/p/src/lib/time.ts'] },
      '/p/src/lib/time.ts': { importedIds: [] },
      '/p/src/lazy.ts': { importedIds: [] },
    });
    expect(['/p/src/worker.ts', '/p/src/lib/time.ts', '/p/src/lazy.ts'].map(test)).toEqual([false, true, false]);
  });
});
