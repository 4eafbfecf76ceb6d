// Public entry of the matching engine: pure TypeScript, no browser API, shared by the background
// service worker, the pack builder and the benchmarks.
export * from './types';
export { StoryIndex } from './story-index';
export { docTerms, termsOnce, withFeatureMemo } from './feature-memo';
export { StreamClusterer, type StreamClustererOptions } from './stream-clusterer';
export type { Verifier } from './verifier';
export { DOC_PARTS, ENGINE_SNAPSHOT_VERSION, type EngineSnapshot } from './snapshot';
// Calibrated by `npx tsx scripts/calibrate.ts` on allsides-dev and neus-dev only.
export { MATCH_THRESHOLD } from './calibration';
// A page that matches none: its best guesses, offered as unsure.
export { MAX_MAYBE, MAYBE_FLOOR, maybeRelated } from './decision';
// The topic classifier: civic categories for any story, with the words that decided them.
// Weights and TOPIC_THRESHOLD are written by `npm run train:topics` from the pre-2019 training split.
export { civicTopics } from './topics/civic-topics';
export { TopicClassifier, MAX_TOPICS, MAX_SUGGESTIONS, TOPIC_SUGGEST_FLOOR, type TopicModel, type TopicReading, type TopicScore } from './topics/topic-classifier';
export type { TopicMember } from './topics/topic-terms';
export { TOPIC_THRESHOLD } from './topic-weights';
export { ENGINE_STAMP, readClustererState, writeClustererState, type ClustererState } from './clusterer-state';
