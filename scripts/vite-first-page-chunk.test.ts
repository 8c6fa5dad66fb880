import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstPageModules, isOwnModule, staticClosure, type ModuleGraph } from './vite-first-page-chunk.ts';

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
  });
});
