// Questions, heuristically: a sentence that ends with "?", or opens like one ("how do we...", "is there...").
import type { Sentence } from './sentences.js';

const OPENERS = /^(what|when|where|who|whom|whose|why|how|which|is|are|was|were|do|does|did|can|could|would|will|should|shall|may|might|have|has|had|am|isn't|aren't|don't|doesn't|didn't|won't|can't)\b/i;

/** A score in (0, 1] when the sentence is a question, else 0. */
export function questionScore(sentence: Sentence): number {
  if (sentence.text.endsWith('?')) return OPENERS.test(sentence.text) ? 0.95 : 0.85;
  const words = sentence.text.split(/\s+/).length;
  return OPENERS.test(sentence.text) && words >= 4 && !sentence.text.endsWith('!') ? 0.6 : 0;
}
