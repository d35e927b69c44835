import porter2 from 'wink-porter2-stemmer';

/** Porter2 stem of a lemma; digits and short words are their own stem. */
export function stemOf(lemma: string): string {
  if (lemma.length < 3) return lemma;
  const c = lemma.charCodeAt(0);
  if (c >= 48 && c <= 57) return lemma;
  return porter2(lemma);
}
