// The demo site's articles are data: facts (outlet, headline, time) plus a body written for the demo
// in our own words. scripts/lib/demo-site.ts lays them out as pages; scripts/lib/demo-feeds.ts lists
// them in the outlets' feeds. Nothing here is bundled into the extension.

export interface DemoArticle {
  outlet: string;
  headline: string;
  /** ISO 8601 with the outlet's offset; absent when the outlet's page states no time. */
  published?: string;
  /**
   * Paragraphs in reading order; a line starting with `## ` is a subheading. Every sentence is
   * ours: test/unit/demo-copy.test.ts checks that no run of 8 words stands in a seed page.
   */
  body: string[];
  /** What the page's footer says of its text, where the two usual notes (a made-up story; facts of the
   * outlet's own report) do not fit. */
  note?: string;
}

/** One outlet's report of the 2025-08-15 Alaska summit: a report of the starter pack's story. */
export interface SummitReport extends DemoArticle {
  /** The seed page whose facts it carries (`../shared/seed-stories/<seed>`), in seed order. */
  seed: string;
}

/**
 * A report of the made-up second event, dated relative to the moment the demo starts (a feed of
 * last year's news is not a feed, and readers' retention windows would drop it).
 */
export interface EventReport extends Omit<DemoArticle, 'published'> {
  hoursAgo: number;
}
