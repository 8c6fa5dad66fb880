import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * Builds `entry` (a module of the project) as an entry of its own and puts its script, `async`,
 * first in index.html. Vite would otherwise bundle every script of the page into one entry, which
 * runs only once all of its chunks are in; and a module script that is not async waits for the
 * document's style sheets and for the scripts before it. This one runs as soon as its own small
 * chunk is in, while the rest is still loading (see src/client/boot.ts). The order it runs in
 * relative to the application is not fixed: what it does must be safe to do again, or late.
 */
export function earlyScript(entry: string): Plugin {
  const tag = (src: string): HtmlTagDescriptor => ({ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src }, injectTo: 'head-prepend' });
  const preload = (href: string): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href }, injectTo: 'head-prepend' });
  return {
    name: 'mixscope:early-script',
    config(config, env) {
      if (env.command !== 'build') return;
      const input = config.build?.rolldownOptions?.input;
      if (input !== undefined) throw new Error('early-script: build.rolldownOptions.input is set already; add the early entry there by hand');
      return { build: { rolldownOptions: { input: { index: 'index.html', boot: entry } } } };
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return [tag(`/${entry}`)];
        const chunk = Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId?.endsWith(`/${entry}`));
        if (chunk?.type !== 'chunk') throw new Error(`early-script: no chunk was built for ${entry}`);
        // Its imports are asked for at once too, not once the entry's own file has been read.
        return [tag(`/${chunk.fileName}`), ...chunk.imports.map((file) => preload(`/${file}`))];
      },
    },
  };
}
