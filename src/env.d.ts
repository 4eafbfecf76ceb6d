// Stylesheets imported from an entry point are emitted by esbuild as a file next to its bundle.
declare module '*.css';

// Readability's small readerability check on its own (CommonJS, no types of its own): the gate
// imports just this file, never Readability itself.
declare module '@mozilla/readability/Readability-readerable.js' {
  const isProbablyReaderable: typeof import('@mozilla/readability').isProbablyReaderable;
  export default isProbablyReaderable;
}
