// Builds the ready-to-render views of stored stories for the sidebar and the popup.
import type { IDBPDatabase } from 'idb';
import { actionStateKey, type ArticleRecord, type StorylineDB } from '../formats/storage-schema';
import type { ActionView, OutletFacts, ReportView, StorySummary, StoryView } from '../contracts/views';
import { scopedId } from './pack-store';
import { readArticleIds } from './sources/history';
import { storyCategories } from './story-categories';
import { storyReports } from './story-reports';
import { feedKind } from '../formats/feeds/kind';
import { MATCH_THRESHOLD } from '../engine';
import type { TabMatch } from './tab-state';
import { holdBackElsewhere, storyTexts } from './steps-elsewhere';

type Database = IDBPDatabase<StorylineDB>;

function byTime(a: ArticleRecord, b: ArticleRecord): number {
  // Dated reports in time order; undated ones after them, in pack order.
  const ta = a.published ? Date.parse(a.published) : Infinity;
  const tb = b.published ? Date.parse(b.published) : Infinity;
  return ta - tb;
}

function timeSpan(articles: ArticleRecord[]): StoryView['span'] {
  const times = articles.flatMap((a) => (a.published ? [a.published] : []));
  if (times.length === 0) return null;
  times.sort((a, b) => Date.parse(a) - Date.parse(b));
  return { from: times[0] as string, to: times[times.length - 1] as string };
}

/** What each outlet's pack says about it (country, owner, lean), for the outlets that have any. */
async function outletFacts(database: Database, articles: ArticleRecord[]): Promise<Map<string, OutletFacts>> {
  const facts = new Map<string, OutletFacts>();
  for (const key of new Set(articles.map((a) => scopedId(a.packId, a.outlet)))) {
    const outlet = await database.get('outlets', key);
    if (!outlet) continue;
    const known: OutletFacts = {
      ...(outlet.country ? { country: outlet.country } : {}),
      ...(outlet.owner ? { owner: outlet.owner } : {}),
      ...(outlet.lean ? { lean: outlet.lean } : {}),
    };
    if (Object.keys(known).length > 0) facts.set(key, known);
  }
  return facts;
}

/** The reader's feeds that are an outlet's opinion or analysis section (feeds/kind.ts). */
async function opinionSources(database: Database): Promise<number> {
  return (await database.getAll('feeds')).filter((f) => feedKind(f.url, f.title) !== null).length;
}

async function actionViews(database: Database, storyId: string, own: ActionView[], categoryIds: string[]): Promise<ActionView[]> {
  const actions = [...own];
  for (const categoryId of categoryIds) {
    const category = await database.get('categories', categoryId);
    for (const step of category?.actions ?? []) {
      actions.push({ ...step, id: `${categoryId}#${step.id}`, done: false, fromCategory: category?.name ?? '' });
    }
  }
  for (const action of actions) {
    const state = await database.get('userState', actionStateKey(storyId, action.id));
    action.done = state?.kind === 'action-done' && state.done;
  }
  return actions;
}

export async function storyView(
  database: Database,
  storyId: string,
  context: { currentArticleId: string | null; why: TabMatch['why'] } & Pick<StoryView, 'pageLink' | 'privatePage'> = { currentArticleId: null, why: null },
): Promise<StoryView | null> {
  const story = await database.get('stories', storyId);
  if (!story) return null;
  const articles = (await storyReports(database, story)).sort(byTime);
  const { categories, choice } = await storyCategories(database, story, articles);
  const read = await readArticleIds(database, articles);
  const outlets = await outletFacts(database, articles);
  const reports: ReportView[] = articles.map((a) => ({
    id: a.id,
    title: a.title,
    outletName: a.outletName,
    kind: a.kind,
    current: a.id === context.currentArticleId,
    // The page being read is not marked: "you read this" points at the other reports.
    ...(read.has(a.id) && a.id !== context.currentArticleId ? { read: true } : {}),
    ...(a.url ? { url: a.url } : {}),
    ...(a.published ? { published: a.published } : {}),
    ...(a.excerpt ? { excerpt: a.excerpt } : {}),
    ...(outlets.has(scopedId(a.packId, a.outlet)) ? { outlet: outlets.get(scopedId(a.packId, a.outlet)) } : {}),
  }));
  const own = story.actions.map((step) => ({ ...step, done: false }));
  // Standing steps follow the categories shown, curated or classified.
  const steps = holdBackElsewhere(await actionViews(database, story.id, own, categories.map((c) => c.id)), storyTexts(story.title, articles));
  return {
    id: story.id,
    title: story.title,
    summary: story.summary,
    ...(story.summaryParts?.length ? { summaryParts: story.summaryParts } : {}),
    span: timeSpan(articles),
    categories,
    ...(choice ? { categoryChoice: choice } : {}),
    reports,
    opinions: story.opinions,
    ...(story.opinions.length === 0 ? { opinionSources: await opinionSources(database) } : {}),
    actions: steps.actions,
    ...(steps.heldBack ? { heldBack: steps.heldBack } : {}),
    why: context.why && { ...context.why, close: context.why.score >= MATCH_THRESHOLD },
    ...(context.pageLink ? { pageLink: context.pageLink } : {}),
    ...(context.privatePage ? { privatePage: true } : {}),
    following: false,
  };
}

export async function storySummary(database: Database, storyId: string): Promise<StorySummary | null> {
  const view = await storyView(database, storyId);
  if (!view) return null;
  return {
    id: view.id,
    title: view.title,
    summary: view.summary,
    reportCount: view.reports.length,
    opinionCount: view.opinions.length,
    actionCount: view.actions.length,
    actionsDone: view.actions.filter((a) => a.done).length,
  };
}
