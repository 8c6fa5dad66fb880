import type { Plugin } from 'vite';

/**
 * One chunk for the application code the first page needs (link opened to layout drawn).
 *
 * Left to itself, the bundler gives every module that the entry and some on-demand chunk share a
 * small chunk of its own: the task page started with dozens of files, and Chromium fetches at most
 * six at a time from one HTTP/1.1 host, so the last of them arrived long after the first (figures
 * in bench/results.md). Everything the entry imports statically is loaded before the first render
 * anyway, so nothing is gained by cutting it up: this puts that closure (the project's own
 * modules; the libraries have the vendor chunk) into one `app` chunk, which the on-demand chunks
 * import from. What loads on demand stays on demand: a module is in the closure only when a chain
 * of static imports leads to it from the entry.
 */

export interface ModuleGraph {
  /** Static imports of a module; undefined for a module the graph does not know. */
  importedIds(id: string): readonly string[] | undefined;
}

/** Every module reachable from the entries through static imports, the entries included. */
export function staticClosure(entries: readonly string[], graph: ModuleGraph): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length > 0) {
    const id = stack.pop();
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    for (const next of graph.importedIds(id) ?? []) if (!seen.has(next)) stack.push(next);
  }
  return seen;
}

/** The project's own source modules (not a library, not a virtual module). */
export const isOwnModule = (id: string): boolean => !id.includes('/node_modules/') && !id.startsWith('\0') && /\.(tsx?|jsx?|mjs)$/.test(id);

/**
 * The first page's modules: reachable from the application's entry (main.tsx) through static
 * imports, less the entry itself. main.tsx awaits the first page's chunk (top-level await) before
 * it renders: were it in the chunk that page's chunk imports, the import would wait for main.tsx,
 * and main.tsx for the import.
 */
export function firstPageModules(entries: readonly string[], graph: ModuleGraph): Set<string> {
  const entrySet = new Set(entries);
  return new Set([...staticClosure(entries, graph)].filter((id) => isOwnModule(id) && !entrySet.has(id)));
}

/**
 * The plugin that reads the module graph once it is complete (buildEnd comes before chunking),
 * and the test the code-splitting group uses to take the first page's modules.
 */
export function firstPageChunk(): { plugin: Plugin; test: (id: string) => boolean } {
  let modules = new Set<string>();
  const plugin: Plugin = {
    name: 'mixscope:first-page-chunk',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      // index.html is an entry whose imports are the page's scripts: those are the entries here.
      const entries = ids.filter((id) => this.getModuleInfo(id)?.isEntry)
        .flatMap((id) => (isOwnModule(id) ? [id] : (this.getModuleInfo(id)?.importedIds ?? []).filter(isOwnModule)));
      modules = firstPageModules(entries, { importedIds: (id: string) => this.getModuleInfo(id)?.importedIds });
    },
  };
  return { plugin, test: (id) => modules.has(id) };
}
