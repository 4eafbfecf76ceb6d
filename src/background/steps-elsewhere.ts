// Steps that work through one country's institutions, held back on a story about another country:
// Vote.gov and the FEC are beside the point on France's election, and a reader outside the U.S.
// reading about their own country's budget is not helped by the CBO. Held back, not dropped: the
// sidebar says so and shows them on request.
import type { ActionView, HeldBackSteps } from '../contracts/views';
import { countryMentions, storyElsewhere, type WeightedText } from '../formats/story-country';

/** What a story's texts say of place: headlines count three times a lead. */
export function storyTexts(title: string, reports: readonly { title: string; excerpt?: string | undefined }[]): WeightedText[] {
  return [
    { text: title, weight: 3 },
    ...reports.flatMap((r) => [{ text: r.title, weight: 3 }, ...(r.excerpt ? [{ text: r.excerpt, weight: 1 }] : [])]),
  ];
}

/** `actions` split into those shown and those held back for being another country's. */
export function holdBackElsewhere(
  actions: readonly ActionView[],
  texts: readonly WeightedText[],
): { actions: ActionView[]; heldBack?: HeldBackSteps } {
  if (!actions.some((a) => a.country)) return { actions: [...actions] };
  const mentions = countryMentions(texts);
  const shown: ActionView[] = [];
  const held: ActionView[] = [];
  const countries = new Set<string>();
  let about: string | null = null;
  for (const action of actions) {
    const { country } = action;
    const elsewhere = country ? storyElsewhere(mentions, country) : null;
    if (!country || !elsewhere) {
      shown.push(action);
      continue;
    }
    held.push(action);
    countries.add(country);
    about ??= elsewhere.about;
  }
  // A step the reader has ticked stays with the others: they showed it and took it, and the
  // popup's count and the sidebar's agree.
  if (held.length === 0 || held.some((a) => a.done)) return { actions: [...actions] };
  return {
    actions: shown,
    heldBack: { actions: held, countries: [...countries], about },
  };
}
