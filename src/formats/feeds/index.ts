// Feeds: parse RSS (0.90 to 2.0), Atom (1.0 and its 0.3 draft) and JSON Feed into FeedItems, and find a page's declared feeds.
export type { Feed, FeedDialect, FeedItem, FeedParseResult } from './types';
export { FEED_LIMITS, decodeFeedBytes, parseFeed, type ParseFeedOptions } from './parse-feed';
export { discoverFeeds, isHtmlPage, pageTitleOf, type DiscoveredFeed } from './discover';
export { parseFeedDate } from './dates';
export { articleKind, feedKind, titleParts } from './kind';
export { ItemMemo, type KnownItems } from './known-items';
export { mergeFeedItems, retainFeedItems, type MergeOptions } from './merge';
