// Sentences of a message with their offsets: what the insight heuristics look at.
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
