// Lint: typescript-eslint's recommended rules plus the zones of src/ (README.md, "Layout").
// A folder says where its code runs; one rule per zone says what it may import:
//   engine/, formats/  pure code (the background and Node scripts): no process, contracts/, ui/, shared/,
//                      no polyfill and no browser globals
//   contracts/         the messages between processes: formats/ and engine/ only
//   shared/, ui/       several processes (ui/: the pages): never a process folder
//   a process folder   never another one (but the gate reuses content/: both run in the page's isolated
//                      world); pages also use ui/, the content script, gate and background do not
// CSS: a stylesheet imported from script comes from its own folder or ui/ (the process rules cover
// it); @import between stylesheets is checked by test/unit/css-imports.test.ts (ESLint reads no CSS).
// The background is handed the browser by its entry point (src/background/index.ts, the only
// background module that may load the polyfill), so the rest of it runs in Node's unit tests.
import tseslint from 'typescript-eslint';

const PROCESSES = ['content', 'background', 'sidebar', 'popup', 'options', 'welcome', 'gate'];
const PAGES = ['sidebar', 'popup', 'options', 'welcome'];
const POLYFILL = { name: 'webextension-polyfill', message: 'Only shared/browser.ts loads the polyfill.' };

/** One zone: files under `folders` may not import the src/ folders in `forbidden`. */
function zone(folders, forbidden, why, paths = []) {
  const group = (folder) => [`**/${folder}/**`, `../${folder}`, `../../${folder}`, `../../../${folder}`];
  return {
    files: folders.map((folder) => `src/${folder}/**`),
    rules: {
      'no-restricted-imports': ['error', { paths, patterns: forbidden.map((folder) => ({ group: group(folder), message: `${why} (not src/${folder}/).` })) }],
    },
  };
}
const others = (own) => PROCESSES.filter((p) => p !== own);

export default tseslint.config(
  // src/formats/generated/: ajv's output from schemas/ (scripts/gen-validators.ts), checked by its own test.
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'test-results/**', 'src/formats/generated/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Markup from strings is how injected content becomes script; the build also disables
      // Preact's dangerouslySetInnerHTML (scripts/lib/safe-dom-plugin.ts).
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Build DOM nodes; never set HTML from strings.' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Build DOM nodes; never set HTML from strings.' },
      ],
    },
  },
  zone(['engine', 'formats'], [...PROCESSES, 'contracts', 'ui', 'shared'], 'engine/ and formats/ are pure: Node runs them', [POLYFILL]),
  zone(['contracts'], [...PROCESSES, 'ui', 'shared'], 'contracts/ hold only the messages and the formats they carry', [POLYFILL]),
  zone(['shared', 'ui'], PROCESSES, 'shared/ and ui/ serve several processes'),
  ...PAGES.map((page) => zone([page], others(page), 'A page talks to the others by messages')),
  ...['background', 'content'].map((p) => zone([p], [...others(p), 'ui'], 'The background and the content script talk to the others by messages')),
  // The gate and the content script are content scripts in one isolated world: the gate reuses content/.
  zone(['gate'], [...others('gate').filter((p) => p !== 'content'), 'ui'], 'The gate runs in the page'),
  {
    files: ['src/engine/**', 'src/formats/**'],
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'indexedDB', 'chrome', 'browser', 'fetch', 'self', 'localStorage'] },
  },
  {
    files: ['src/background/**'],
    ignores: ['src/background/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          // Types of the polyfill are fine (browser-api.ts): they are erased and load nothing.
          paths: [{ name: 'webextension-polyfill', allowTypeImports: true, message: 'Use the BackgroundBrowser handed in by src/background/index.ts.' }],
          patterns: [
            {
              group: ['**/shared/browser', '**/shared/browser.ts', '**/shared/messaging', '**/shared/settings-store'],
              message: 'Only src/background/index.ts loads the browser (shared/browser.ts; messaging.ts and settings-store.ts load it too): take the BackgroundBrowser it hands in (browser-api.ts).',
            },
          ],
        },
      ],
    },
  },
);
