// The one place that talks to wink-nlp. Loading the model takes ~100 ms, so it happens on first use.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { namedActs, type DialogueAct } from './acts.js';
import { DEFAULTS } from './defaults.js';
import { actTokens } from './features.js';
import { normalize } from './normalize.js';

/** What the matcher reads of a wink document, lazily beyond lemmas. */
export interface TokenSource {
  /** wink-nlp lemma of each token (lower case; punctuation as itself). */
  readonly lemmas: string[];
  /** wink-nlp normal form of each token; read only when a match needs it. */
  normals(): string[];
  /** UTF-16 index in the text where each token starts; read only when a match needs it. */
  starts(): Int32Array;
  /** wink-nlp's universal part-of-speech tag of each token; read only when a match needs it. */
  tags(): string[];
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

// Format characters (zero-width joiners, bidi controls, soft hyphens, BOMs) are invisible and must not
// split or hide a word; long runs of combining marks only cost time. Both are left out of what wink-nlp
// reads. wink-nlp's tokenizer also takes time quadratic in a token's length, so a run of non-space
// characters longer than DEFAULTS.maxRunLength is read in pieces of that length. A map from the prepared
// text back to the original keeps every offset true.
const INVISIBLE = /\p{Cf}|\p{M}{5,}/u;
const INVISIBLE_ALL = /(\p{Cf}+)|(\p{M}{5,})/gu;

export interface PreparedText {
  text: string;
  /** Index in the original text of each UTF-16 unit of `text` (and of its end); null when they are equal. */
  map: Int32Array | null;
}

// Every character these look for is U+00A0 or later: most messages are plain ASCII and skip them.
const BEYOND_ASCII = /[^\u0000-\u009F]/;

// wink-nlp learns words as it reads: the first "two Latte's" it splits into "Latte" + "'s", and every one
// after that it keeps whole, tagged otherwise ("latte's" a proper noun where "latte" is a noun). What a
// message matched would then depend on the messages read before it, in this thread. A clitic after a word
// that is no contraction wink-nlp knows ("it's", "I'd", "there's") is therefore read apart, always:
// "Latte 's", which wink-nlp tags as it does the first time.
const CLITIC_JOINED = /[A-Za-z]'(?:s|re|ll|ve|d|m)\b/i;
const CLITIC_AFTER_WORD = /([A-Za-z]+)'(?:s|re|ll|ve|d|m)\b/gi;
const CONTRACTION_HOSTS: ReadonlySet<string> = new Set([
  'i', 'you', 'we', 'they', 'he', 'she', 'it', 'that', 'this', 'there', 'here', 'what', 'who', 'where', 'how',
  'when', 'why', 'let', 'could', 'would', 'should', 'might', 'must', 'everyone', 'everybody', 'everything',
  'someone', 'somebody', 'something', 'nobody', 'nothing', 'anyone', 'anybody', 'anything',
]);
const LONG_RUN = new RegExp(`\\S{${DEFAULTS.maxRunLength + 1},}`, 'g');

export function prepareText(original: string): PreparedText {
  if (original.length <= DEFAULTS.maxRunLength && !BEYOND_ASCII.test(original) && !CLITIC_JOINED.test(original)) return { text: original, map: null };
  const typographic = original.replace(TYPOGRAPHIC, (c) => REPLACEMENT[c] ?? c);
  const seen = INVISIBLE.test(typographic) ? withoutInvisible(typographic) : { text: typographic, map: null };
  const visible = CLITIC_JOINED.test(seen.text) ? composed(seen, withCliticsApart(seen.text)) : seen;
  if (visible.text.length <= DEFAULTS.maxRunLength) return visible;
  LONG_RUN.lastIndex = 0;
  if (!LONG_RUN.test(visible.text)) return visible;
  return composed(visible, inPieces(visible.text, LONG_RUN));
}

/** `second`, made from `first.text`, mapped back to what `first` was made from. */
function composed(first: PreparedText, second: PreparedText): PreparedText {
  // (A second step that changed nothing has no map; a first one with none kept every offset.)
  if (second.map === null) return first;
  if (first.map === null) return second;
  return { text: second.text, map: second.map.map((i) => first.map![i]) };
}

/** A space before each clitic of a word that is no contraction host ("Latte's" -> "Latte 's"); the space maps to the apostrophe. */
function withCliticsApart(text: string): PreparedText {
  const out = mappedText(text);
  let at = 0;
  CLITIC_AFTER_WORD.lastIndex = 0;
  for (const m of text.matchAll(CLITIC_AFTER_WORD)) {
    if (CONTRACTION_HOSTS.has(m[1].toLowerCase())) continue;
    const apostrophe = m.index + m[1].length;
    out.copy(at, apostrophe);
    out.insert(' ', apostrophe);
    at = apostrophe;
  }
  if (at === 0) return { text, map: null };
  out.copy(at, text.length);
  return out.done();
}

/** Text rebuilt from ranges of `source`, remembering where in `source` each unit came from. */
function mappedText(source: string) {
  const parts: string[] = [];
  const map: number[] = [];
  return {
    copy(from: number, to: number): void {
      parts.push(source.slice(from, to));
      for (let i = from; i < to; i++) map.push(i);
    },
    /** Text that is not in `source`, standing for its unit `at`. */
    insert(text: string, at: number): void {
      parts.push(text);
      for (let i = 0; i < text.length; i++) map.push(at);
    },
    done(): PreparedText {
      map.push(source.length);
      return { text: parts.join(''), map: Int32Array.from(map) };
    },
  };
}

function withoutInvisible(text: string): PreparedText {
  const out = mappedText(text);
  let at = 0;
  for (const m of text.matchAll(INVISIBLE_ALL)) {
    out.copy(at, m.index);
    // A long run of marks keeps its first few, so the letter it sits on reads as before.
    if (m[2] !== undefined) out.copy(m.index, m.index + marksPrefix(m[2]));
    at = m.index + m[0].length;
  }
  out.copy(at, text.length);
  return out.done();
}

/** A space after every DEFAULTS.maxRunLength units of each long run; a space maps to the unit after it. */
function inPieces(text: string, longRun: RegExp): PreparedText {
  const out = mappedText(text);
  let at = 0;
  longRun.lastIndex = 0;
  for (const m of text.matchAll(longRun)) {
    out.copy(at, m.index);
    const end = m.index + m[0].length;
    for (let from = m.index; from < end; from += DEFAULTS.maxRunLength) {
      if (from > m.index) out.insert(' ', from);
      out.copy(from, Math.min(end, from + DEFAULTS.maxRunLength));
    }
    at = end;
  }
  out.copy(at, text.length);
  return out.done();
}

/** UTF-16 length of the first DEFAULTS.maxCombiningMarks marks of a run (a mark may be two units). */
function marksPrefix(run: string): number {
  let units = 0, marks = 0;
  for (const mark of run) {
    if (marks++ === DEFAULTS.maxCombiningMarks) break;
    units += mark.length;
  }
  return units;
}

export function readTokens(text: string): TokenSource {
  const w = engine();
  const its = w.its;
  const prepared = prepareText(text);
  const tokens = w.readDoc(prepared.text).tokens();
  const read = (helper: unknown): string[] => outOf(tokens, helper);
  const lemmas = read(its.lemma);
  let normals: string[] | undefined;
  let starts: Int32Array | undefined;
  let tags: string[] | undefined;
  return {
    lemmas,
    normals: () => (normals ??= read(its.normal)),
    tags: () => (tags ??= read(its.pos)),
    starts: () => {
      if (starts) return starts;
      // wink-nlp is lossless: preceding spaces plus values rebuild the text exactly.
      const values = read(its.value);
      const spaces = read(its.precedingSpaces);
      starts = new Int32Array(values.length);
      let at = 0;
      for (let i = 0; i < values.length; i++) {
        at += spaces[i].length;
        starts[i] = prepared.map === null ? at : prepared.map[at];
        at += values[i].length;
      }
      return starts;
    },
  };
}

const TITLE_CASE = /^[A-Z][a-z]+$/;
const SENTENCE_END: ReadonlySet<string> = new Set(['.', '?', '!']);

/**
 * A phrase's tokens, its capitalized first words lemmatized as in lower case. wink-nlp reads "Worst" at the
 * start of a short phrase as a name and keeps it as written, where a message's "the worst service" has
 * "bad"; read again in lower case it has "bad" too. Names stay names: "Mocha" is "mocha" either way, and
 * the tags (which mark items named by capitals) are the first reading's.
 */
export function readPhraseTokens(text: string): TokenSource {
  const source = readTokens(text);
  let titled: number[] | null = null;
  const tags = source.tags();
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] !== 'PROPN' || !(i === 0 || SENTENCE_END.has(source.lemmas[i - 1]))) continue;
    (titled ??= []).push(i);
  }
  if (titled === null) return source;
  const starts = source.starts();
  const chars = text.split('');
  let changed = false;
  for (const i of titled) {
    const at = starts[i];
    // Only a word written in title case, by itself (the token's text is the word: no mapped offsets).
    if (!TITLE_CASE.test(text.slice(at, at + source.normals()[i].length))) continue;
    chars[at] = chars[at].toLowerCase();
    changed = true;
  }
  if (!changed) return source;
  const lowered = readTokens(chars.join(''));
  if (lowered.lemmas.length !== source.lemmas.length) return source;
  const lemmas = source.lemmas.slice();
  // A word that in lower case is not even a noun was no name: its tag is the lower-case reading's too
  // ("Hot or iced" is "hot or iced", no statement about a name).
  let retagged: string[] | null = null;
  for (const i of titled) {
    const tag = lowered.tags()[i];
    if (tag === 'PROPN') continue;
    lemmas[i] = lowered.lemmas[i];
    if (tag !== 'NOUN') (retagged ??= tags.slice())[i] = tag;
  }
  if (retagged === null) return { ...source, lemmas };
  const finalTags = retagged;
  return { ...source, lemmas, tags: () => finalTags };
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
  const tokens = w.readDoc(prepareText(text).text).tokens();
  const values = outOf(tokens, w.its.value), lemmas = outOf(tokens, w.its.lemma), tags = outOf(tokens, w.its.pos);
  return values.map((value, i) => ({ value, lemma: lemmas[i], pos: tags[i] }));
}

/**
 * The dialogue act of each clause of `text`, as the matcher reads them: "Can you send it?" is a yes-no
 * question, "Send me the contract" a request, "If it's late, ..." a condition. Clauses of discourse
 * markers only ("ok", "hi there") and verbless fragments are left out.
 */
export function dialogueActs(text: string): DialogueAct[] {
  const source = readTokens(text);
  return namedActs(actTokens(normalize(source, false), source));
}
