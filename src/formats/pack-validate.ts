// Validates a pack before anything is stored: a bad pack gets a clear error and changes nothing.
// schemas/pack.schema.json is the one description of a pack: the validator generated from it
// (src/formats/generated/pack-schema.js, npm run gen:validators) checks every field's type, length
// and shape. What follows here is only what JSON Schema cannot say: references between ids, unique
// ids, real calendar dates and URLs the platform's parser accepts. Unknown extra keys are not read.
import { layout, maxLengths, validate } from './generated/pack-schema';
import { MAX_CATEGORY_DESCRIPTION, type Pack } from './model';
import { quoted } from './guards';
import { isHttpUrl, isIsoDate, isIsoDateTime, isRecord, type Rec } from './pack-validate-fields';
import { locate, mergeErrors, schemaErrors, type PlacedError, type SchemaMessages } from './schema-check';

export { isEmail, isHostname, isHttpUrl, isIsoDate, isIsoDateTime } from './pack-validate-fields';

export type PackValidation = { ok: true; pack: Pack } | { ok: false; errors: string[] };

/** The limits by field name, read from the schema's defs; a function, so bundles that do not use them drop them. */
function textLimits(): Readonly<Record<string, number>> {
  const long = maxLengths['longText']!;
  return {
    id: maxLengths['id']!, parent: maxLengths['id']!, outlet: maxLengths['id']!,
    title: maxLengths['title']!, description: MAX_CATEGORY_DESCRIPTION,
    summary: long, details: long, excerpt: long, body: long,
    url: maxLengths['httpUrl']!, email: maxLengths['email']!,
  };
}
const shortText = (): number => maxLengths['name']!;

/**
 * The longest text each field of a pack may hold, in characters, as the schema says
 * (docs/pack-format.md, "Limits"). Ids travel in messages that refuse longer ones; the others keep
 * one field from filling the sidebar or the store. Fields not named here: SHORT_TEXT.
 */
export const PACK_TEXT_LIMITS: Readonly<Record<string, number>> = /* @__PURE__ */ textLimits();
/** Names, roles, publisher, version and the like. */
export const SHORT_TEXT: number = /* @__PURE__ */ shortText();

const NOT_DATE_TIME = 'not an ISO 8601 date-time with offset';
const NOT_PUBLISHED = 'not a publication date: an ISO 8601 date-time with offset, from 1990 on';
/**
 * A report's or an opinion's date: a date-time a news item can have. Earlier ones are a template's
 * placeholder ("0000-01-01T00:00:00Z" showed as a span from 2 BC): refused, as feeds' and pages'
 * dates before 1990 are read as no date (formats/feeds/dates.ts, contracts/page-report.ts).
 */
const fromNewsYears = (v: string): boolean => !isIsoDateTime(v) || Number(v.slice(0, 4)) >= 1990;
const NOT_DATE = 'not an ISO date (YYYY-MM-DD)';
const NOT_URL = 'not an http(s) URL';
/** What the sidebar fills (src/sidebar/letter.ts): any other `{` would be sent in the letter as typed. */
const PLACEHOLDER_SHAPE = 'has a {placeholder} the letter cannot fill: write {name}, a letter then letters, digits, _ or -, closed on the same line';

/** Words for a value the schema refuses, by the kind of value its place holds. */
const MESSAGES: SchemaMessages = {
  invalid: {
    dateTime: NOT_DATE_TIME,
    checkedDate: NOT_DATE,
    httpUrl: NOT_URL,
    email: 'not an email address',
    hostname: 'not a lower-case domain name',
    'template.subject': PLACEHOLDER_SHAPE,
    'template.body': PLACEHOLDER_SHAPE,
  },
  always: { 'action.hashtags': "must be a word without '#' or spaces" },
  type: { 'story.categories': 'must be a string' },
};

type Segment = string | number;
const records = (value: unknown): [Rec, number][] => (Array.isArray(value) ? value.flatMap((v, i): [Rec, number][] => (isRecord(v) ? [[v, i]] : [])) : []);
const isCheckedDate = (v: string): boolean => isIsoDate(v) || isIsoDateTime(v);

/** The checks beyond JSON Schema, on input of any shape: what is not the expected type is skipped. */
class Beyond {
  readonly errors: PlacedError[] = [];
  add(path: Segment[], message: string): void {
    this.errors.push({ ...locate(layout, path.map(String), 'pack'), message });
  }
  /** The string at `obj[key]` fails `test`. */
  check(obj: Rec, key: string, path: Segment[], test: (v: string) => boolean, message: string): void {
    const value = obj[key];
    if (typeof value === 'string' && !test(value)) this.add([...path, key], message);
  }
  /** Ids seen twice in `items` (into `seen`, which may span several lists). */
  unique(items: [Rec, number][], path: Segment[], seen = new Set<string>(), note = ''): Set<string> {
    for (const [item, i] of items) {
      const id = item['id'];
      if (typeof id !== 'string') continue;
      if (seen.has(id)) this.add([...path, i, 'id'], `duplicate id '${id}'${note}`);
      seen.add(id);
    }
    return seen;
  }
  actions(owner: Rec, path: Segment[]): void {
    const actions = records(owner['actions']);
    this.unique(actions, [...path, 'actions']);
    for (const [action, i] of actions) {
      const at = [...path, 'actions', i];
      this.check(action, 'url', at, isHttpUrl, NOT_URL);
      this.check(action, 'checked', at, isCheckedDate, NOT_DATE);
      for (const [contact, c] of records(action['contacts'])) {
        this.check(contact, 'url', [...at, 'contacts', c], isHttpUrl, NOT_URL);
        this.check(contact, 'checked', [...at, 'contacts', c], isCheckedDate, NOT_DATE);
      }
    }
  }
}

