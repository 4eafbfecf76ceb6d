// The editorial file: what a publisher writes about the articles the builder reads. Summaries,
// digests and action texts are the publisher's own; facts the input pages give (the people they
// name, their hashtags and petition links, the site that published them) are referred to, not
// retyped, so a typo cannot turn into a wrong name and the builder refuses a fact no page gives.
import type { ActionStep, ArticleKind, Contact, Opinion } from '../../src/formats/model';
import type { InputArticle } from './pack-input';

export interface EditorialAction extends ActionStep {
  /** Take the hashtags the input pages suggest. */
  hashtagsFromInput?: boolean;
  /** Take the first petition link the input pages give. */
  urlFromInput?: 'petition';
  /** Every contact is a person the input pages name; the editorial adds role, link and check date. */
  contactsFromInput?: boolean;
}

export interface EditorialOpinion extends Omit<Opinion, 'author'> {
  author?: string;
  /** An input article's id: the author is the site that published that page (its `site`). */
  siteOf?: string;
}

/** Notes on one input article, found by its id: a stable id, its kind, a lead in our own words. */
export interface ArticleEditorial {
  article: string;
  id?: string;
  kind?: ArticleKind;
  excerpt?: string;
}

/** What a publisher writes about one story, found by its `story` label or by any of its articles. */
export interface StoryEditorial {
  story?: string;
  article?: string;
  /** Input articles that make up the story `story`, whatever labels or the clusterer say. */
  articles?: string[];
  title?: string;
  summary?: string;
  /** Category ids; without them, the categories the story's pages name. */
  categories?: string[];
  opinions?: EditorialOpinion[];
  actions?: EditorialAction[];
}

export interface PackEditorial {
  pack?: { id?: string; publisher?: string; version?: string; updated?: string };
  /**
   * A category the pages name is matched by its `name`, or by one of `pageNames`: the names the
   * pages give it where the pack names it otherwise (a site's "Foreign Policy & International
   * Relations" filed as "Foreign policy and international relations", in the style of the others).
   */
  categories?: { id: string; name: string; pageNames?: string[]; parent?: string; actions?: EditorialAction[] }[];
  articles?: ArticleEditorial[];
  stories?: StoryEditorial[];
}

/** Drops undefined fields, so the pack holds only what is known (and stays byte-stable). */
export const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

const union = (lists: (string[] | undefined)[]): string[] => [...new Set(lists.flatMap((l) => l ?? []))];

function contact(c: Contact, people: Set<string> | null, action: string): Contact {
  if (people && !people.has(c.name)) throw new Error(`action '${action}': contact '${c.name}' is not a person the input pages name`);
  return defined({ name: c.name, role: c.role, email: c.email, url: c.url, checked: c.checked });
}

/** An action step with the facts it refers to taken from `pages`. */
export function resolveAction(a: EditorialAction, pages: readonly InputArticle[]): ActionStep {
  const url = a.urlFromInput === 'petition' ? union(pages.map((p) => p.petitions))[0] : a.url;
  if (a.urlFromInput && !url) throw new Error(`action '${a.id}': the input pages give no ${a.urlFromInput} link`);
  const people = a.contactsFromInput ? new Set(union(pages.map((p) => p.people))) : null;
  return defined({
    id: a.id,
    kind: a.kind,
    title: a.title,
    details: a.details,
    url,
    template: a.template && { subject: a.template.subject, body: a.template.body },
    contacts: a.contacts?.map((c) => contact(c, people, a.id)),
    hashtags: a.hashtagsFromInput ? union(pages.map((p) => p.hashtags)) : a.hashtags,
    curatedBy: a.curatedBy,
    checked: a.checked,
  });
}

export function resolveOpinion(o: EditorialOpinion, inputs: ReadonlyMap<string, InputArticle>): Opinion {
  let { author, source } = o;
  if (o.siteOf !== undefined) {
    const site = inputs.get(o.siteOf)?.site;
    if (!site) throw new Error(`opinion '${o.id}': input '${o.siteOf}' names no site that published it`);
    author = site.name;
    source = site.domain ?? source;
  }
  if (!author) throw new Error(`opinion '${o.id}' needs an author or siteOf`);
  return defined({ id: o.id, title: o.title, author, source, url: o.url, summary: o.summary });
}
