// The tiers, strictest first. Contiguous tiers come from the trie walk, similar ones from alignment;
// a message keeps, per phrase, the best tier that matched.
import { DEFAULTS } from '../defaults.js';
import type { TierName } from '../types.js';

export interface Tier {
  readonly name: TierName;
  /** Whether a match of this tier reports where it starts (else offset -1). */
  readonly hasOffset: boolean;
}

export const TIERS: readonly Tier[] = [
  { name: 'exact', hasOffset: true },
  { name: 'lemma', hasOffset: true },
  { name: 'stem', hasOffset: false },
  { name: 'gap', hasOffset: false },
  { name: 'fuzzy', hasOffset: false },
];

export const EXACT = 0, LEMMA = 1, STEM = 2, GAP = 3, FUZZY = 4;

export const CONTIGUOUS_SCORE: Readonly<Record<number, number>> = {
  [EXACT]: DEFAULTS.exactScore,
  [LEMMA]: DEFAULTS.lemmaScore,
  [STEM]: DEFAULTS.stemScore,
};
