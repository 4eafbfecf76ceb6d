// Lint: typescript-eslint's recommended rules plus the process boundaries of src/.
// Folders are processes; a module may only import what runs in its own process:
//   engine/  pure matching code: nothing but itself (and shared's pure helpers)
//   shared/  used by every process: never a process folder
//   content/ runs in the page: never background/, sidebar/, popup/ or options/
// The background is handed the browser by its entry point (src/background/index.ts, the only
// background module that may load the polyfill), so the rest of it runs in Node's unit tests.
import tseslint from 'typescript-eslint';

const PROCESSES = ['content', 'background', 'sidebar', 'popup', 'options'];

/** A no-restricted-imports rule that forbids importing the given src/ folders. */
function forbid(folders, why) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: folders.map((folder) => ({
          group: [`**/${folder}`, `**/${folder}/**`, `../${folder}/*`, `./${folder}/*`],
          message: `${why} (src/${folder} is another process).`,
        })),
      },
    ],
  };
}

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
  { files: ['src/engine/**'], rules: forbid(PROCESSES, 'The engine is pure code shared by every process and Node') },
  {
    files: ['src/engine/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'navigator', 'indexedDB'],
    },
  },
  { files: ['src/shared/**'], rules: forbid(PROCESSES, 'shared/ is imported by every process') },
  { files: ['src/content/**'], rules: forbid(['background', 'sidebar', 'popup', 'options'], 'The content script runs in the page') },
  { files: ['src/sidebar/**', 'src/popup/**', 'src/options/**'], rules: forbid(['background', 'content'], 'Extension pages talk to the background by messages') },
  {
    files: ['src/background/**'],
    ignores: ['src/background/index.ts'],
    rules: {
      'no-restricted-imports': [
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
