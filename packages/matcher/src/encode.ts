// A message's normalized tokens as integer ids in typed arrays, the form every tier reads.
import { CONTENT, FUNCTION, NEGATOR } from './lexicon.js';
import { isAnswerParticle } from './negation.js';
import { ASKS, modalAsksAt, requestRoleAt } from './requests.js';
import { REQUEST } from './tiers/word-traits.js';
import { CLAUSE_BEFORE, COMPOUND_TAIL, SENTENCE_BEFORE, type TokenStream } from './normalize.js';
import type { Runtime } from './runtime.js';
import type { Neighbors } from './tiers/fuzzy.js';

export interface EncodedMessage {
  count: number;
  lemma: Int32Array;
  /** Stem id, or -1 for a stem no phrase has. */
  stem: Int32Array;
  cls: Uint8Array;
  /** How each token bears on a negation's reach (negation.ts, scopeOf). */
  scope: Uint8Array;
  flags: Uint8Array;
  /** How many tokens are the second half of a closed compound ("up" of "pickup"), which spans do not count. */
  tails: number;
  /** Sentence number of each token (from 0), so that a span can be kept within one sentence. */
  sentence: Int32Array;
  /** Fuzzy neighbors of each content token, null where it has none. */
  neighbors: Array<Neighbors | null>;
}

/** Flag bits encode adds to a request verb's (beside normalize.ts's): it asks, or offers (requests.ts). */
export const ASKING = 16;
export const OFFERING = 32;

let buffer: EncodedMessage = allocate(64);

function allocate(size: number): EncodedMessage {
  return {
    count: 0,
    lemma: new Int32Array(size),
    stem: new Int32Array(size),
    cls: new Uint8Array(size),
    scope: new Uint8Array(size),
    flags: new Uint8Array(size),
    tails: 0,
    sentence: new Int32Array(size),
    neighbors: [],
  };
}

/** Encodes into a shared buffer: the result is valid until the next call. */
export function encode(runtime: Runtime, stream: TokenStream): EncodedMessage {
  const n = stream.count;
  if (n > buffer.lemma.length) buffer = allocate(Math.max(n, buffer.lemma.length * 2));
  const { lemma, stem, cls, scope, flags, sentence, neighbors } = buffer;
  neighbors.length = n;
  let tails = 0;
  for (let i = 0; i < n; i++) {
    const id = runtime.lemmaId(stream.lemma[i]);
    lemma[i] = id;
    stem[i] = runtime.stemOfId(id);
    const c = runtime.classOfId(id);
    cls[i] = c;
    scope[i] = runtime.scopeOfId(id);
    flags[i] = stream.flags[i];
    if (flags[i] & COMPOUND_TAIL) tails++;
    sentence[i] = i === 0 ? 0 : sentence[i - 1] + (flags[i] & SENTENCE_BEFORE ? 1 : 0);
    const role = runtime.traitsOfId(id) & REQUEST ? requestRoleAt((k) => stream.lemma[k], 0, i, n) : 0;
    if (role !== 0) {
      flags[i] |= role === ASKS ? ASKING : OFFERING;
      neighbors[i] = runtime.requestNeighborsOf(id);
    } else if (c !== CONTENT && modalAsksAt((k) => stream.lemma[k], (k) => (stream.flags[k] & CLAUSE_BEFORE) !== 0, n, i)) {
      // The modal of "can I cancel" stands for the request verb of "I want to cancel".
      flags[i] |= ASKING;
      neighbors[i] = runtime.requestNeighborsOf(id);
    } else if (c === CONTENT) {
      const found = runtime.neighborsOf(id);
      neighbors[i] = found.lemmas.length > 0 ? found : null;
    } else {
      // A light word may still stand for a word: "could" for "able", "not right" for "wrong".
      neighbors[i] = runtime.lightNeighborsOf(id);
    }
  }
  for (let i = 0; i < n; i++) {
    if (cls[i] === NEGATOR && isAnswerParticle((k) => stream.lemma[k], (k) => stream.flags[k], n, i)) cls[i] = FUNCTION;
  }
  buffer.count = n;
  buffer.tails = tails;
  return buffer;
}
