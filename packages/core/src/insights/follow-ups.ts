// Follow-ups, as Symbl defines them: the action items that set up a later contact or meeting ("I'll call
// you next week", "let's meet on Tuesday", "can you email me the proposal?"). An action item is a
// follow-up when it names a way of getting in touch; a time ("tomorrow", "next week", "on Friday") makes
// it more certain.
import type { Sentence } from './sentences.js';

// Contact: a call, a message, a meeting, or coming back to someone.
const CONTACT = new RegExp(
  [
    String.raw`\b(?:call|calls|calling|phone|ring|text|email|e-mail|ping|message|dm|reach out|get back to|get in touch|follow up|follow-up|circle back|touch base|check in|check back|catch up|sync up|sync|reconnect|talk again|speak again|talk (?:to|with) you|speak (?:to|with) you)\b`,
    String.raw`\b(?:meet|meeting|appointment|demo|call back|callback)\b`,
    String.raw`\b(?:schedule|set up|book|arrange|organize|send(?: you| me| us)?(?: an?| the)?)\s+(?:\w+\s+)?(?:call|meeting|appointment|demo|invite|invitation|calendar|email|e-mail|message|note)\b`,
  ].join('|'),
  'i',
);
const WHEN = /\b(?:today|tonight|tomorrow|later|soon|next (?:week|month|time|monday|tuesday|wednesday|thursday|friday)|this (?:afternoon|evening|week)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday)|in (?:a|an|two|three|\d+) (?:minutes?|hours?|days?|weeks?)|at \d{1,2}(?::\d\d)?\s*(?:am|pm)?|end of (?:the )?(?:day|week))\b/i;

/** The follow-up score of an action item's sentence, or 0 when it sets up no later contact. */
export function followUpScore(sentence: Sentence, actionItemScore: number): number {
  const text = sentence.text.replace(/\u2019/g, "'");
  if (!CONTACT.test(text)) return 0;
  return Math.min(0.95, actionItemScore + (WHEN.test(text) ? 0.1 : 0));
}
