// What the tiers need to know of a token beyond its lemma: its coarse word class (for modifiers), whether
// it is a "light" auxiliary a rewrite may add or drop ("how long does it take" ~ "how long is it going
// to take"), and, for messages, the dialogue act of its clause. Phrases get these at compile time;
// messages only when a match needs them (see MessageView).
import { clauseActs, type ActTokens } from './acts.js';
import { isAnswerParticle } from './negation.js';
import type { TokenSource } from './nlp.js';
import type { TokenStream } from './normalize.js';

/** Token flag bits. */
export const LIGHT = 1;
export const NOUN_LIKE = 2;
export const ADJECTIVE = 4;
/** A "no" that answers ("no, it's fine"), not one that negates. */
export const PARTICLE = 8;

const AFTER_DO: ReadonlySet<string> = new Set(['PRON', 'DET', 'NOUN', 'PROPN']);

export function kindOf(tag: string): number {
  if (tag === 'NOUN' || tag === 'PROPN') return NOUN_LIKE;
  return tag === 'ADJ' ? ADJECTIVE : 0;
}

/** A stream and its wink document as ActTokens. */
export function actTokens(stream: TokenStream, source: TokenSource): ActTokens {
  let tags: string[] | undefined, normals: string[] | undefined;
  return {
    count: stream.count,
    lemma: (i) => stream.lemma[i],
    flags: (i) => stream.flags[i],
    pos: (i) => (tags ??= source.tags())[stream.src[i]],
    base: (i) => (normals ??= source.normals())[stream.src[i]] === source.lemmas[stream.src[i]],
  };
}

export interface PhraseFeatures {
  /** Flag bits per token. */
  flags: number[];
  /** Mask of the dialogue acts of its clauses (0: none known). */
  acts: number;
}

export function phraseFeatures(stream: TokenStream, source: TokenSource): PhraseFeatures {
  const tokens = actTokens(stream, source);
  const flags: number[] = [];
  for (let i = 0; i < stream.count; i++) {
    let f = kindOf(tokens.pos(i));
    // Do-support adds nothing to the meaning: "does it take" is "it takes".
    if (stream.lemma[i] === 'do' && i + 1 < stream.count && AFTER_DO.has(tokens.pos(i + 1))) f |= LIGHT;
    if (isAnswerParticle(tokens.lemma, tokens.flags, stream.count, i)) f |= PARTICLE;
    flags.push(f);
  }
  let acts = 0;
  for (const act of clauseActs(tokens, true)) acts |= act;
  return { flags, acts };
}
