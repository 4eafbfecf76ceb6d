// Validates a pack before anything is stored: a bad pack gets a clear error and changes nothing.
// Hand-written and dependency-free so it runs in every extension process and in the pack builder.
// Strict on the types of the model's fields; unknown extra keys are not read.
import { PACK_FORMAT, type ArticleKind, type Pack } from './model';
import { validateActions } from './pack-validate-actions';
import { isHostname, isHttpUrl, isIsoDateTime, isRecord, Issues, PACK_TEXT_LIMITS, SHORT_TEXT, type Rec } from './pack-validate-fields';

export { isEmail, isHostname, isHttpUrl, isIsoDate, isIsoDateTime, PACK_TEXT_LIMITS, SHORT_TEXT } from './pack-validate-fields';

export type PackValidation = { ok: true; pack: Pack } | { ok: false; errors: string[] };

const ARTICLE_KINDS: readonly ArticleKind[] = ['report', 'opinion', 'analysis'];
const OPINION_KINDS: readonly ArticleKind[] = ['opinion', 'analysis'];
const NOT_DATE_TIME = 'not an ISO 8601 date-time with offset';
const NOT_URL = 'not an http(s) URL';

/** Ids that other parts of the pack may point at, and article ids seen so far. */
interface Refs {
  categories: Set<string>;
  outlets: Set<string>;
  /** Reports are known as `packId/articleId` (engine index, follows): two stories sharing one would take each other's. */
  articles: Set<string>;
}

function validateCategory(issues: Issues, value: unknown, path: string, refs: Refs): void {
  const category = issues.record(value, path);
  if (!category) return;
  const id = issues.text(category, 'id', path);
  issues.text(category, 'name', path);
  issues.text(category, 'description', path, true);
  const parent = issues.text(category, 'parent', path, true);
  if (parent !== undefined && (parent === id || !refs.categories.has(parent))) {
    issues.add(`${path}.parent`, parent === id ? 'a category cannot be its own parent' : `unknown category '${parent}'`);
  }
  validateActions(issues, category, path);
}

function validateOutlet(issues: Issues, value: unknown, path: string): void {
  const outlet = issues.record(value, path);
  if (!outlet) return;
  issues.text(outlet, 'id', path);
  issues.text(outlet, 'name', path);
  issues.checked(outlet, 'domain', path, isHostname, 'not a lower-case domain name', true);
  for (const key of ['country', 'owner', 'lean']) issues.text(outlet, key, path, true);
}

function validateArticle(issues: Issues, value: unknown, path: string, refs: Refs): void {
  const article = issues.record(value, path);
  if (!article) return;
  issues.text(article, 'id', path);
  issues.checked(article, 'url', path, isHttpUrl, NOT_URL, true);
  issues.text(article, 'title', path);
  const outlet = issues.text(article, 'outlet', path);
  if (outlet !== undefined && !refs.outlets.has(outlet)) issues.add(`${path}.outlet`, `unknown outlet '${outlet}'`);
  issues.checked(article, 'published', path, isIsoDateTime, NOT_DATE_TIME, true);
  issues.text(article, 'excerpt', path, true);
  issues.oneOf(article, 'kind', path, ARTICLE_KINDS);
}

function validateOpinion(issues: Issues, value: unknown, path: string): void {
  const opinion = issues.record(value, path);
  if (!opinion) return;
  for (const key of ['id', 'title', 'summary']) issues.text(opinion, key, path);
  // The byline is optional: an opinion from a feed item without an author has none.
  for (const key of ['author', 'source']) issues.text(opinion, key, path, true);
  issues.checked(opinion, 'url', path, isHttpUrl, NOT_URL, true);
  issues.checked(opinion, 'published', path, isIsoDateTime, NOT_DATE_TIME, true);
  if (opinion['kind'] !== undefined) issues.oneOf(opinion, 'kind', path, OPINION_KINDS);
}

/** An assembled summary's sentences, each credited to its source. */
function validateSummaryParts(issues: Issues, story: Rec, path: string): void {
  issues.list(story, 'summaryParts', path, true).forEach((p, i) => {
    const part = issues.record(p, `${path}.summaryParts[${i}]`);
    if (!part) return;
    for (const key of ['text', 'source']) issues.text(part, key, `${path}.summaryParts[${i}]`);
    issues.checked(part, 'url', `${path}.summaryParts[${i}]`, isHttpUrl, NOT_URL, true);
  });
}

function validateStory(issues: Issues, value: unknown, path: string, refs: Refs): void {
  const story = issues.record(value, path);
  if (!story) return;
  for (const key of ['id', 'title', 'summary']) issues.text(story, key, path);
  validateSummaryParts(issues, story, path);
  issues.list(story, 'categories', path).forEach((ref, i) => {
    if (typeof ref !== 'string') issues.add(`${path}.categories[${i}]`, 'must be a string');
    else if (ref.length > PACK_TEXT_LIMITS['id']!) issues.add(`${path}.categories[${i}]`, `longer than ${PACK_TEXT_LIMITS['id']} characters`);
    else if (!refs.categories.has(ref)) issues.add(`${path}.categories[${i}]`, `unknown category '${ref}'`);
  });
  const articles = issues.list(story, 'articles', path);
  articles.forEach((a, i) => {
    const id = isRecord(a) ? a['id'] : undefined;
    if (typeof id !== 'string') return;
    if (refs.articles.has(id)) issues.add(`${path}.articles[${i}].id`, `duplicate id '${id}' (article ids are unique in the whole pack)`);
    refs.articles.add(id);
  });
  articles.forEach((a, i) => validateArticle(issues, a, `${path}.articles[${i}]`, refs));
  const opinions = issues.list(story, 'opinions', path);
  issues.uniqueIds(opinions, `${path}.opinions`);
  opinions.forEach((o, i) => validateOpinion(issues, o, `${path}.opinions[${i}]`));
  validateActions(issues, story, path);
}

function validateRoot(issues: Issues, pack: Rec): void {
  if (pack['format'] !== PACK_FORMAT) issues.add('format', `must be ${PACK_FORMAT}`);
  for (const key of ['id', 'publisher', 'version']) issues.text(pack, key, '');
  issues.checked(pack, 'updated', '', isIsoDateTime, NOT_DATE_TIME);
}

export function validatePack(input: unknown): PackValidation {
  const issues = new Issues({ byKey: PACK_TEXT_LIMITS, otherwise: SHORT_TEXT });
  const pack = issues.record(input, 'pack');
  if (!pack) return { ok: false, errors: issues.errors };
  validateRoot(issues, pack);
  const categories = issues.list(pack, 'categories', '');
  const outlets = issues.list(pack, 'outlets', '');
  const stories = issues.list(pack, 'stories', '');
  const refs: Refs = {
    categories: issues.uniqueIds(categories, 'categories'),
    outlets: issues.uniqueIds(outlets, 'outlets'),
    articles: new Set(),
  };
  issues.uniqueIds(stories, 'stories');
  categories.forEach((c, i) => validateCategory(issues, c, `categories[${i}]`, refs));
  outlets.forEach((o, i) => validateOutlet(issues, o, `outlets[${i}]`));
  stories.forEach((s, i) => validateStory(issues, s, `stories[${i}]`, refs));
  // Every field read above has the model's type, so the input is a Pack; extra keys pass untouched.
  return issues.errors.length ? { ok: false, errors: issues.errors } : { ok: true, pack: pack as unknown as Pack };
}
