// Action items, heuristically: commitments ("I'll send the quote", "let's meet Friday"), requests ("can
// you send me the invite", "please call back") and imperatives ("Send me the contract"), with wink-nlp's
// part-of-speech tags telling a verb from a noun. Commitments and proposals are definitive.
import { tagWords } from '@phrasewatch/matcher';
import type { Sentence } from './sentences.js';

const COMMITMENT = /\b(i|we)\s*(?:'ll|will|shall|'m going to|am going to|'re going to|are going to|need to|have to|must)\s+\w+/i;
const PROPOSAL = /\b(?:let's|let us)\s+\w+/i;
const REQUEST = /\b(?:can|could|would|will)\s+you\s+(?:please\s+)?(?!be\b)\w+|^please\s+\w+|\bmake sure\b/i;
const NEGATED = /\b(?:i|we)\s*(?:'ll|will|am|'m|are|'re)?\s*(?:not|never|won't|can't)\b|\b(?:won't|can't|don't)\b/i;
// Verbs that open sentences without asking anything of anyone.
const NOT_IMPERATIVE = new Set(['thank', 'thanks', 'hope', 'welcome', 'say', 'mean', 'guess', 'see', 'look', 'sound', 'seem']);

export interface ActionItemCue {
  score: number;
  definitive: boolean;
  /** A request or an instruction: the one spoken to does it, not the speaker. */
  addressed: boolean;
}

const OBJECTS = new Set(['me', 'us', 'him', 'her', 'them', 'it', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'your', 'our', 'my']);

/**
 * A sentence that opens with a verb in its base form and is no question: "Send me the contract." wink-nlp
 * often tags a sentence-initial imperative as a noun ("Review the sheet"), so a noun in base form counts
 * too when an object or a determiner follows it.
 */
function isImperative(sentence: Sentence): boolean {
  if (sentence.text.endsWith('?')) return false;
  const words = tagWords(sentence.text).filter((w) => w.pos !== 'PUNCT' && w.pos !== 'INTJ');
  const [first, second] = words;
  if (!first || !second || words.length < 3 || NOT_IMPERATIVE.has(first.lemma) || first.value.toLowerCase() !== first.lemma) return false;
  // A gerund opens a noun phrase ("Meeting notes are attached"), not an instruction.
  if (first.pos === 'VERB') return second.pos !== 'AUX' && !first.lemma.endsWith('ing');
  return (first.pos === 'NOUN' || first.pos === 'PROPN') && OBJECTS.has(second.value.toLowerCase());
}

export function actionItemCue(sentence: Sentence): ActionItemCue | null {
  const text = sentence.text.replace(/\u2019/g, "'");
  if (NEGATED.test(text)) return null;
  if (COMMITMENT.test(text)) return { score: 0.85, definitive: true, addressed: false };
  if (PROPOSAL.test(text)) return { score: 0.75, definitive: true, addressed: false };
  if (REQUEST.test(text)) return { score: 0.7, definitive: false, addressed: true };
  if (isImperative(sentence)) return { score: 0.65, definitive: false, addressed: true };
  return null;
}
