// The layer table of docs/architecture.md as a lint rule: which folder of src/ may import which.
// Imports are resolved to the file they name, so the rule sees where an import really goes
// ('../../cognito/x.ts' from src/services/enrollment/ is src/cognito/x.ts) and covers what
// no-restricted-imports does not: dynamic import(), export ... from, and import type.
import { dirname, relative, resolve } from 'node:path';

/** The functions sent into a page (as source text) and the injected file's path: values platform may import from inject. */
const INJECT_CONTRACT = ['src/inject/run-installed-fill.ts', 'src/inject/run-installed-probe.ts', 'src/inject/inject-file.ts'];
/** The request and outcomes of a fill: types platform and services may import from inject. */
const INJECT_TYPES = ['src/inject/fill-request.ts', 'src/inject/fill-outcome.ts', 'src/inject/probe-page.ts', ...INJECT_CONTRACT];

/**
 * One row per layer, as in docs/architecture.md. `path` is a folder (ending in /) or a file, relative to
 * the repository root; the longest matching path wins, so the enrollment use-cases have their own row
 * inside services. `may` lists the layers (by `name`, i.e. the folder of src/) a file may import besides
 * its own; every other layer is refused. `filesFrom` lists single files of another layer it may import
 * (values too), `typesFrom` files it may import with `import type` only.
 */
export const LAYERS = [
  { name: 'core', path: 'src/core/', may: [] },
  { name: 'cognito', path: 'src/cognito/', may: ['core'] },
  {
    name: 'platform',
    path: 'src/platform/',
    may: ['core'],
    // The functions chrome.scripting.executeScript sends into a page as source text, and the injected file's
    // path: the page side's contract, which platform's scripting adapter calls.
    filesFrom: [...INJECT_CONTRACT],
    // The enrollment-store port of cognito (and the profile it names), which platform implements; the request
    // and outcome of a fill, which cross into and out of the page.
    typesFrom: ['src/cognito/enrollment-store.ts', 'src/cognito/cognito-profile.ts', ...INJECT_TYPES],
  },
  // The fill use-case names the request and outcomes of a fill (types only).
  { name: 'services', path: 'src/services/', may: ['core', 'platform'], typesFrom: INJECT_TYPES },
  { name: 'services', row: 'services/enrollment', path: 'src/services/enrollment/', may: ['core', 'platform', 'cognito'] },
  { name: 'ui', path: 'src/ui/', may: ['core', 'platform', 'services'] },
  { name: 'popup', path: 'src/popup/', may: ['ui', 'services', 'platform', 'core'] },
  { name: 'options', path: 'src/options/', may: ['ui', 'services', 'platform', 'core', 'cognito'] },
  { name: 'background.ts', path: 'src/background.ts', may: ['platform', 'services', 'core'] },
  { name: 'inject', path: 'src/inject/', may: ['core'] },
  { name: 'offscreen', path: 'src/offscreen/', may: ['platform', 'core'] },
];

/** Files copied into the extension as they are (icons, the _locales catalogue): data, not a layer. */
const ASSETS = 'src/static/';

const toPosix = (path) => path.split('\\').join('/');

/** The row of a repository-relative path, or undefined when no row covers it. */
const rowOf = (path) =>
  LAYERS.filter((layer) => (layer.path.endsWith('/') ? path.startsWith(layer.path) : path === layer.path)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];

/** @param {string} root absolute path of the repository root */
export function layerBoundaries(root) {
  return {
    meta: {
      type: 'problem',
      docs: { description: 'Imports between the folders of src/ follow the layer table of docs/architecture.md.' },
      schema: [],
      messages: {
        refused: '{{from}} may not import {{target}} (docs/architecture.md: {{from}} may import {{allowed}}).',
        typesOnly: '{{from}} may import only types from {{target}}: write `import type`.',
        unknownLayer: '{{file}} is in no row of the layer table: give its folder a row in docs/architecture.md and .ci/layer-boundaries.js.',
        unknownTarget: '{{target}} is in no row of the layer table: give its folder a row in docs/architecture.md and .ci/layer-boundaries.js.',
      },
    },
    create(context) {
      const file = toPosix(relative(root, context.filename));
      if (!file.startsWith('src/')) return {};
      const from = rowOf(file);

      /** Reports `node` (the import's source) if `specifier` leads where this layer may not go. */
      const check = (node, specifier, typeOnly) => {
        if (typeof specifier !== 'string' || !specifier.startsWith('.')) return; // packages: no-restricted-imports
        const target = toPosix(relative(root, resolve(dirname(context.filename), specifier)));
        if (target.startsWith(ASSETS)) return;
        const to = rowOf(target);
        if (from === undefined) {
          context.report({ node, messageId: 'unknownLayer', data: { file } });
          return;
        }
        if (to === undefined) {
          context.report({ node, messageId: 'unknownTarget', data: { target } });
          return;
        }
        if (to.name === from.name || from.may.includes(to.name) || from.filesFrom?.includes(target) === true) return;
        const data = { from: from.row ?? from.name, target, allowed: from.may.length === 0 ? 'nothing of ours' : from.may.join(', ') };
        if (from.typesFrom?.includes(target) === true) {
          if (!typeOnly) context.report({ node, messageId: 'typesOnly', data });
          return;
        }
        context.report({ node, messageId: 'refused', data });
      };

      const checkDeclaration = (node) => {
        if (node.source == null) return;
        // Only a declaration-level `import type` / `export type` is erased: under verbatimModuleSyntax,
        // `import { type X }` still loads the module.
        check(node.source, node.source.value, node.importKind === 'type' || node.exportKind === 'type');
      };

      return {
        ImportDeclaration: checkDeclaration,
        ExportNamedDeclaration: checkDeclaration,
        ExportAllDeclaration: checkDeclaration,
        ImportExpression(node) {
          if (node.source.type === 'Literal') check(node.source, node.source.value, false);
          else if (node.source.type === 'TemplateLiteral' && node.source.expressions.length === 0) {
            check(node.source, node.source.quasis[0]?.value.cooked, false);
          }
        },
        // `typeof import('../x.ts')` in a type.
        TSImportType(node) {
          check(node.source, node.source.value, true);
        },
      };
    },
  };
}
