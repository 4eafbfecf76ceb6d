// Scoring the topic classifier against mapped AllSides labels. The rule, used by the training
// script (to set the threshold) and the bench alike:
// - each item's answer is its top category, or "no category" when none reaches the threshold;
// - "no category" is right for an item the data puts in none; for an item the data puts in a
//   category it is an abstention: it lowers coverage, not precision;
// - a top category is right when it is one of the item's gold categories or, in the lenient count
//   (the headline figure), the parent of one ("politics" for an elections story is broad, not
//   wrong); the strict count takes the gold category only;
// - precision = right answers / answers (top categories given + "no category" on no-category items);
// - coverage = share of the items the data puts in a category that are given one.
import { pickTopics, suggestTopics, type TopicClassifier, type TopicEvidence } from '../../src/engine/topics/topic-classifier';
import type { LabelledItem } from './topic-data';

export interface Scored {
  gold: readonly string[];
  /** The classifier's evidence (null: no usable words), read at any threshold by pickTopics. */
  evidence: TopicEvidence | null;
}

export interface CategoryFigures {
  /** Items whose gold set holds the category. */
  gold: number;
  /** Items given it as top category, and of those how many are right (lenient). */
  top: number;
  topRight: number;
  /** Items given it in their set, and of those how many are right (lenient). */
  inSet: number;
  setRight: number;
  /** Gold items that got it in their set. */
  found: number;
}

export interface Figures {
  items: number;
  /** Items the data puts in some category. */
  withCategory: number;
  precision: number;
  precisionStrict: number;
  /** Precision over the items given a category only (a category on a no-category item is wrong). */
  precisionOfGiven: number;
  coverage: number;
  /** Share of all items left without a category. */
  noCategoryShare: number;
  /** Share of no-category items rightly left without one. */
  noneKept: number;
  /** Top category: recall = right top categories / items the data puts in a category. */
  topRecall: number;
  setPrecision: number;
  setRecall: number;
  perCategory: Record<string, CategoryFigures>;
}

export function scoreItems(classifier: TopicClassifier, items: readonly LabelledItem[]): Scored[] {
  return items.map((it) => ({ gold: it.gold, evidence: classifier.evidence(it.members) }));
}

export function evaluate(scored: readonly Scored[], threshold: number, parentOf: ReadonlyMap<string, string>): Figures {
  const right = (id: string, gold: readonly string[], strict = false): boolean =>
    gold.includes(id) || (!strict && gold.some((g) => parentOf.get(g) === id));
  const per: Record<string, CategoryFigures> = {};
  const cat = (id: string): CategoryFigures => (per[id] ??= { gold: 0, top: 0, topRight: 0, inSet: 0, setRight: 0, found: 0 });
  let withCategory = 0;
  let given = 0;
  let topRight = 0;
  let topRightStrict = 0;
  let noneItems = 0;
  let noneKept = 0;
  let setSize = 0;
  let setRight = 0;
  let goldSize = 0;
  let goldFound = 0;
  let givenOnSome = 0;
  for (const { gold, evidence } of scored) {
    const set = pickTopics(evidence, threshold).map((s) => s.id);
    if (set.length > 0 && gold.length > 0) givenOnSome++;
    if (gold.length > 0) withCategory++;
    else noneItems++;
    for (const g of gold) cat(g).gold++;
    if (set.length === 0) {
      if (gold.length === 0) noneKept++;
    } else {
      given++;
      const top = set[0]!;
      const ok = right(top, gold);
      if (ok) topRight++;
      if (right(top, gold, true)) topRightStrict++;
      cat(top).top++;
      if (ok) cat(top).topRight++;
    }
    for (const id of set) {
      setSize++;
      cat(id).inSet++;
      if (right(id, gold)) {
        setRight++;
        cat(id).setRight++;
      }
    }
    for (const g of gold) {
      goldSize++;
      if (set.includes(g) || set.includes(parentOf.get(g) ?? '')) {
        goldFound++;
        cat(g).found++;
      }
    }
  }
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  return {
    items: scored.length,
    withCategory,
    precision: ratio(topRight + noneKept, given + noneKept),
    precisionStrict: ratio(topRightStrict + noneKept, given + noneKept),
    precisionOfGiven: ratio(topRight, given),
    coverage: ratio(givenOnSome, withCategory),
    noCategoryShare: ratio(scored.length - given, scored.length),
    noneKept: ratio(noneKept, noneItems),
    topRecall: ratio(topRight, withCategory),
    setPrecision: ratio(setRight, setSize),
    setRecall: ratio(goldFound, goldSize),
    perCategory: per,
  };
}

/** How the categories offered to the reader (suggestTopics) fare on the items given none. */
export interface SuggestionFigures {
  /** Items given no category at the threshold. */
  abstained: number;
  /** Of those the data puts in a category: how many, how many are offered a list, and in how many
   * the list holds a right category (the gold one or, lenient, its parent). */
  abstainedWithGold: number;
  offered: number;
  offeredRight: number;
  /** Items the data puts in no category that are offered a list anyway. */
  noneOffered: number;
  /** Share of lists holding a right category, over every list offered (a list on a no-category
   * item counts as not right). */
  listPrecision: number;
  /** Share of the abstained items with a gold category that are offered a right one. */
  reach: number;
  /** Categories offered in all, and the share of them that are right. */
  entries: number;
  entryPrecision: number;
}

export function suggestionFigures(scored: readonly Scored[], threshold: number, floor: number, parentOf: ReadonlyMap<string, string>): SuggestionFigures {
  const right = (id: string, gold: readonly string[]): boolean => gold.includes(id) || gold.some((g) => parentOf.get(g) === id);
  let abstained = 0;
  let abstainedWithGold = 0;
  let offered = 0;
  let offeredRight = 0;
  let noneOffered = 0;
  let entries = 0;
  let entriesRight = 0;
  for (const { gold, evidence } of scored) {
    if (pickTopics(evidence, threshold).length > 0) continue;
    abstained++;
    const list = suggestTopics(evidence, threshold, floor).map((s) => s.id);
    entries += list.length;
    entriesRight += list.filter((id) => right(id, gold)).length;
    if (gold.length === 0) {
      if (list.length > 0) noneOffered++;
      continue;
    }
    abstainedWithGold++;
    if (list.length === 0) continue;
    offered++;
    if (list.some((id) => right(id, gold))) offeredRight++;
  }
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  return { abstained, abstainedWithGold, offered, offeredRight, noneOffered, listPrecision: ratio(offeredRight, offered + noneOffered), reach: ratio(offeredRight, abstainedWithGold), entries, entryPrecision: ratio(entriesRight, entries) };
}
