// Topics, heuristically: the noun phrases of a conversation (runs of adjectives and nouns ending in a
// noun, from wink-nlp's part-of-speech tags), without stop words, weighted by how often they come up and
// across how many messages. No model: a phrase named once in passing is not a topic, and a topic never
// named (a paraphrase) is not found.
import { tagWords, trackerIdFor } from '@phrasewatch/matcher';
import type { StoredMessage } from '../types.js';

const NOUNS = new Set(['NOUN', 'PROPN']);
const MODIFIERS = new Set(['ADJ', 'NOUN', 'PROPN']);
// Nouns too general to be what a conversation is about.
const GENERIC = new Set([
  'thing', 'things', 'stuff', 'way', 'lot', 'bit', 'kind', 'sort', 'time', 'day', 'today', 'tomorrow', 'yesterday', 'week', 'moment',
  'minute', 'hour', 'yes', 'no', 'ok', 'okay', 'hi', 'hello', 'hey', 'bye', 'thanks', 'thank', 'please', 'sir', 'madam',
  'ma\'am', 'guy', 'guys', 'everything', 'something', 'anything', 'nothing', 'one', 'number', 'name', 'question', 'problem',
  'right', 'now', 'sure', 'fine', 'great', 'good', 'bye',
]);
// Words of time end a noun phrase ("the data team next Tuesday" is about the data team).
const TIME = new Set([
  'today', 'tomorrow', 'yesterday', 'tonight', 'morning', 'afternoon', 'evening', 'night', 'next', 'last', 'week', 'weekend', 'month', 'year',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
]);
// Quantifiers tagged as adjectives, dropped from the front of a phrase ("most data warehouses").
const LEADING = new Set(['most', 'many', 'more', 'few', 'several', 'other', 'same', 'such', 'own', 'certain', 'various', 'whole', 'entire', 'first', 'second', 'third']);
const MAX_TOPICS = 10;
const MAX_WORDS = 4;

export interface Topic {
  id: string;
  text: string;
  type: 'topic';
  score: number;
  messageIds: string[];
  parentRefs: never[];
}

interface Candidate {
  /** Surface forms, lower case, with how often each was used. */
  forms: Map<string, number>;
  count: number;
  messages: Set<string>;
  words: number;
}

/** Noun phrases of one text: [lemma key, surface form] per phrase, and their single head nouns. */
function nounPhrases(text: string): Array<[string, string, number]> {
  const words = tagWords(text);
  const out: Array<[string, string, number]> = [];
  let run: typeof words = [];
  const flush = (): void => {
    while (run.length > 0 && LEADING.has(run[0].lemma.toLowerCase())) run.shift();
    // Keep phrases ending in a noun; a lone noun must say something on its own.
    while (run.length > 0 && !NOUNS.has(run[run.length - 1].pos)) run.pop();
    const lone = run.length === 1 && GENERIC.has(run[0].lemma.toLowerCase());
    if (run.length > 0 && !lone && run.length <= MAX_WORDS && run.some((w) => NOUNS.has(w.pos) && w.value.length > 2)) {
      // The phrase, and the shorter phrases inside it that end in a noun: "custom charts" is counted in
      // "custom charts ship" too, so a tagger's stray noun does not hide it.
      for (let from = 0; from < run.length; from++) {
        for (let to = run.length; to > from; to--) {
          const part = run.slice(from, to);
          if (!NOUNS.has(part[part.length - 1].pos) || (part.length === 1 && run.length > 1)) continue;
          out.push([part.map((w) => w.lemma.toLowerCase()).join(' '), part.map((w) => w.value.toLowerCase()).join(' '), part.length]);
        }
      }
    }
    run = [];
  };
  for (const word of words) {
    if (TIME.has(word.lemma.toLowerCase())) flush();
    else if (MODIFIERS.has(word.pos) && /^[\p{L}\p{N}][\p{L}\p{N}'-]*$/u.test(word.value)) run.push(word);
    else flush();
  }
  flush();
  return out;
}

export function topicsOf(messages: StoredMessage[]): { topics: Topic[] } {
  // The speakers' own names come up often and say nothing about the subject.
  const speakers = new Set(messages.flatMap((m) => (m.from.name ?? '').toLowerCase().split(/\s+/)).filter((w) => w !== ''));
  const candidates = new Map<string, Candidate>();
  for (const message of messages) {
    for (const [key, form, words] of nounPhrases(message.text)) {
      if (key.split(' ').some((w) => speakers.has(w))) continue;
      const c = candidates.get(key) ?? { forms: new Map(), count: 0, messages: new Set(), words };
      c.forms.set(form, (c.forms.get(form) ?? 0) + 1);
      c.count++;
      c.messages.add(message.id);
      candidates.set(key, c);
    }
  }
  const total = Math.max(1, messages.length);
  const scored = [...candidates.entries()]
    // A lone noun is a topic when it comes up again; a phrase of several words names one at once.
    .filter(([, c]) => c.count >= 2 || c.words >= 2)
    .map(([key, c]) => {
      // Frequency and spread, saturating; longer phrases say more than a lone noun.
      const frequency = 1 - 1 / (1 + c.count);
      const spread = c.messages.size / total;
      const length = Math.min(1, 0.7 + 0.15 * (c.words - 1));
      return { key, c, score: Number((length * (0.6 * frequency + 0.4 * Math.sqrt(spread))).toFixed(4)) };
    })
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  // One topic per phrase family: a phrase inside a better one (or around it) adds nothing.
  const kept: typeof scored = [];
  const overlaps = (a: string, b: string): boolean => ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
  for (const candidate of scored) {
    if (kept.length === MAX_TOPICS) break;
    if (!kept.some((k) => overlaps(k.key, candidate.key))) kept.push(candidate);
  }
  const order = new Map(messages.map((m, i) => [m.id, i]));
  return {
    topics: kept.map(({ key, c, score }) => ({
      id: trackerIdFor(`topic:${messages[0]?.conversationId ?? ""}:${key}`),
      text: [...c.forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0],
      type: 'topic' as const,
      score,
      messageIds: [...c.messages].sort((a, b) => order.get(a)! - order.get(b)!),
      parentRefs: [],
    })),
  };
}
