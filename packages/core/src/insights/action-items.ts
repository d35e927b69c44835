// Action items, heuristically: commitments ("I'll send the quote", "let's meet Friday", "let me send you
// the quote"), requests ("can you send me the invite", "please call back") and imperatives ("Send me the
// contract"), proposals and imperatives read by the matcher's dialogue acts. Commitments and proposals
// are definitive.
import type { DialogueAct } from '@phrasewatch/matcher';
import type { Sentence } from './sentences.js';

const COMMITMENT = /\b(i|we)\s*(?:'ll|will|shall|'m going to|am going to|'re going to|are going to|need to|have to|must)\s+\w+/i;
const PROPOSAL = /\b(?:let's|let us)\s+\w+/i;
const REQUEST = /\b(?:can|could|would|will)\s+you\s+(?:please\s+)?(?!be\b)\w+|^please\s+\w+|\bmake sure\b/i;
const NEGATED = /\b(?:i|we)\s*(?:'ll|will|am|'m|are|'re)?\s*(?:not|never|won't|can't)\b|\b(?:won't|can't|don't)\b/i;
export interface ActionItemCue {
  score: number;
  definitive: boolean;
  /** A request or an instruction: the one spoken to does it, not the speaker. */
  addressed: boolean;
}

/** An instruction, as the matcher's dialogue acts read it: "Send me the contract." */
function isImperative(sentence: Sentence, acts: DialogueAct[]): boolean {
  if (sentence.text.endsWith('?') || sentence.text.split(/\s+/).length < 3) return false;
  return acts[0] === 'request';
}

/** `acts`: the sentence's acts (see sentenceActs). */
export function actionItemCue(sentence: Sentence, acts: DialogueAct[]): ActionItemCue | null {
  const text = sentence.text.replace(/\u2019/g, "'");
  if (NEGATED.test(text)) return null;
  if (COMMITMENT.test(text)) return { score: 0.85, definitive: true, addressed: false };
  if (PROPOSAL.test(text) || acts[0] === 'proposal') return { score: 0.75, definitive: true, addressed: false };
  if (REQUEST.test(text)) return { score: 0.7, definitive: false, addressed: true };
  if (isImperative(sentence, acts)) return { score: 0.65, definitive: false, addressed: true };
  return null;
}
