import { readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';

/**
 * An ESLint rule in the spirit of import/no-restricted-paths (as bulletproof-react uses it),
 * without a plugin: each zone forbids files under `target` to import anything under `from`,
 * unless it is under one of `except`. Paths are relative to the repository root; only relative
 * specifiers can reach another folder of this repository, so only those are resolved.
 */

const inside = (file, dir) => file === dir || file.startsWith(dir + sep);

/** The zone a file breaks by importing `specifier`, if any. */
export function brokenZone(zones, root, filename, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const file = isAbsolute(filename) ? filename : resolve(root, filename);
  const imported = resolve(dirname(file), specifier);
  const at = (p) => resolve(root, p);
  return zones.find((zone) =>
    [zone.target].flat().some((t) => inside(file, at(t)))
    && inside(imported, at(zone.from))
    && !(zone.except ?? []).some((e) => inside(imported, at(e))));
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid imports across the boundaries between layers and features' },
    schema: [{
      type: 'object',
      properties: {
        root: { type: 'string' },
        zones: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              target: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
              from: { type: 'string' },
              except: { type: 'array', items: { type: 'string' } },
              message: { type: 'string' },
            },
            required: ['target', 'from', 'message'],
            additionalProperties: false,
          },
        },
      },
      required: ['root', 'zones'],
      additionalProperties: false,
    }],
    messages: { restricted: '{{path}} is out of bounds here: {{message}}' },
  },
  create(context) {
    const { root, zones } = context.options[0];
    const check = (source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const zone = brokenZone(zones, root, context.filename, source.value);
      if (zone) context.report({ node: source, messageId: 'restricted', data: { path: source.value, message: zone.message } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export const importZonesPlugin = { meta: { name: 'import-zones' }, rules: { 'no-restricted-paths': rule } };

const FEATURE_MESSAGE = 'a feature imports no other feature. Compose them in src/client/routes/ (pass sections down as parts), or move what several use to design-system/ or lib/.';

/** The zones of this repository: one per client feature (found on disk), then the layers. */
export function repositoryZones(root) {
  const featuresDir = 'src/client/features';
  const features = readdirSync(join(root, featuresDir), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  return [
    ...features.map((name) => ({
      target: `${featuresDir}/${name}`, from: featuresDir, except: [`${featuresDir}/${name}`], message: FEATURE_MESSAGE,
    })),
    ...['src/client/features', 'src/client/routes'].map((from) => ({
      target: ['src/client/design-system', 'src/client/lib', 'src/client/i18n'],
      from,
      message: 'design-system/, lib/ and i18n/ sit below the features and the routes, and import neither.',
    })),
    {
      target: 'src/server', from: 'src/client', except: ['src/client/ssr/render-task-page.tsx'],
      message: 'the server imports only the client\'s render entry (src/client/ssr/render-task-page.tsx), which re-exports what the server needs.',
    },
    {
      target: 'src/server/governor', from: 'src/server/watcher',
      message: 'the governor knows nothing of the watcher: the watcher asks the governor (watcher/governor-link.ts).',
    },
  ];
}
