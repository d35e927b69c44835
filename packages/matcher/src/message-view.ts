// What the similar tiers may ask of a message beyond its encoded tokens: dialogue acts and word classes,
// read from wink-nlp's tags only when a candidate match gets that far (most messages never do).
import { clauseActs, spanActs, type ActTokens } from './acts.js';
import { actTokens, kindOf } from './features.js';
import type { TokenSource } from './nlp.js';
import { COMPOUND_TAIL, type TokenStream } from './normalize.js';

/** Lemmas of auxiliaries a rewrite adds without changing the meaning ("is going to take" ~ "takes"). */
const LIGHT_WORDS: ReadonlySet<string> = new Set(['be', 'do', 'will']);

export class MessageView {
  private view: ActTokens | null = null;
  private acts: Uint8Array | null = null;
  private stream: TokenStream | null = null;
  private source: TokenSource | null = null;

  /** Starts on a new message; nothing is computed until asked. */
  reset(stream: TokenStream, source: TokenSource): void {
    this.stream = stream;
    this.source = source;
    this.view = null;
    this.acts = null;
  }

  private get tokens(): ActTokens {
    return (this.view ??= actTokens(this.stream!, this.source!));
  }

  /** Mask of the dialogue acts of the clauses overlapping tokens first..last. */
  actsOf(first: number, last: number): number {
    return spanActs(this.tokens, this.clauseActs(), first, last);
  }

  /** The act of token i's clause. */
  actAt(i: number): number {
    return this.clauseActs()[i];
  }

  private clauseActs(): Uint8Array {
    return (this.acts ??= clauseActs(this.tokens, false));
  }

  /** Coarse word class of token i (NOUN_LIKE, ADJECTIVE or 0). */
  kind(i: number): number {
    return kindOf(this.tokens.pos(i));
  }

  /**
   * Whether token i is an auxiliary a rewrite may add ("be", "do", "will", "going to" after "be"), or
   * the second half of a closed compound ("up" of "pickup"), which its head stands for.
   */
  light(i: number): boolean {
    if (this.stream!.flags[i] & COMPOUND_TAIL) return true;
    const lemma = this.stream!.lemma;
    const word = lemma[i];
    if (LIGHT_WORDS.has(word)) return true;
    // Neighbours are read only within the message: a read past either end of an array makes V8 drop
    // the optimized code of the caller (alignment) and compile it again.
    if (word === 'go') return i >= 1 && i + 1 < lemma.length && lemma[i + 1] === 'to' && lemma[i - 1] === 'be';
    return word === 'to' && i >= 2 && lemma[i - 1] === 'go' && lemma[i - 2] === 'be';
  }
}
