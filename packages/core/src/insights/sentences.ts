// Sentences of a message with their offsets: what the insight heuristics look at.
import { dialogueActs, type DialogueAct } from '@phrasewatch/matcher';
export interface Sentence {
  text: string;
  start: number;
  index: number;
}

const SENTENCE = /[^.!?]+(?:[.!?]+|$)/g;

export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body.length > 0) out.push({ text: body, start: m.index! + lead, index: out.length });
  }
  return out;
}

/**
 * The dialogue acts of a sentence's words, read once for every heuristic. Its closing question mark is
 * left out, so that the acts show whether the words alone ask; a sentence that ends in "?" is never an
 * instruction, so the imperative reading loses nothing by it.
 */
export function sentenceActs(sentence: Sentence): DialogueAct[] {
  return dialogueActs(sentence.text.replace(/\?+$/, ''));
}
