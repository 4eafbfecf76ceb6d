// Stylesheets imported from an entry point are emitted by esbuild as a file next to its bundle.
declare module '*.css';
