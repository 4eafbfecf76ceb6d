// Entry points import their stylesheet for esbuild to emit next to the bundle; TypeScript needs to
// know such side-effect imports are intended.
declare module '*.css';
