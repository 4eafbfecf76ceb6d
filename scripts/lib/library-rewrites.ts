// Rewrites of bundled libraries at build time, as an esbuild plugin. Each pattern must match exactly
// as often as expected, so a library upgrade that moves the code fails the build instead of silently
// shipping what the rewrite was there to remove.
// - Two libraries assign HTML strings to innerHTML, which addons.mozilla.org's linter (web-ext lint)
//   rightly flags: a string parsed as markup is how injected content turns into script. Those few
//   assignments become DOM operations.
// - Readability's readerability check is a CommonJS file (`module.exports = …`). The gate script,
//   which every page runs, imports it alone; as CommonJS it brought esbuild's interop helpers, about
//   a tenth of the gate's 5,000-byte budget. Its export becomes the ES module export it stands for.
import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';

interface Rewrite {
  pattern: RegExp;
  replace: string;
  count: number;
}

const REWRITES: { file: RegExp; rewrites: Rewrite[] }[] = [
  {
    file: /[\\/]@mozilla[\\/]readability[\\/]Readability-readerable\.js$/,
    rewrites: [
      {
        pattern: /if \(typeof module === "object"\) \{[^}]*module\.exports = isProbablyReaderable;\s*\}/g,
        replace: 'export default isProbablyReaderable;',
        count: 1,
      },
    ],
  },
  {
    // Readability caches the page as HTML to restore it between attempts: keep a DOM clone instead.
    file: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
    rewrites: [
      { pattern: /var pageCacheHtml = page\.innerHTML;/g, replace: 'var pageCache = page.cloneNode(true);', count: 1 },
      {
        pattern: /page\.innerHTML = pageCacheHtml;/g,
        replace: 'page.replaceChildren(...pageCache.cloneNode(true).childNodes);',
        count: 1,
      },
      // <noscript> content is text while scripting is on; parse it inert, then move the nodes.
      {
        pattern: /tmp\.innerHTML = noscript\.innerHTML;/g,
        replace: 'tmp.replaceChildren(...new DOMParser().parseFromString(noscript.innerHTML, "text/html").body.childNodes);',
        count: 1,
      },
    ],
  },
  {
    // Preact's dangerouslySetInnerHTML: Storyline never uses it (a lint rule forbids it); make it fail loudly.
    file: /[\\/]preact[\\/]dist[\\/]preact\.mjs$/,
    rewrites: [
      {
        pattern: /\(([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\)/g,
        replace: '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Storyline")})()',
        count: 1,
      },
    ],
  },
];

export const libraryRewritesPlugin: Plugin = {
  name: 'library-rewrites',
  setup(build) {
    for (const { file, rewrites } of REWRITES) {
      build.onLoad({ filter: file }, async ({ path }) => {
        let contents = await readFile(path, 'utf8');
        for (const { pattern, replace, count } of rewrites) {
          const found = contents.match(pattern)?.length ?? 0;
          if (found !== count) throw new Error(`library-rewrites: ${pattern} matched ${found} times in ${path}, expected ${count}`);
          contents = contents.replace(pattern, replace);
        }
        return { contents, loader: 'js' };
      });
    }
  },
};
