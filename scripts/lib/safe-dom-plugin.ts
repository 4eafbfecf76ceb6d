// Two libraries we bundle assign HTML strings to innerHTML, which addons.mozilla.org's linter
// (web-ext lint) rightly flags: a string parsed as markup is how injected content turns into script.
// This esbuild plugin rewrites those few assignments into DOM operations at build time. Each pattern
// must match exactly as often as expected, so a library upgrade that moves the code fails the build
// instead of silently shipping the unsafe assignment again.
import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';

interface Rewrite {
  pattern: RegExp;
  replace: string;
  count: number;
}

const REWRITES: { file: RegExp; rewrites: Rewrite[] }[] = [
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

export const safeDomPlugin: Plugin = {
  name: 'safe-dom',
  setup(build) {
    for (const { file, rewrites } of REWRITES) {
      build.onLoad({ filter: file }, async ({ path }) => {
        let contents = await readFile(path, 'utf8');
        for (const { pattern, replace, count } of rewrites) {
          const found = contents.match(pattern)?.length ?? 0;
          if (found !== count) throw new Error(`safe-dom: ${pattern} matched ${found} times in ${path}, expected ${count}`);
          contents = contents.replace(pattern, replace);
        }
        return { contents, loader: 'js' };
      });
    }
  },
};
