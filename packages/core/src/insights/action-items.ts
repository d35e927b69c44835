// Action items, heuristically: commitments ("I'll send the quote", "let's meet Friday") and requests
// ("can you send me the invite", "please call back"). Commitments by the speaker are definitive.
import type { Sentence } from './sentences.js';

const COMMITMENT = /\b(i|we)\s*(?:'ll|will|shall|'m going to|am going to|'re going to|are going to|need to|have to|must)\s+\w+/i;
const PROPOSAL = /\b(?:let's|let us)\s+\w+/i;
const REQUEST = /\b(?:can|could|would|will)\s+you\s+(?:please\s+)?(?!be\b)\w+|^please\s+\w+|\bmake sure\b/i;
const NEGATED = /\b(?:i|we)\s*(?:'ll|will|am|'m|are|'re)?\s*(?:not|never|won't|can't)\b|\b(?:won't|can't|don't)\b/i;

export interface ActionItemCue {
  score: number;
  definitive: boolean;
}

export function actionItemCue(sentence: Sentence): ActionItemCue | null {
  const text = sentence.text.replace(/\u2019/g, "'");
  if (NEGATED.test(text)) return null;
  if (COMMITMENT.test(text)) return { score: 0.85, definitive: true };
  if (PROPOSAL.test(text)) return { score: 0.75, definitive: true };
  if (REQUEST.test(text)) return { score: 0.7, definitive: false };
  return null;
}
