// Questions: a sentence that ends with "?", or opens like one ("how do we...", "is there..."), as the
// matcher's dialogue acts read it.
import type { DialogueAct } from '@phrasewatch/matcher';
import type { Sentence } from './sentences.js';

/** A score in (0, 1] when the sentence is a question, else 0. `acts`: its words' acts (see sentenceActs). */
export function questionScore(sentence: Sentence, acts: DialogueAct[]): number {
  const asks = acts.includes('yes-no question') || acts.includes('wh-question');
  if (sentence.text.endsWith('?')) return asks ? 0.95 : 0.85;
  const words = sentence.text.split(/\s+/).length;
  return asks && words >= 4 && !sentence.text.endsWith('!') ? 0.6 : 0;
}