function checkStory(beyond: Beyond, story: Rec, path: Segment[], refs: { categories: Set<string>; outlets: Set<string>; articles: Set<string> }): void {
  const categories = story['categories'];
  if (Array.isArray(categories)) {
    categories.forEach((ref, i) => {
      if (typeof ref === 'string' && !refs.categories.has(ref)) beyond.add([...path, 'categories', i], `unknown category '${ref}'`);
    });
  }
  for (const [part, i] of records(story['summaryParts'])) beyond.check(part, 'url', [...path, 'summaryParts', i], isHttpUrl, NOT_URL);
  const articles = records(story['articles']);
  // Reports are known as `packId/articleId` (engine index, follows): two stories sharing one would take each other's.
  beyond.unique(articles, [...path, 'articles'], refs.articles, ' (article ids are unique in the whole pack)');
  for (const [article, i] of articles) {
    const at = [...path, 'articles', i];
    beyond.check(article, 'url', at, isHttpUrl, NOT_URL);
    beyond.check(article, 'outlet', at, (id) => refs.outlets.has(id), `unknown outlet '${quoted(article['outlet'])}'`);
    beyond.check(article, 'published', at, isIsoDateTime, NOT_DATE_TIME);
    beyond.check(article, 'published', at, fromNewsYears, NOT_PUBLISHED);
  }
  const opinions = records(story['opinions']);
  beyond.unique(opinions, [...path, 'opinions']);
  for (const [opinion, i] of opinions) {
    beyond.check(opinion, 'url', [...path, 'opinions', i], isHttpUrl, NOT_URL);
    beyond.check(opinion, 'published', [...path, 'opinions', i], isIsoDateTime, NOT_DATE_TIME);
    beyond.check(opinion, 'published', [...path, 'opinions', i], fromNewsYears, NOT_PUBLISHED);
  }
  beyond.actions(story, path);
}

function checkBeyondSchema(pack: Rec): PlacedError[] {
  const beyond = new Beyond();
  beyond.check(pack, 'updated', [], isIsoDateTime, NOT_DATE_TIME);
  const categories = records(pack['categories']);
  const stories = records(pack['stories']);
  const refs = {
    categories: beyond.unique(categories, ['categories']),
    outlets: beyond.unique(records(pack['outlets']), ['outlets']),
    articles: new Set<string>(),
  };
  beyond.unique(stories, ['stories']);
  for (const [category, i] of categories) {
    const parent = category['parent'];
    if (typeof parent === 'string' && (parent === category['id'] || !refs.categories.has(parent))) {
      beyond.add(['categories', i, 'parent'], parent === category['id'] ? 'a category cannot be its own parent' : `unknown category '${parent}'`);
    }
    beyond.actions(category, ['categories', i]);
  }
  checkParentCycles(beyond, categories);
  for (const [story, i] of stories) checkStory(beyond, story, ['stories', i], refs);
  return beyond.errors;
}

/**
 * Parents that lead back to where they started (world → europe → world) would send every walk up
 * a category's ancestors round for ever. Each category's chain is followed once overall (a chain
 * already cleared ends the walk), so the check is linear in the number of categories; each cycle
 * is reported once, at its first category in the file.
 */
function checkParentCycles(beyond: Beyond, categories: [Rec, number][]): void {
  const parentOf = new Map<string, string>();
  const placeOf = new Map<string, number>();
  for (const [category, i] of categories) {
    const id = category['id'];
    if (typeof id !== 'string') continue;
    if (!placeOf.has(id)) placeOf.set(id, i);
    if (typeof category['parent'] === 'string' && category['parent'] !== id) parentOf.set(id, category['parent']);
  }
  const cleared = new Set<string>();
  for (const start of placeOf.keys()) {
    const walked: string[] = [];
    const onWalk = new Set<string>();
    let id: string | undefined = start;
    while (id !== undefined && !cleared.has(id) && !onWalk.has(id)) {
      onWalk.add(id);
      walked.push(id);
      id = parentOf.get(id);
    }
    if (id !== undefined && onWalk.has(id)) {
      const cycle = walked.slice(walked.indexOf(id));
      const first = cycle.reduce((a, b) => (placeOf.get(a)! <= placeOf.get(b)! ? a : b));
      const from = cycle.indexOf(first);
      const path = [...cycle.slice(from), ...cycle.slice(0, from), first];
      beyond.add(['categories', placeOf.get(first)!, 'parent'], `its parents lead back to it (${path.join(' → ')})`);
    }
    for (const seen of walked) cleared.add(seen);
  }
}

export function validatePack(input: unknown): PackValidation {
  const fromSchema = schemaErrors(validate, layout, input, 'pack', MESSAGES);
  const errors = mergeErrors(fromSchema, isRecord(input) ? checkBeyondSchema(input) : []);
  // The schema checked every field the extension reads, so the input is a Pack; extra keys pass untouched.
  return errors.length ? { ok: false, errors } : { ok: true, pack: input as Pack };
}
