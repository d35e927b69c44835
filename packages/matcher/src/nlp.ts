// The one place that talks to wink-nlp. Loading the model takes ~100 ms, so it happens on first use.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** What the matcher reads of a wink document, lazily beyond lemmas. */
export interface TokenSource {
  /** wink-nlp lemma of each token (lower case; punctuation as itself). */
  readonly lemmas: string[];
  /** wink-nlp normal form of each token; read only when a match needs it. */
  normals(): string[];
  /** UTF-16 index in the text where each token starts; read only when a match needs it. */
  starts(): Int32Array;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

function engine(): Nlp {
  // POS tagging is what lemmatization needs; sentence boundaries come from punctuation instead.
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

// Typographic characters wink-nlp does not treat like their ASCII twins. Each is one UTF-16 unit and so
// is its replacement, which keeps every offset valid in the original text.
const TYPOGRAPHIC = /[\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u2033\u2010-\u2015\u2212\u00A0\u2009\u202F]/g;
const REPLACEMENT: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ',
};

type Tokens = ReturnType<ReturnType<Nlp['readDoc']>['tokens']>;

/** One string per token. wink-nlp's typings disagree with its own its.* helpers; those used here yield strings. */
function outOf(tokens: Tokens, helper: unknown): string[] {
  return tokens.out(helper as Parameters<Tokens['out']>[0]) as unknown as string[];
}

export function prepareText(text: string): string {
  return text.replace(TYPOGRAPHIC, (c) => REPLACEMENT[c] ?? c);
}

export function readTokens(text: string): TokenSource {
  const w = engine();
  const its = w.its;
  const tokens = w.readDoc(prepareText(text)).tokens();
  const read = (helper: unknown): string[] => outOf(tokens, helper);
  const lemmas = read(its.lemma);
  let normals: string[] | undefined;
  let starts: Int32Array | undefined;
  return {
    lemmas,
    normals: () => (normals ??= read(its.normal)),
    starts: () => {
      if (starts) return starts;
      // wink-nlp is lossless: preceding spaces plus values rebuild the text exactly.
      const values = read(its.value);
      const spaces = read(its.precedingSpaces);
      starts = new Int32Array(values.length);
      let at = 0;
      for (let i = 0; i < values.length; i++) {
        at += spaces[i].length;
        starts[i] = at;
        at += values[i].length;
      }
      return starts;
    },
  };
}

/** wink-nlp's lemmas of `text`, nothing else: the NLP floor the matcher's own cost is measured against. */
export function lemmatize(text: string): string[] {
  return readTokens(text).lemmas;
}

export interface TaggedWord {
  value: string;
  lemma: string;
  /** Universal POS tag from wink-nlp ("VERB", "NOUN", "PRON", ...). */
  pos: string;
}

/** wink-nlp's words of `text` with their lemmas and part-of-speech tags, for heuristics outside matching. */
export function tagWords(text: string): TaggedWord[] {
  const w = engine();
  const tokens = w.readDoc(prepareText(text)).tokens();
  const values = outOf(tokens, w.its.value), lemmas = outOf(tokens, w.its.lemma), tags = outOf(tokens, w.its.pos);
  return values.map((value, i) => ({ value, lemma: lemmas[i], pos: tags[i] }));
}
