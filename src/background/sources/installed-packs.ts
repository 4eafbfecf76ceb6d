// Installed packs read back as Pack documents (local ids, unscoped), so the feed-story builder can
// label feed stories with the categories of the nearest labelled story.
import type { IDBPDatabase } from 'idb';
import type { Article, Pack, Story } from '../../formats/model';
import { PACK_FORMAT } from '../../formats/model';
import type { PackRecord, ReportRecord, StorylineDB } from '../../formats/storage-schema';
import { packValues } from '../pack-keys';

const local = (packId: string, id: string): string => (id.startsWith(`${packId}/`) ? id.slice(packId.length + 1) : id);

function toArticle(packId: string, record: ReportRecord): Article {
  const { urlKey: _key, outletName: _name, ...article } = record;
  return { ...article, id: local(packId, article.id) };
}

/** Installed packs that `keep` accepts, with only their categorised stories (the ones that label). */
export async function labelledPacks(database: IDBPDatabase<StorylineDB>, keep: (pack: PackRecord) => boolean): Promise<Pack[]> {
  const packs: Pack[] = [];
  for (const record of (await database.getAll('packs')).filter(keep)) {
    const id = record.id;
    const categories = (await packValues(database, 'categories', id)).map(({ packId: _p, ...c }) => ({
      ...c,
      id: local(id, c.id),
      ...(c.parent === undefined ? {} : { parent: local(id, c.parent) }),
    }));
    const stories: Story[] = (await packValues(database, 'stories', id))
      .filter((s) => s.categories.length > 0)
      .map(({ packId: _p, reports, urlKeys: _k, ...s }) => ({
        ...s,
        id: local(id, s.id),
        categories: s.categories.map((c) => local(id, c)),
        articles: reports.map((r) => toArticle(id, r)),
      }));
    const outlets = (await packValues(database, 'outlets', id)).map(({ packId: _p, ...o }) => ({ ...o, id: local(id, o.id) }));
    packs.push({ format: PACK_FORMAT, id, publisher: record.publisher, version: record.version, updated: record.updated, categories, outlets, stories });
  }
  return packs;
}
