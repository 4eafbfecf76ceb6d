// Turns a document into weighted terms. The title says what the event is, the lead adds its
// specifics, the body mostly context: zone weights reflect that. Entity and number terms ride
// on top of the stemmed words so a shared name or figure counts twice (word and entity).
import type { EngineDoc } from './types';
import { extractEntities, findKnownEntities, isTitleCase, type EntityMap } from './entities';
import { stem } from './stem';
import { isContentWord, startsUpper, tokenize } from './tokenize';

export interface DocFeatures {
  /** term → weight (before IDF). Word terms are stems; entity terms start with "e:" or "n:". */
  terms: Map<string, number>;
  /** term → how the document wrote it, for "why this match". */
  display: Map<string, string>;
  /** Terms the title itself contributes (words and names): what the headline says happened. */
  titleTerms: Set<string>;
  /** Whether there was any text beside the headline (a headline alone is thinner evidence). */
  hasText: boolean;
}

const TITLE_WEIGHT = 3;
const LEAD_WEIGHT = 1.5;
const BODY_WEIGHT = 1;
// Entities weigh a little less than words: they are an extra signal on words already counted.
const ENTITY_WEIGHT = 0.8;
const LEAD_CHARS = 300;
// Past the first paragraphs an article drifts into background, and the verifier is calibrated on
// headlines with leads of at most ~680 characters (allsides-dev, neus-dev): a page read to 1,500 or
// 2,000 characters brings in enough other terms that the share of it a story covers falls below
// anything calibration saw, and a report of the very event scores like a stranger.
const MAX_TEXT_CHARS = 700;
// A headline is a line: a "title" longer than this is a page's mistake (a whole body in <title>),
// and reading all of it costs its length on every match.
const MAX_TITLE_CHARS = 1_000;

export function extractFeatures(doc: Pick<EngineDoc, 'title' | 'text'>): DocFeatures {
  const terms = new Map<string, number>();
  const display = new Map<string, string>();
  const raw = new Map<string, number>();
  const titleTerms = new Set<string>();
  const add = (term: string, w: number, surface: string): void => {
    raw.set(term, (raw.get(term) ?? 0) + w);
    if (!display.has(term)) display.set(term, surface);
  };

  const title = (doc.title ?? '').slice(0, MAX_TITLE_CHARS);
  const text = (doc.text ?? '').slice(0, MAX_TEXT_CHARS);
  const cut = leadEnd(text);
  const zones: [string, number][] = [
    [title, TITLE_WEIGHT],
    [text.slice(0, cut), LEAD_WEIGHT],
    [text.slice(cut), BODY_WEIGHT],
  ];
  const textEntities: EntityMap = new Map();
  const zoneTokens = zones.map(([z]) => tokenize(z));
  zones.forEach(([zone, weight], i) => {
    const tokens = zoneTokens[i]!;
    for (const t of tokens) {
      if (!isContentWord(t.norm)) continue;
      const term = stem(t.norm);
      add(term, weight, startsUpper(t.surface) && /^\p{Lu}{2,}$/u.test(t.surface) ? t.surface : t.norm);
      if (i === 0) titleTerms.add(term);
    }
    if (i === 0) return;
    for (const [k, s] of extractEntities(tokens, zone, true)) {
      textEntities.set(k, s);
      add(k, weight * ENTITY_WEIGHT, s);
    }
  });
  const titleTokens = zoneTokens[0]!;
  const titleCase = isTitleCase(titleTokens);
  const titleEntities = extractEntities(titleTokens, title, !titleCase);
  for (const [k, s] of findKnownEntities(titleTokens, textEntities)) titleEntities.set(k, s);
  for (const [k, s] of titleEntities) {
    add(k, TITLE_WEIGHT * ENTITY_WEIGHT, s);
    titleTerms.add(k);
  }

  // Square root damping: a word repeated in title and lead matters more, but not linearly.
  for (const [term, w] of raw) terms.set(term, Math.sqrt(w));
  return { terms, display, titleTerms, hasText: text.trim().length > 0 };
}

/** End of the lead: the first sentence boundary after LEAD_CHARS/2, or LEAD_CHARS. */
function leadEnd(text: string): number {
  if (text.length <= LEAD_CHARS) return text.length;
  const m = /[.!?]\s/.exec(text.slice(LEAD_CHARS / 2));
  const end = m ? LEAD_CHARS / 2 + m.index + 1 : LEAD_CHARS;
  return Math.min(end, LEAD_CHARS * 2);
}
