// Topic-labelled data of ../shared/data/topics, read per its README's protocol: AllSides articles
// dated up to 2018-12-31 train and calibrate; 2019–2020 test (a `group`, one roundup's topic and
// date, never straddles the two since its date is one); allsides-dev-story-topics tests out of
// time at story level, each story classified from its member articles in ../stories/allsides-dev.
// Labels become civic ids through OUR map (scripts/data/topic-map.json).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TopicMember } from '../../src/engine/topics/topic-terms';
import { CIVIC_IDS } from './topic-seed';

export const TOPICS_DIR = path.resolve(import.meta.dirname, '../../../shared/data/topics');
export const STORIES_FILE = path.resolve(import.meta.dirname, '../../../shared/data/stories/allsides-dev.jsonl');
export const BALY = 'allsides-baly.jsonl';
export const DEV_TOPICS = 'allsides-dev-story-topics.jsonl';
const TRAIN_END = '2018-12-31';

/** One thing to classify: an article, or a story of member articles, with its gold civic ids. */
export interface LabelledItem {
  id: string;
  members: TopicMember[];
  topic: string;
  /** Civic ids the topic maps to; empty: "no category" is the right answer. */
  gold: string[];
  group: string;
  /** Publication date (YYYY-MM-DD), null where the data gives none (the 2021 stories). */
  date: string | null;
  source: string | null;
  splitMedia: string | null;
}

export interface TopicMap {
  toCivic(topic: string): string[];
}

export function loadTopicMap(file = path.resolve(import.meta.dirname, '../data/topic-map.json')): TopicMap {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { none: string[]; map: Record<string, string[]> };
  const known = new Set(CIVIC_IDS);
  for (const [slug, ids] of Object.entries(raw.map)) {
    for (const id of ids) if (!known.has(id)) throw new Error(`topic-map.json: "${slug}" maps to unknown civic id "${id}"`);
  }
  const none = new Set(raw.none);
  return {
    toCivic(topic) {
      if (none.has(topic)) return [];
      const ids = raw.map[topic];
      // An unmapped topic is a gap in the map, not "no category": refuse to guess.
      if (!ids) throw new Error(`topic-map.json has no entry for the AllSides topic "${topic}"`);
      return ids;
    },
  };
}

/** Why the data cannot be read, or null when it can. */
export function missingData(dir = TOPICS_DIR): string | null {
  for (const f of [path.join(dir, BALY), path.join(dir, DEV_TOPICS), STORIES_FILE]) {
    if (!existsSync(f)) return `${f} is absent (the topic data lives in ../shared, outside the repository)`;
  }
  return null;
}

function jsonl(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export interface BalySplit {
  /** Dated up to 2018-12-31: the only rows anything is fitted or calibrated on. */
  train: LabelledItem[];
  /** Dated 2019–2020: held out. */
  test: LabelledItem[];
}

export function loadBaly(map: TopicMap, dir = TOPICS_DIR): BalySplit {
  const split: BalySplit = { train: [], test: [] };
  for (const o of jsonl(path.join(dir, BALY))) {
    const date = str(o.date);
    if (!date) continue;
    const topic = String(o.topic);
    const item: LabelledItem = {
      id: String(o.id),
      members: [{ title: str(o.title) ?? '', text: str(o.text) }],
      topic,
      gold: map.toCivic(topic),
      group: String(o.group),
      date,
      source: str(o.source),
      splitMedia: str(o.split_media),
    };
    if (date <= TRAIN_END) split.train.push(item);
    else if (date.startsWith('2019') || date.startsWith('2020')) split.test.push(item);
  }
  return split;
}

/** The 2021 stories, each with its member articles (stories merged by the stories file's errata
 * have no members of their own and are left out: their articles are counted under the kept id). */
export function loadDevStories(map: TopicMap, dir = TOPICS_DIR): { items: LabelledItem[]; skipped: string[] } {
  const members = new Map<string, TopicMember[]>();
  for (const o of jsonl(STORIES_FILE)) {
    const story = String(o.story);
    (members.get(story) ?? members.set(story, []).get(story)!).push({ title: str(o.title) ?? '', text: str(o.text) });
  }
  const items: LabelledItem[] = [];
  const skipped: string[] = [];
  for (const o of jsonl(path.join(dir, DEV_TOPICS))) {
    const id = String(o.id);
    const m = members.get(id);
    if (!m) {
      skipped.push(id);
      continue;
    }
    const topic = String(o.topic);
    items.push({ id, members: m, topic, gold: map.toCivic(topic), group: id, date: null, source: null, splitMedia: null });
  }
  return { items, skipped };
}

/** Articles of one roundup group pooled into one story: the training data's own stories. */
export function groupStories(items: readonly LabelledItem[]): LabelledItem[] {
  const byGroup = new Map<string, LabelledItem[]>();
  for (const it of items) (byGroup.get(it.group) ?? byGroup.set(it.group, []).get(it.group)!).push(it);
  return [...byGroup.values()]
    .filter((g) => g.length > 1)
    .map((g) => ({ ...g[0]!, id: `group:${g[0]!.group}`, members: g.flatMap((it) => it.members) }));
}
