// Exact, lemma and stem tiers: phrases whose stem sequence occurs contiguously, found by walking the
// trie from every token. The tier is then told by comparing lemmas (and, later, normal forms).
import { PRONOUN_DROPPED } from '../compile.js';
import { DEFAULTS } from '../defaults.js';
import type { EncodedMessage } from '../encode.js';
import { SUBJECT_PRONOUNS } from '../lexicon.js';
import { negatorsBefore } from '../negation.js';
import { CLAUSE_BEFORE } from '../normalize.js';
import type { Runtime } from '../runtime.js';
import { childOf } from '../trie.js';
import { CONTIGUOUS_SCORE, LEMMA, STEM } from './index.js';

export interface ContiguousHit {
  pattern: number;
  tier: number;
  score: number;
  /** Message token the match starts at. */
  start: number;
  /** Phrase token the comparison starts at (1 when a leading pronoun was dropped). */
  patternFrom: number;
}

export function findContiguous(runtime: Runtime, message: EncodedMessage, onHit: (hit: ContiguousHit) => void): void {
  const { index } = runtime;
  const { trie, patternStart, tokenLemma } = index;
  const { outStart, outPattern, outFlags } = trie;
  const n = message.count;
  const stems = message.stem;
  for (let i = 0; i < n; i++) {
    let node = 0;
    for (let j = i; j < n; j++) {
      node = childOf(trie, node, stems[j]);
      if (node < 0) break;
      for (let k = outStart[node]; k < outStart[node + 1]; k++) {
        const pattern = outPattern[k];
        const dropped = (outFlags[k] & PRONOUN_DROPPED) !== 0;
        if (dropped && !(i === 0 || message.flags[i] & CLAUSE_BEFORE || SUBJECT_PRONOUNS.has(runtime.wordOf(message.lemma[i - 1])))) continue;
        // The span holds the phrase's own negators; one just before it flips the meaning.
        if (negatorsBefore(message, i) & 1) continue;
        const patternFrom = dropped ? 1 : 0;
        const from = patternStart[pattern] + patternFrom;
        let sameLemmas = true;
        let related = true;
        for (let t = 0; t <= j - i && related; t++) {
          if (message.lemma[i + t] !== tokenLemma[from + t]) {
            sameLemmas = false;
            related = runtime.derived(message.lemma[i + t], tokenLemma[from + t]);
          }
        }
        if (!related) continue;
        const tier = sameLemmas ? LEMMA : STEM;
        const score = dropped ? Math.min(DEFAULTS.pronounScore, CONTIGUOUS_SCORE[tier]) : CONTIGUOUS_SCORE[tier];
        onHit({ pattern, tier, score, start: i, patternFrom });
      }
    }
  }
}
