// Public entry of the matching engine: pure TypeScript, no browser API, shared by the background
// service worker, the pack builder and the benchmarks.
export * from './types';
export { docTerms, StoryIndex } from './story-index';
export { StreamClusterer, type StreamClustererOptions } from './stream-clusterer';
export type { Verifier } from './verifier';
export { ENGINE_SNAPSHOT_VERSION, type EngineSnapshot } from './snapshot';
// Calibrated by `npx tsx scripts/calibrate.ts` on allsides-dev and neus-dev only.
export { MATCH_THRESHOLD } from './calibration';
export { ENGINE_STAMP, readClustererState, writeClustererState, type ClustererState } from './clusterer-state';
