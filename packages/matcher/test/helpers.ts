import { compile } from '../src/compile.js';
import { match } from '../src/match.js';
import type { MessageRef, Tracker } from '../src/types.js';

export interface Found extends MessageRef {
  tracker: string;
  value: string;
}

/** Every message ref found for `texts` (ids m0, m1, ...) with score and tier. */
export function findAll(trackers: Tracker[], texts: string[], threshold?: number): Found[] {
  const index = compile(trackers);
  const messages = texts.map((text, i) => ({ id: `m${i}`, text }));
  const out: Found[] = [];
  for (const t of match(index, messages, { details: true, threshold })) {
    for (const m of t.matches) for (const ref of m.messageRefs) out.push({ ...ref, tracker: t.name, value: m.value });
  }
  return out;
}

/** The refs of a one-phrase tracker against one message. */
export function find(phrase: string, text: string): Found | undefined {
  return findAll([{ name: 'T', vocabulary: [phrase] }], [text])[0];
}
