// A pack as the records it is stored as, with one digest per story record (the story and its
// reports), so installing a newer version of an installed pack rewrites only the stories that changed.
// Pure: built before the pack's transaction opens, since that transaction may await nothing else.
import type { Category, Outlet, Pack, Story } from '../../formats/model';
import type { CategoryRecord, OutletRecord, ReportRecord, StoryRecord } from '../../formats/storage-schema';
import { urlKey } from '../../formats/url';

/** The stored id of a pack's record: `packId/localId`. */
export const scopedId = (packId: string, id: string): string => `${packId}/${id}`;

export interface DigestedStory {
  story: StoryRecord;
  /** Changes when the story record (its reports included) would be stored differently. */
  digest: string;
  /** Length of its JSON: what the record roughly takes on disk, in characters. */
  chars: number;
}

export interface PackRecords {
  categories: CategoryRecord[];
  outlets: OutletRecord[];
  stories: DigestedStory[];
}

// Bump when the records built here change shape without their content changing, so digests kept
// from an older build never let a story stored in the old shape stand. 2: reports inside the story.
const RECORD_FORMAT = 2;

/** cyrb53: a fast 53-bit string hash. Not cryptographic: it only has to notice an edit. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef ^ RECORD_FORMAT;
  let h2 = 0x41c6ce57 ^ RECORD_FORMAT;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function categoryRecord(packId: string, category: Category): CategoryRecord {
  return {
    ...category,
    ...(category.parent === undefined ? {} : { parent: scopedId(packId, category.parent) }),
    id: scopedId(packId, category.id),
    packId,
  };
}

export const outletRecord = (packId: string, outlet: Outlet): OutletRecord => ({ ...outlet, id: scopedId(packId, outlet.id), packId });

/** One story's record, its reports inside, named with `outletNames` (outlet id → name). */
export function storyRecord(packId: string, { articles, ...rest }: Story, outletNames: ReadonlyMap<string, string>): DigestedStory {
  const id = (local: string): string => scopedId(packId, local);
  const reports = articles.map((article): ReportRecord => {
    const key = article.url === undefined ? null : urlKey(article.url);
    return { ...article, id: id(article.id), outletName: outletNames.get(article.outlet) ?? article.outlet, ...(key ? { urlKey: key } : {}) };
  });
  const urlKeys = [...new Set(reports.flatMap((r) => (r.urlKey === undefined ? [] : [r.urlKey])))];
  const story: StoryRecord = { ...rest, id: id(rest.id), categories: rest.categories.map(id), packId, reports, urlKeys };
  const json = JSON.stringify(story);
  return { story, digest: hash53(json), chars: json.length };
}

export function packRecords(pack: Pack): PackRecords {
  const outletNames = new Map(pack.outlets.map((o) => [o.id, o.name]));
  return {
    categories: pack.categories.map((c) => categoryRecord(pack.id, c)),
    outlets: pack.outlets.map((o) => outletRecord(pack.id, o)),
    stories: pack.stories.map((story) => storyRecord(pack.id, story, outletNames)),
  };
}
