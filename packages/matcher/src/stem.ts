import porter2 from 'wink-porter2-stemmer';
import { DEFAULTS } from './defaults.js';

/** Porter2 stem of a lemma; digits, short words and over-long ones are their own stem. */
export function stemOf(lemma: string): string {
  if (lemma.length < 3 || lemma.length > DEFAULTS.maxWordLength) return lemma;
  const c = lemma.charCodeAt(0);
  if (c >= 48 && c <= 57) return lemma;
  return porter2(lemma);
}

// Endings that turn a word into a form or derivation of itself. Porter2 also strips others ("university"
// and "universe" share "univers"), which would join unrelated words.
const ENDINGS: readonly string[] = [
  's', 'es', 'd', 'ed', 'ing', 'er', 'ers', 'ion', 'ions', 'ation', 'ations', 'ment', 'ments',
  'able', 'ability', 'ly', 'ness', 'al',
];

/** Whether two words with one stem are forms of each other: the shorter (less a final "e") + an ending. */
export function isDerivedForm(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  for (const base of short.endsWith('e') ? [short, short.slice(0, -1)] : [short]) {
    if (long.startsWith(base) && (long.length === base.length || ENDINGS.includes(long.slice(base.length)))) return true;
    // Doubled final consonant: "cancelled", "running".
    if (long.startsWith(base + base[base.length - 1]) && ENDINGS.includes(long.slice(base.length + 1))) return true;
  }
  return false;
}
