// Gap and fuzzy tiers: the phrase's words found close together in the message, with a few extra or
// missing function words, a slightly different order, mis-transcribed content words, or words that
// stand in for the phrase's (another determiner, "have it ready" for "be ready", another request verb).
// The best window is found by aligning pattern tokens to message tokens; the score is the weighted share
// of the pattern covered, less penalties for extra tokens and order changes.
import { WH as WH_BIT, actsAgree } from '../acts.js';
import { DEFAULTS } from '../defaults.js';
import { ADJECTIVE, MISSABLE, NAME, NOUN_LIKE, OPTIONAL, OTHER_TIMES, SAYS_NOW, THING_PRONOUNS, missableContent } from '../features.js';
import { namesAnyItem } from '../synonyms.js';
import type { MessageView } from '../message-view.js';
import { ASKING, OFFERING, type EncodedMessage } from '../encode.js';
import { ASKS, OFFERS, isGivingVerb } from '../requests.js';
import { AUXILIARIES, CONTENT, NEGATOR, SPEAKERS, SPEAKER_OBJECTS, otherSide } from '../lexicon.js';
import { negatorsBefore, negatorsIn } from '../negation.js';
import { CLAUSE_BEFORE, COMPOUND_TAIL, QUESTION_AFTER, isDigits } from '../normalize.js';
import { STATES, isOfferFrame, isPlease } from '../frames.js';
import type { Runtime } from '../runtime.js';
import type { CompiledIndex } from '../types.js';
import { FUZZY, GAP } from './index.js';
import { ABILITY, CAUSATIVE, COPULA, DETERMINER, PRONOUN, REQUEST, SPEAKER, SWAPPABLE } from './word-traits.js';
import type { Neighbors } from './fuzzy.js';

export interface Alignment {
  tier: number;
  score: number;
}

// One result object for every alignment (the caller reads it at once): no allocation per pattern tried.
const result: Alignment = { tier: GAP, score: 0 };

function aligned(tier: number, score: number): Alignment {
  result.tier = tier;
  result.score = score;
  return result;
}

// Similarities live in a Float32Array, so compare against the same rounding.
const STEM_SIM = Math.fround(DEFAULTS.stemSimilarity);

// What one alignment may place each pattern word at: the message tokens like word j (a similarity above
// 0) are entryToken[wordStart[j] .. wordStart[j + 1]), in message order, with their similarities. A token
// is like the words of its stem only, its own or a fuzzy neighbour's, so the lists are short (a token or
// two a word), and placing a word reads its list instead of every position of the window.
let entryToken = new Int32Array(256);
let entrySim = new Float32Array(256);
/**
 * KIND where the entry's token is a kind of the word (similarity, kindMatch): weight, but no evidence;
 * ANTONYM where it means the word with a negation; SIDE where it is the speaker's other pronoun (sideMatch).
 */
let entryKind = new Uint8Array(256);
let wordStart = new Int32Array(65);
/** Per message token like some word of the pattern: the most weight it can add to it. */
let gainAt = new Float64Array(64);
/** The tokens like some word of the pattern, as a bit set: a 32-bit word per 32 message tokens. */
let likedBits = new Int32Array(4);
let used = new Uint8Array(64);
let placed = new Int32Array(64);
/** KIND where placed[j] is a kind of phrase word j, ANTONYM where it is its antonym, SIDE its speaker's other pronoun. */
let placedKind = new Uint8Array(64);
/** reach[p]: the most weight positions[0 .. p-1] can hold, summed. */
let reach = new Float64Array(64);
/** The message tokens one alignment can place a word at, in order. */
let positionList = new Int32Array(64);

/** Set by similarity(): the similarity it returned is of a kind for its general word (Neighbors.kindsFrom). */
let kindMatch = false;
/** Set by similarity(): the similarity it returned is of an antonym (Neighbors.antonymsFrom). */
let antonymMatch = false;
/** Set by similarity(): the similarity it returned is of the speaker's other pronoun ("we" for "I"). */
let sideMatch = false;
const KIND = 1, ANTONYM = 2, SIDE = 3;

/**
 * Similarity of message token i to pattern token k (of the phrase's tokens from..to): 1 same lemma, less
 * for same stem or a neighbour (fuzzy, or another request verb).
 */
function similarity(runtime: Runtime, message: EncodedMessage, view: MessageView, i: number, k: number, from: number, to: number): number {
  kindMatch = false;
  antonymMatch = false;
  sideMatch = false;
  const index = runtime.index;
  // A closed compound's second half is a word only after its head: "carryout" has no "out" for "right out".
  if (message.flags[i] & COMPOUND_TAIL && (k === from || message.stem[i - 1] !== index.tokenStem[k - 1])) return 0;
  const stem = message.stem[i];
  // A request verb is no like word where one asks and the other offers: "I'd like a mocha" is not
  // "Would you like a mocha".
  if (message.flags[i] & (ASKING | OFFERING) && runtime.requestTokens()[k] !== 0 && runtime.requestTokens()[k] !== roleOf(message.flags[i])) return 0;
  if (runtime.wordTraits[index.tokenLemma[k]] & REQUEST && asksOfTheOther(runtime, message, i, k, from, to)) return 0;
  if (stem >= 0 && stem === index.tokenStem[k]) {
    if (message.lemma[i] === index.tokenLemma[k]) return 1;
    if (runtime.derived(message.lemma[i], index.tokenLemma[k])) return DEFAULTS.stemSimilarity;
    // A misspelling that keeps the stem ("cancell") is a fuzzy match; other words of one stem are not alike.
    return runtime.doubled(message.lemma[i], index.tokenLemma[k]) ? DEFAULTS.fuzzySimilarityCap : 0;
  }
  const near = message.neighbors[i];
  return near === null ? 0 : neighborSimilarity(runtime, message, view, near, i, k, from, to);
}

/**
 * Whether one of message token i and phrase token k is a request verb of the speaker's and the other the
 * same verb after "you", which asks nothing: "can I have a latte with oat milk" is not "do you have oat
 * milk", nor the reverse, and "I'll get it started" is no "yeah you got it". (Not before "me" or "us":
 * "can you get me a mocha" asks as "can I get a mocha" does.)
 */
function asksOfTheOther(runtime: Runtime, message: EncodedMessage, i: number, k: number, from: number, to: number): boolean {
  const index = runtime.index;
  const phraseAsks = runtime.requestTokens()[k] === ASKS, messageAsks = (message.flags[i] & ASKING) !== 0;
  if (phraseAsks === messageAsks) return false;
  // The listener's giving asks something wherever it stands: "can you make it decaf".
  if (isGivingVerb(index.lemmas[index.tokenLemma[k]]) || isGivingVerb(runtime.wordOf(message.lemma[i]))) return false;
  if (phraseAsks) return i > 0 && afterYou(runtime.wordOf(message.lemma[i - 1]), i + 1 < message.count ? runtime.wordOf(message.lemma[i + 1]) : '');
  return listenersVerb(index, k, from, to);
}

/** Whether phrase token k (of tokens from..to) is a verb after "you" that asks nothing ("do you have"). */
function listenersVerb(index: CompiledIndex, k: number, from: number, to: number): boolean {
  return k > from && afterYou(index.lemmas[index.tokenLemma[k - 1]], k + 1 < to ? index.lemmas[index.tokenLemma[k + 1]] : '');
}

/** A verb between these words is the listener's and asks nothing: after "you", not before "me"/"us" ("can you get me"). */
function afterYou(before: string, after: string): boolean {
  return before === 'you' && !SPEAKER_OBJECTS.has(after);
}

/**
 * Similarity of message token i to pattern token k through one of its neighbours (fuzzy ones, synonyms,
 * request verbs, kinds, antonyms). Apart from similarity(), which then stays small enough for V8 to
 * inline into the alignment's loop: most tokens are like a word by their own stem.
 */
function neighborSimilarity(runtime: Runtime, message: EncodedMessage, view: MessageView, near: Neighbors, i: number, k: number, from: number, to: number): number {
  const index = runtime.index;
  const target = index.tokenLemma[k];
  // One request verb stands for another only where both ask or both offer ("can I get" ~ "I'd like", "would
  // you like" ~ "do you want"; not "get back", nor an offer for a request);
  // other neighbours (fuzzy ones, synonyms) are of content words only, but for "able" for "can" and the
  // speaker's other pronoun ("we" for "I"). None stands for a phrase word
  // where the phrase has the message's own word as well: "I'd like to get" keeps "get" for "get", and
  // "correctly displayed on the screen" keeps "screen" for "screen", not for "display".
  const asking = runtime.wordTraits[target] & REQUEST && (runtime.traitsOfId(message.lemma[i]) & REQUEST || message.flags[i] & ASKING);
  if (asking ? runtime.requestTokens()[k] !== roleOf(message.flags[i]) : index.lemmaClass[target] !== CONTENT && !(runtime.wordTraits[target] & (ABILITY | SPEAKER))) return 0;
  // The phrase is read only for a neighbour found: most lists do not hold the phrase's word.
  const lemmas = near.lemmas;
  for (let x = 0; x < lemmas.length; x++) {
    if (lemmas[x] !== target) continue;
    if (phraseHas(index, from, to, message.lemma[i])) return 0;
    if (near.kindsFrom === undefined || x < near.kindsFrom) {
      sideMatch = (runtime.wordTraits[target] & SPEAKER) !== 0;
      return near.sims[x];
    }
    return near.antonymsFrom !== undefined && x >= near.antonymsFrom
      ? antonymSimilarity(runtime, message, near.sims[x], i, k, from, to)
      : kindSimilarity(index, message, view, near.sims[x], i, k);
  }
  return 0;
}

/**
 * An antonym where one of the two is negated, the other not: "not right" for "wrong", "wrong" for "not
 * correct"; never "right" for "wrong". The alignment's negation count takes it as a negation.
 */
function antonymSimilarity(runtime: Runtime, message: EncodedMessage, sim: number, i: number, k: number, from: number, to: number): number {
  if (messageNegatedAt(runtime, message, i) === phraseNegatedAt(runtime, from, to, k)) return 0;
  antonymMatch = true;
  return sim;
}

/**
 * A kind for its general word, noun for noun and as the head of its words: "your latte" for "your drink",
 * not "to order" for "an order", nor the "coffee" of "the coffee bar" for "your order"; not for a word the
 * phrase names an item by ("a Drink Special").
 */
function kindSimilarity(index: CompiledIndex, message: EncodedMessage, view: MessageView, sim: number, i: number, k: number): number {
  if ((index.tokenFlags[k] & (NOUN_LIKE | NAME)) !== NOUN_LIKE || !(view.kind(i) & NOUN_LIKE)) return 0;
  if (i + 1 < message.count && message.sentence[i + 1] === message.sentence[i] && view.kind(i + 1) & NOUN_LIKE) return 0;
  kindMatch = true;
  return sim;
}

// Degree words and "be" that may stand between a negation and its word: "not quite right", "won't be right".
const BETWEEN_NEGATION: ReadonlySet<string> = new Set(['be', 'quite', 'really', 'very', 'exactly', 'entirely', 'totally', 'completely', 'so', 'too', 'all', 'that']);

/** How many unplaced message tokens among first..final are antonyms of a word of the phrase (from, m tokens). */
function unplacedAntonyms(runtime: Runtime, message: EncodedMessage, from: number, m: number, first: number, final: number): number {
  let count = 0;
  for (let i = first; i <= final; i++) {
    const near = message.neighbors[i];
    if (used[i] || near === null || near.antonymsFrom === undefined) continue;
    for (let x = near.antonymsFrom; x < near.lemmas.length; x++) {
      if (phraseHas(runtime.index, from, from + m, near.lemmas[x])) {
        count++;
        break;
      }
    }
  }
  return count;
}

/** Modals, which their negation follows: "can not", "couldn't". */
const NEGATED_AFTER: ReadonlySet<string> = new Set(['can', 'could']);

/** Whether message token i is negated right before it ("not right", "isn't quite right"), or a modal right after ("can't"). */
function messageNegatedAt(runtime: Runtime, message: EncodedMessage, i: number): boolean {
  if (i + 1 < message.count && message.cls[i + 1] === NEGATOR && NEGATED_AFTER.has(runtime.wordOf(message.lemma[i]))) return true;
  for (let b = i - 1; b >= Math.max(0, i - 3) && message.sentence[b] === message.sentence[i]; b--) {
    if (message.cls[b] === NEGATOR) return true;
    if (!BETWEEN_NEGATION.has(runtime.wordOf(message.lemma[b]))) return false;
  }
  return false;
}

/** Whether phrase token k (of the phrase's tokens from..to) is negated right before it, or a modal right after. */
function phraseNegatedAt(runtime: Runtime, from: number, to: number, k: number): boolean {
  const { index } = runtime;
  if (k + 1 < to && index.lemmaClass[index.tokenLemma[k + 1]] === NEGATOR && NEGATED_AFTER.has(index.lemmas[index.tokenLemma[k]])) return true;
  for (let b = k - 1; b >= Math.max(from, k - 3); b--) {
    if (index.lemmaClass[index.tokenLemma[b]] === NEGATOR) return true;
    if (!BETWEEN_NEGATION.has(index.lemmas[index.tokenLemma[b]])) return false;
  }
  return false;
}

/** The role (requests.ts) a message's request verb has, as encode.ts flagged it; 0 for none. */
function roleOf(flags: number): number {
  return flags & ASKING ? ASKS : flags & OFFERING ? OFFERS : -1;
}

/**
 * Where the message has a word in place of unplaced phrase word j, whose next word is placed after the
 * window's start `a`, or -1: another determiner before the same word ("can you confirm the order" for
 * "please confirm your order"), or "have"/"get" a few words before the word after the phrase's "be"
 * ("we'll have your order ready" for "it'll be ready"), with the object in between; not "get a decaf
 * latte" for "be decaf", where the word goes with a noun; or a noun (or "everything") for the phrase's
 * "it" ("does your order look correct" for "does it look correct").
 */
function standInAt(runtime: Runtime, message: EncodedMessage, view: MessageView, from: number, j: number, a: number): number {
  const { index, wordTraits } = runtime;
  const next = placed[j + 1];
  const traits = wordTraits[index.tokenLemma[from + j]];
  // The phrase's "it" (or a "this" standing alone) said as what it stands for: "Does your order look
  // correct?", "does everything look correct?" for "Does it look correct to you".
  if (THING_PRONOUN.has(index.lemmas[index.tokenLemma[from + j]])) {
    const i = next - 1;
    if (!used[i] && message.sentence[i] === message.sentence[next] && (view.kind(i) & NOUN_LIKE || THINGS.has(runtime.wordOf(message.lemma[i])))) return i;
  }
  if (traits & SWAPPABLE) return !used[next - 1] && runtime.traitsOfId(message.lemma[next - 1]) & SWAPPABLE ? next - 1 : -1;
  if (!(traits & COPULA) || !index.tokenContent[from + j + 1] || runtime.traitsOfId(message.lemma[next - 1]) & DETERMINER) return -1;
  let before = -1;
  for (let k = j - 1; k >= 0 && before < 0; k--) before = placed[k];
  for (let i = next - 2; i >= Math.max(a, next - 1 - DEFAULTS.causativeReach) && i > before; i--) {
    if (!used[i] && runtime.traitsOfId(message.lemma[i]) & CAUSATIVE) return i;
  }
  return -1;
}

/** Pronouns of a thing, and the words a message says a thing with in their place besides a noun. */
const THING_PRONOUN: ReadonlySet<string> = new Set(THING_PRONOUNS);
const THINGS: ReadonlySet<string> = new Set(['everything', 'anything', 'something', 'all']);

/** Whether phrase tokens from..to (exclusive) have lemma `lemma`. */
function phraseHas(index: CompiledIndex, from: number, to: number, lemma: number): boolean {
  for (let t = from; t < to; t++) if (index.tokenLemma[t] === lemma) return true;
  return false;
}

/**
 * The best window of `pattern` in `message` scoring at least `threshold` (a raw score), or null; the
 * result is valid until the next call. Windows that cannot reach it are left as soon as that is certain,
 * and the costly checks (negation, items, dialogue acts) run only on windows that do. Reads the message's stem bit sets (Scratch.stemTokens),
 * which findSimilar fills before it aligns anything. `elliptic`: align the rest of a phrase that opens
 * with a frame (frames.ts) without the frame, where the message says nothing in its place; a window
 * then scores on the rest's weight.
 */
export function align(runtime: Runtime, message: EncodedMessage, pattern: number, view: MessageView, threshold: number, elliptic = false): Alignment | null {
  const index = runtime.index;
  const from = index.patternStart[pattern];
  const m = index.patternStart[pattern + 1] - from;
  const n = message.count;
  if (n * m > entryToken.length) {
    entryToken = new Int32Array(Math.max(n * m, entryToken.length * 2));
    entrySim = new Float32Array(entryToken.length);
    entryKind = new Uint8Array(entryToken.length);
  }
  if (n > used.length) {
    used = new Uint8Array(Math.max(n, used.length * 2));
    positionList = new Int32Array(used.length);
    gainAt = new Float64Array(used.length);
  }
  if (m > placed.length) {
    placed = new Int32Array(Math.max(m, placed.length * 2));
    placedKind = new Uint8Array(placed.length);
  }
  if (m + 1 > wordStart.length) wordStart = new Int32Array(Math.max(m + 1, wordStart.length * 2));

  const { tokenContent, tokenShare, tokenShareAfter, tokenStem } = index;
  if (n + 1 > reach.length) reach = new Float64Array(Math.max(n + 1, reach.length * 2));
  // Locals, not the module's (growable) arrays: V8 then keeps their bounds in registers in the loops.
  const positions = positionList, tokens = entryToken, similar = entrySim, kinds = entryKind, starts = wordStart, gains = gainAt;
  // Each word's list: the tokens at its stem, their own or a fuzzy neighbour's, that are like it (a
  // neighbour matches a pattern word of its stem); other tokens can match nothing.
  const { stemSeen, stemSlot, stemTokens, stemTokenWords: words, serial } = runtime.scratch;
  // Elliptic: the frame's words are left unplaced and weigh nothing, and the rest's first word (the
  // opener) opens its clause as an ellipsis does (mayOpen), or there is nothing to align.
  const frames = runtime.frames();
  const frameRole = elliptic ? frames.role[pattern] : 0;
  const frameToken = frames.token;
  const opener = frameRole === 0 ? -1 : frames.opener[pattern], lead = frameRole === 0 ? -1 : frames.lead[pattern];
  if (frameRole !== 0 && (opener < 0 || !(anyOpens(runtime, message, frameRole, tokenStem[from + opener]) || (lead >= 0 && anyOpens(runtime, message, frameRole, tokenStem[from + lead]))))) return null;
  if (words > likedBits.length) likedBits = new Int32Array(words * 2);
  const liked = likedBits;
  for (let w = 0; w < words; w++) liked[w] = 0;
  let entries = 0;
  for (let j = 0; j < m; j++) {
    starts[j] = entries;
    const k = from + j, stem = tokenStem[k];
    if (stemSeen[stem] !== serial || (frameRole !== 0 && frameToken[k])) continue;
    const share = tokenShare[k];
    for (let w = 0, base = stemSlot[stem] * words; w < words; w++) {
      for (let bits = stemTokens[base + w]; bits !== 0; bits &= bits - 1) {
        const low = bits & -bits, i = (w << 5) + 31 - Math.clz32(low);
        const s = similarity(runtime, message, view, i, k, from, from + m);
        if (s === 0) continue;
        tokens[entries] = i;
        kinds[entries] = kindMatch ? KIND : antonymMatch ? ANTONYM : sideMatch ? SIDE : 0;
        similar[entries++] = s;
        // The first word a token is like sets its gain; the others can only raise it.
        if (!(liked[w] & low) || s * share > gains[i]) gains[i] = s * share;
        liked[w] |= low;
      }
    }
  }
  starts[m] = entries;
  if (m === 1) return alignSingle(index, message, pattern, threshold);
  // Positions: the tokens like some word, in order. A position holds one phrase word at most: reach sums
  // the most each position can add.
  let count = 0;
  for (let w = 0; w < words; w++) {
    for (let bits = liked[w]; bits !== 0; bits &= bits - 1) {
      const i = (w << 5) + 31 - Math.clz32(bits & -bits);
      reach[count + 1] = reach[count] + gains[i];
      positions[count++] = i;
    }
  }

  const content = index.patternContent[pattern];
  const allowedMissing = missableContent(content);
  const weight = index.patternWeight[pattern];
  const frameShare = frameRole === 0 ? 0 : frames.share[pattern];
  const said = weight - frameShare;
  // (Optional words left out weigh nothing: windows are bounded by what the rest needs.)
  const optionalShare = runtime.optionalShares()[pattern], least = said - optionalShare;
  // Matched weight a window needs to reach the threshold (with a margin for rounding).
  const needed = threshold * least - 1e-9;
  const maxSpan = m + DEFAULTS.maxExtraTokens;
  // The best window so far: its score, -1 for none.
  let bestScore = -1, bestTier = GAP;

  // One window per starting position, as long as the span allows; the words are placed greedily, then
  // the span actually used is scored. An elliptic window opens with the rest's first word (below), so it
  // starts only where that word may be placed.
  for (let pa = 0; pa < count; pa++) {
    const a = positions[pa];
    // (Or with its article: "A mocha please" as "one Chai Latte please".)
    if (opener >= 0 && !placeable(opener, a) && !(lead >= 0 && placeable(lead, a))) continue;
    let end = a, pEnd = pa;
    for (let pb = pa + 1; pb < count; pb++) {
      const b = positions[pb];
      if (b - a + 1 - (message.tails === 0 ? 0 : tailsIn(message, a, b)) > maxSpan || message.sentence[b] !== message.sentence[a]) break;
      end = b;
      pEnd = pb;
    }
    // A window must reach the threshold and beat the best so far, and no score is above its coverage.
    const bar = bestScore < 0 ? needed : Math.max(needed, bestScore * least - 1e-9);
    if (end === a || reach[pEnd + 1] - reach[pa] < bar) continue;
    // A loop, not used.fill: for the dozen bytes of a window the builtin's call costs more than the work.
    for (let i = a; i <= end; i++) used[i] = 0;
    let matchedWeight = 0, matched = 0, matchedContent = 0, missingContent = 0, missing = 0, fuzzy = false, kindsPlaced = 0, antonyms = 0;
    let last = -1, first = n, final = -1;
    let hopeless = false;
    for (let j = 0; j < m && missingContent <= allowedMissing; j++) {
      if (matchedWeight + tokenShareAfter[from + j] < bar) {
        hopeless = true;
        break;
      }
      // A time adverbial ("at the moment") is placed whole, word for word, or not at all: its "right" alone
      // is the "right" of "the right order".
      const run = optionalShare !== 0 && index.tokenFlags[from + j] & OPTIONAL ? timeAdverbialAt(index, from, j, m) : 0;
      if (run > 0) {
        const at = nowSaidAt(runtime, message, from + j, run, a, end), said = at < 0 ? 0 : saidLength;
        if (at < 0 && saysOtherTime(runtime, message, a)) {
          hopeless = true;
          break;
        }
        for (let k = 0; k < run; k++) {
          placed[j + k] = k < said ? at + k : -1;
          placedKind[j + k] = 0;
          // (Left out, it is no missing word: the phrase says the same without it.)
          if (at >= 0) matchedWeight += tokenShare[from + j + k];
        }
        if (at >= 0) {
          // (One adverbial is one piece of content, however many words say it.)
          for (let k = 0; k < said; k++) used[at + k] = 1;
          matched += said;
          matchedContent++;
          last = at + said - 1;
          if (at < first) first = at;
          if (last > final) final = last;
        }
        j += run - 1;
        continue;
      }
      let bestSim = 0, at = -1, kind = 0;
      // (An elliptic window leaves the frame's words out.)
      if (frameRole === 0 || !frameToken[from + j]) for (let e = starts[j]; e < starts[j + 1]; e++) {
        const i = tokens[e];
        if (i < a || i > end || used[i]) continue;
        const s = similar[e];
        // Ties go to the first position after the previous word, keeping the phrase's order.
        if (s > bestSim || (s === bestSim && at < last && i > last)) {
          bestSim = s;
          at = i;
          kind = kinds[e];
        }
      }
      placed[j] = at;
      placedKind[j] = kind;
      const isContent = tokenContent[from + j] === 1;
      // An -ly adverb or a count may be missing, but found it is content like any other.
      const isMissable = (index.tokenFlags[from + j] & MISSABLE) !== 0;
      const share = tokenShare[from + j];
      if (at < 0) {
        if (frameRole !== 0 && frameToken[from + j]) continue;
        if (isContent) missingContent++;
        if (share > 0) missing++;
        continue;
      }
      used[at] = 1;
      last = at;
      if (at < first) first = at;
      if (at > final) final = at;
      if (kind === KIND || kind === SIDE) {
        // A kind adds weight and is no extra token, but, like a stand-in below, is no evidence of the
        // phrase: "Is this a latte?" is not "Is this your order". Nor is the speaker's other pronoun:
        // the "I" of "Good morning, I was looking to order" is no support for "we're good".
        kindsPlaced++;
        if (share > 0) missing++;
        matchedWeight += share * bestSim;
        continue;
      }
      matched++;
      if (kind === ANTONYM) antonyms++;
      if (isContent || isMissable) matchedContent++;
      matchedWeight += share * bestSim;
      if (bestSim < STEM_SIM) fuzzy = true;
    }
    if (hopeless || matchedContent === 0 || missingContent > allowedMissing) continue;
    // Without its frame only where the message says nothing in its place ("Whipped cream?", not "We have
    // whipped cream?") and says all the rest ("two lattes please" is no "Can I get two matcha lattes").
    // The rest opens the window: "Can I get that with almond milk" is not left in "made with almond milk".
    if (frameRole !== 0 && (missingContent !== 0 || !(placed[opener] === first || (lead >= 0 && placed[lead] === first)) || !saysNoFrame(runtime, message, frameRole, first, final))) continue;
    if (modalsApart(runtime, message, from, m, end)) continue;
    // Order changes are counted as moves back, so a clause moved whole ("a new customer, I can offer
    // you...") costs one, like a swapped pair ("is the budget tight").
    let moves = 0;
    for (let j = 0, previous = -1; j < m; j++) {
      if (placed[j] < 0) continue;
      if (placed[j] < previous) moves++;
      previous = placed[j];
    }
    // An ellipsis says the rest in its order: "Give me a cortado, decaf please" is left to the rules above.
    if (moves > DEFAULTS.maxMoves || (frameRole !== 0 && moves > 0)) continue;
    if (matchedContent < 2) {
      // With one content word, two words are too little ("to ... order"), and so are three with two
      // missing: "the order is" is not "yes the order is right". An article or possessive counts only
      // before a matched word ("the" of "the coffee bar" is no support for "the order").
      // The whole phrase in order, word for word, one content word said otherwise (not misheard, not
      // another request verb) is enough: "too pricey" for "too expensive", not "I get" for "I want".
      const words = frameRole === 0 ? m : m - frames.words[pattern];
      const whole = matched === words && !fuzzy && final - first + 1 === words && inOrder(m) && oneSaidOtherwise(runtime, message, from, m);
      const stray = whole ? 0 : strayDeterminers(runtime, message, from, m, a, end);
      if (!whole && (matched - stray < 3 || (matched - stray < 4 && missing + stray > 1))) continue;
    }
    // Words the message has in place of the phrase's (standInAt), read only in the phrase's order: they
    // do not lift words found out of order ("Here is your order, can you confirm it's correct" is not
    // "the order is correct"). One adds weight and is no extra token, but is no evidence that the phrase
    // is there: the rule above counts it missing.
    let swapped = 0;
    if (moves === 0) {
      for (let j = 0; j + 1 < m; j++) {
        if (placed[j] >= 0 || placed[j + 1] <= a) continue;
        const at = standInAt(runtime, message, view, from, j, a);
        if (at < 0) continue;
        placed[j] = at;
        used[at] = 1;
        swapped++;
        matchedWeight += tokenShare[from + j] * DEFAULTS.standInSimilarity;
        if (at < first) first = at;
      }
    }
    if (matchedContent < 2 && pointerLeftOut(runtime, message, from, m)) continue;
    const coverage = matchedWeight / (optionalShare === 0 ? said : said - unplacedOptionals(index, from, m));
    if (coverage < DEFAULTS.minCoverage) continue;
    let extra = final - first + 1 - matched - swapped - kindsPlaced;
    if (extra > 0) for (let i = first; i <= final; i++) if (!used[i] && view.light(i)) extra--;
    const score = coverage - extra * DEFAULTS.extraPenalty - moves * DEFAULTS.movePenalty;
    if (score < threshold || score <= bestScore) continue;
    // A window that leaves out the phrase's first words still has the negation that would reach them:
    // "don't need to set up a meeting" is no "up a meeting" for "set up a meeting".
    // (Words that weigh nothing, such as an opening "Okay", do not count.)
    let unplaced = 0;
    for (let j = 0; j < m && placed[j] < 0; j++) if (tokenShare[from + j] > 0) unplaced++;
    const negators = negatorsIn(message, first, final + 1) + negatorsBefore(message, first, unplaced);
    // An antonym of a phrase word left unplaced in the span negates as well: "I am unable to afford this"
    // is not "I can afford this".
    if (((negators + antonyms + unplacedAntonyms(runtime, message, from, m, first, final)) & 1) !== index.patternNegated[pattern]) continue;
    if (replacesItem(runtime, message, view, from, m, a, end) || otherParty(runtime, message, from, m, a) || asksTheOther(runtime, message, from, m) || asksOtherwise(runtime, message, from, m, first, final) || verbOfTheOther(runtime, message, from, m, a, end)) continue;
    if (index.patternActs[pattern] !== 0 && !actsAgree(index.patternActs[pattern], spanActsOf(runtime, view, from, first, final, m))) continue;
    bestScore = score;
    bestTier = fuzzy ? FUZZY : GAP;
    // Scores are capped at the ceiling: a window that reaches it cannot be beaten.
    if (score >= DEFAULTS.similarCeiling && !fuzzy) break;
  }
  return bestScore < 0 ? null : aligned(bestTier, Math.min(bestScore, DEFAULTS.similarCeiling));
}

/** Whether at most one placed word is not the phrase's own, and that one a content word's synonym or stem. */
function oneSaidOtherwise(runtime: Runtime, message: EncodedMessage, from: number, m: number): boolean {
  const { index } = runtime;
  let other = 0;
  for (let j = 0; j < m; j++) {
    if (placed[j] < 0) continue;
    const lemma = index.tokenLemma[from + j];
    if (message.lemma[placed[j]] === lemma) continue;
    if (++other > 1 || index.lemmaClass[lemma] !== CONTENT || runtime.wordTraits[lemma] & REQUEST) return false;
  }
  return true;
}

/**
 * Whether a modal that stands for a request verb ("can" of "can I cancel" for "want") is placed without
 * the speaker after it: the modal asks only with its speaker ("it's going to be cold, so can I make you a
 * drink" is not "I need it to go").
 */
function modalsApart(runtime: Runtime, message: EncodedMessage, from: number, m: number, end: number): boolean {
  for (let j = 0; j < m; j++) {
    const at = placed[j];
    if (at < 0 || !(message.flags[at] & ASKING) || runtime.traitsOfId(message.lemma[at]) & REQUEST) continue;
    if (runtime.wordTraits[runtime.index.tokenLemma[from + j]] & REQUEST && (at + 1 > end || !used[at + 1])) return true;
  }
  return false;
}

/**
 * Whether a phrase with one content word left out the pointer that presents what its "be" says ("Here
 * is your order", "There's your latte", "Your order is here", an opening "Okay this is your order"), and
 * the message has none of its own there. Without it, "Here is your order" is only "your order" and a "be"
 * (found in "your order will be ready soon").
 */
function pointerLeftOut(runtime: Runtime, message: EncodedMessage, from: number, m: number): boolean {
  const { index } = runtime;
  const word = (j: number): string => index.lemmas[index.tokenLemma[from + j]];
  // The message's own pointer beside the same "be" says it otherwise ("This is your order" for "Here is
  // your order"); a "there" or "this" only before what its "be" names ("there's your order"), not "There
  // is a short wait" or "if this is correct".
  const pointerAt = (i: number): boolean => {
    if (i < 0 || i >= message.count) return false;
    const w = runtime.wordOf(message.lemma[i]);
    return POINTERS.has(w) && (w === 'here' || (i + 2 < message.count && PRESENTED.has(runtime.wordOf(message.lemma[i + 2]))));
  };
  for (let j = 0; j < m; j++) {
    if (placed[j] >= 0) continue;
    const w = word(j);
    // ("Okay, this is your order" presents as "here is your order" does, opening the phrase; "that is
    // correct" and "confirm that this is your order" do not.)
    const presents = w === 'here' || w === 'there' || ((w === 'this' || w === 'that') && j + 2 < m && word(j + 2) === 'your' && opensPhrase(index, from, j));
    // (An inverted "there" asks whether there is: "Would there be anything else", "is there any oat milk".)
    if (!presents || (w === 'there' && j > 0 && AUXILIARIES.has(word(j - 1)))) continue;
    if (j + 1 < m && word(j + 1) === 'be') {
      if (!(placed[j + 1] >= 0 && pointerAt(placed[j + 1] - 1))) return true;
    }
    // ("Is there anything..." asks whether there is; "Your order is here" presents.)
    if (w === 'here' && j > 0 && word(j - 1) === 'be') {
      if (!(placed[j - 1] >= 0 && pointerAt(placed[j - 1] + 1))) return true;
    }
  }
  return false;
}

/** Whether phrase word j comes after none that weighs anything ("Okay this is..."). */
function opensPhrase(index: CompiledIndex, from: number, j: number): boolean {
  for (let k = 0; k < j; k++) if (index.tokenShare[from + k] > 0) return false;
  return true;
}

// (Not "that": "that's good, your order will be ready soon" presents nothing.)
const POINTERS: ReadonlySet<string> = new Set(['here', 'there', 'this']);
const PRESENTED: ReadonlySet<string> = new Set(['your', 'my', 'our', 'the']);

/** Whether the words placed hold the phrase's order. */
function inOrder(m: number): boolean {
  for (let j = 0, previous = -1; j < m; j++) {
    const at = placed[j];
    // (Words left out, as an ellipsis's frame, hold no place.)
    if (at < 0) continue;
    if (at <= previous) return false;
    previous = at;
  }
  return true;
}

/** Whether phrase word j has message token i among its candidates. */
function placeable(j: number, i: number): boolean {
  for (let e = wordStart[j]; e < wordStart[j + 1]; e++) if (entryToken[e] === i) return true;
  return false;
}

// Words that may come before an elliptic offer or request in its clause: greetings, acknowledgements,
// "please", "give me", a count. Any other word says something the phrase does not ("made with almond
// milk" for "Can I get that with almond milk").
const LEAD_WORDS: ReadonlySet<string> = new Set([
  'and', 'also', 'so', 'then', 'just', 'okay', 'alright', 'great', 'sure', 'perfect', 'hi', 'hello', 'hey', 'yes', 'yeah', 'no', 'oh', 'um', 'uh', 'well',
  'please', 'give', 'me', 'a', 'an', 'the', 'one',
]);

// Words that say a frame of their own: a speaker, a modal, a verb of wanting. "We have whipped cream?"
// and "I want a small latte, please" are no ellipsis.
const FRAME_WORDS: ReadonlySet<string> = new Set([
  'i', 'you', 'we', 'they', 'he', 'she', 'it', 'would', 'will', 'can', 'could', 'may', 'do', 'be', 'have', 'get', 'want', 'need', 'like', 'take',
]);

/**
 * Whether the message says the rest of a framed phrase (tokens first..final) with no frame of its own: no
 * frame word before it in its clause, and, for an offer, a question ("Anything else?"), for a request,
 * "please" in its sentence ("A small latte, please"); a statement's needs nothing more ("Not interested").
 */
function saysNoFrame(runtime: Runtime, message: EncodedMessage, role: number, first: number, final: number): boolean {
  if (!opensAt(runtime, message, role, first)) return false;
  // Nor inside it: "it'll be ready shortly" says a statement's frame, no "Good I'll get it ready soon".
  for (let i = first; i <= final; i++) if (!used[i] && FRAME_WORDS.has(runtime.wordOf(message.lemma[i]))) return false;
  if (role === OFFERS) {
    for (let i = final; i < message.count && (i === final || !(message.flags[i] & CLAUSE_BEFORE)); i++) {
      if (message.flags[i] & QUESTION_AFTER) return true;
    }
    return false;
  }
  // (A statement's ellipsis that asks, "Not interested?", is told apart by its act.)
  if (role === STATES) return true;
  for (let i = 0; i < message.count; i++) {
    if (message.sentence[i] === message.sentence[first] && isPlease(runtime, message.lemma[i])) return true;
  }
  return false;
}

/**
 * Whether an elliptic offer, request or statement may open at token `first`: nothing but LEAD_WORDS
 * before it in its clause, and for a request or a statement no frame word earlier in its sentence either
 * (one said with a frame of its own is the other rules' to find: "I'd like a Mocha, 2%, and a latte" is
 * no "Can I get two lattes").
 */
function mayOpen(runtime: Runtime, message: EncodedMessage, role: number, first: number): boolean {
  let start = first;
  while (start > 0 && !(message.flags[start] & CLAUSE_BEFORE)) start--;
  for (let i = start; i < first; i++) {
    const word = runtime.wordOf(message.lemma[i]);
    if (LEAD_WORDS.has(word) || isDigits(word)) continue;
    // An offer may also open after an offer's frame of the message's own: "Would you like anything
    // else?" says "Can I get you anything else" with another frame.
    return role === OFFERS && isOfferFrame((k) => runtime.wordOf(message.lemma[k]), i, first);
  }
  if (role !== OFFERS) {
    for (let i = start - 1; i >= 0 && message.sentence[i] === message.sentence[first]; i--) {
      if (FRAME_WORDS.has(runtime.wordOf(message.lemma[i]))) return false;
    }
  }
  return true;
}

// mayOpen per message token and role, kept for the message being matched (its runtime, object and
// serial): many framed phrases share an opener ("a"), so each token is judged once, three roles a token.
// 0 not yet, 1 no, 3 yes.
let opensOf = new Uint8Array(256);
let opensRuntime: Runtime | null = null, opensMessage: EncodedMessage | null = null, opensSerial = -1;

/** mayOpen, judged once per message token and role. */
function opensAt(runtime: Runtime, message: EncodedMessage, role: number, i: number): boolean {
  const serial = runtime.scratch.serial;
  if (opensRuntime !== runtime || opensMessage !== message || opensSerial !== serial) {
    if (3 * message.count > opensOf.length) opensOf = new Uint8Array(Math.max(3 * message.count, 2 * opensOf.length));
    opensOf.fill(0, 0, 3 * message.count);
    opensRuntime = runtime;
    opensMessage = message;
    opensSerial = serial;
  }
  const k = 3 * i + (role === ASKS ? 0 : role === OFFERS ? 1 : 2);
  if (opensOf[k] === 0) opensOf[k] = mayOpen(runtime, message, role, i) ? 3 : 1;
  return opensOf[k] === 3;
}

/** Whether some token at `stem` (Scratch.stemTokens) may open an elliptic offer or request (mayOpen). */
function anyOpens(runtime: Runtime, message: EncodedMessage, role: number, stem: number): boolean {
  const { stemSeen, stemSlot, stemTokens, stemTokenWords: words, serial } = runtime.scratch;
  if (stemSeen[stem] !== serial) return false;
  for (let w = 0, base = stemSlot[stem] * words; w < words; w++) {
    for (let bits = stemTokens[base + w]; bits !== 0; bits &= bits - 1) {
      if (opensAt(runtime, message, role, (w << 5) + 31 - Math.clz32(bits & -bits))) return true;
    }
  }
  return false;
}

/** Closed compounds' second halves among tokens a..b: a span counts "pickup" as one word. */
function tailsIn(message: EncodedMessage, a: number, b: number): number {
  let count = 0;
  for (let i = a; i <= b; i++) if (message.flags[i] & COMPOUND_TAIL) count++;
  return count;
}

/**
 * The acts of an alignment: those of the clauses its words lie in, pronouns aside, so that a pronoun
 * placed in the next clause ("... confirm it looks correct and I'll send it off") does not lend that
 * clause's act; all clauses the span overlaps when its words lie in fragments.
 */
function spanActsOf(runtime: Runtime, view: MessageView, from: number, first: number, final: number, m: number): number {
  const { index, wordTraits } = runtime;
  let mask = 0;
  for (let j = 0; j < m; j++) {
    if (placed[j] >= 0 && (index.tokenContent[from + j] || !(wordTraits[index.tokenLemma[from + j]] & PRONOUN))) mask |= view.actAt(placed[j]);
  }
  return mask !== 0 ? mask | (view.actsOf(first, first) & WH_BIT) : view.actsOf(first, final);
}

/** Placed articles and possessives (the phrase's own) whose next content word in the message is not placed. */
function strayDeterminers(runtime: Runtime, message: EncodedMessage, from: number, m: number, a: number, end: number): number {
  const { index, wordTraits } = runtime;
  let count = 0;
  for (let j = 0; j < m; j++) {
    const at = placed[j];
    // (One the message has in place of the phrase's is not counted matched, so not stray either.)
    if (at < 0 || !(wordTraits[index.tokenLemma[from + j]] & DETERMINER) || message.lemma[at] !== index.tokenLemma[from + j]) continue;
    let next = at + 1;
    while (next < message.count && message.cls[next] !== CONTENT && message.sentence[next] === message.sentence[at]) next++;
    const supported = next < message.count && next >= a && next <= end && used[next] === 1 && message.sentence[next] === message.sentence[at];
    if (!supported) count++;
  }
  return count;
}

/**
 * A specific item the message replaces with another: a modifier ("a Chai Latte" is not "a Matcha Latte",
 * though "a latte" is "a chai latte") or a named item ("a macchiato with almond milk" is not "a
 * Cappuccino with almond milk"). The phrase's word is missing, and where it would be the message has
 * a word of the same kind that nothing matched. Common nouns are not items: "your drink will be ready"
 * is "your order will be ready".
 */
function replacesItem(runtime: Runtime, message: EncodedMessage, view: MessageView, from: number, m: number, a: number, end: number): boolean {
  const { index, namedLemma } = runtime;
  for (let j = 0; j < m; j++) {
    if (placed[j] >= 0 || !index.tokenContent[from + j]) continue;
    const flags = index.tokenFlags[from + j];
    // A modifier right before the word it modifies; a kind stands for a bare general word only: "two lattes"
    // is not "two Macchiato drinks". A number that is no count names a kind as a modifier does: "2 milk" is
    // no "almond milk".
    const modifies = flags & (NOUN_LIKE | ADJECTIVE) || namesKind(index, from, j, m);
    if (j + 1 < m && placed[j + 1] >= 0 && modifies && index.tokenFlags[from + j + 1] & NOUN_LIKE) {
      if (placedKind[j + 1] === KIND) return true;
      const before = placed[j + 1] - 1;
      if (isFreeContent(message, before, placed[j + 1], a, end) && view.kind(before) & (NOUN_LIKE | ADJECTIVE)) return true;
      // A percentage is a modifier too: "2% milk" is no "oat milk".
      if (isPercentage(runtime, message, before, placed[j + 1])) return true;
    }
    if (!(flags & NOUN_LIKE)) continue;
    // A named item in the message where the phrase has another noun: its slot lies between the nearest
    // placed words. ("your order" in the message stands for any item, so only a proper noun blocks.)
    let p = -1, q = -1;
    for (let k = j - 1; k >= 0 && p < 0; k--) p = placed[k];
    for (let k = j + 1; k < m && q < 0; k++) q = placed[k];
    const lo = p >= 0 ? p + 1 : q - 1, hi = q >= 0 && (p < 0 || q > p) ? q - 1 : p + 1;
    // Lower case, a word some phrase names an item by ("a mocha" where a phrase says "a Mocha") is one
    // too, in place of another such word: "a macchiato with almond milk" is not "a mocha with almond
    // milk", but "your drink will be ready" is still "your coffee will be ready".
    const phraseItem = (flags & NAME) !== 0 || namedLemma[index.tokenLemma[from + j]] === 1;
    for (let i = lo; i <= hi; i++) {
      if (!isFreeContent(message, i, p >= 0 ? p : q, a, end)) continue;
      const lemma = message.lemma[i];
      const kind = view.kind(i);
      // (Where the phrase writes its word as a name, any noun in its place is another item: "a Latte with
      // Caramel" is no "a latte with hazelnut".)
      if (kind & NAME || (phraseItem && kind & NOUN_LIKE && ((lemma < namedLemma.length && namedLemma[lemma]) || (flags & NAME && j > 0 && !namesAnyItem(runtime.wordOf(lemma)))))) return true;
    }
    // An item the phrase names, left out where the window names another, in any place: "One vanilla latte
    // with non fat milk" is no "one Latte with Non-Fat milk and Hazelnut". (Not a phrase's first word
    // by its capital alone: "Gimme an iced Latte".)
    if (!(namedLemma[index.tokenLemma[from + j]] === 1 || (flags & NAME && j > 0))) continue;
    for (let i = a; i <= end; i++) {
      const lemma = message.lemma[i];
      if (isFreeContent(message, i, a, a, end) && lemma < namedLemma.length && namedLemma[lemma] && view.kind(i) & NOUN_LIKE) return true;
    }
  }
  return false;
}

// What a wh-word asks about. "What", "which" and "how" often ask one thing ("what can I help you with",
// "how can I help you"; "which types", "what types"); a time, a place, a person or a reason is another.
const WH_ASKS: ReadonlyMap<string, number> = new Map([
  ['what', 1], ['which', 1], ['how', 1], ['when', 2], ['where', 3], ['who', 4], ['why', 5],
]);

/**
 * Whether the message asks about another thing, with its own wh-word, where the phrase's is left out:
 * "What do you open?" is not "When do you open". The message's is in the span or just before it, in its
 * sentence.
 */
function asksOtherwise(runtime: Runtime, message: EncodedMessage, from: number, m: number, first: number, final: number): boolean {
  const { index } = runtime;
  let asked = 0;
  for (let j = 0; j < m && asked === 0; j++) if (placed[j] < 0) asked = WH_ASKS.get(index.lemmas[index.tokenLemma[from + j]]) ?? 0;
  if (asked === 0) return false;
  for (let i = Math.max(0, first - 2); i <= final; i++) {
    if ((i >= first && used[i]) || message.sentence[i] !== message.sentence[first]) continue;
    const other = WH_ASKS.get(runtime.wordOf(message.lemma[i])) ?? 0;
    if (other !== 0 && other !== asked) return true;
  }
  return false;
}

/**
 * Whether the message says the phrase's subject of a verb of wanting as the other side (lexicon.otherSide):
 * in its place, or just before that verb where it is left out ("So you want a decaf latte?" is no "I want a
 * latte please").
 */
function otherParty(runtime: Runtime, message: EncodedMessage, from: number, m: number, a: number): boolean {
  const { index } = runtime;
  const wanting = runtime.wantingSubjects();
  for (let j = 0; j < m; j++) {
    if (!wanting[from + j]) continue;
    const pronoun = index.lemmas[index.tokenLemma[from + j]];
    if (placed[j] >= 0) {
      if (otherSide(pronoun, runtime.wordOf(message.lemma[placed[j]]))) return true;
      continue;
    }
    // Only before its verb, auxiliaries between ("we'll have" for "You'll have"): the "you" of "ready for
    // you at the coffee bar" is no subject.
    // The first word placed of its auxiliaries and verb, and the message's subject before it.
    let at = -1;
    for (let k = j + 1; k < m && at < 0; k++) {
      at = placed[k];
      if (!AUXILIARIES.has(index.lemmas[index.tokenLemma[from + k]])) break;
    }
    if (at < 0) continue;
    // (Tokens before the window, a, are none of its own.)
    let i = at - 1;
    while (i >= 0 && (i < a || !used[i]) && AUXILIARIES.has(runtime.wordOf(message.lemma[i]))) i--;
    if (i < 0 || (i >= a && used[i]) || message.sentence[i] !== message.sentence[at]) continue;
    if (otherSide(pronoun, runtime.wordOf(message.lemma[i]))) return true;
  }
  return false;
}

/**
 * Whether the message has the listener do the phrase's deed for the speaker, where the phrase says the
 * speaker does it: "You can call me back after lunch." is no "I can call after" (and, asked, neither is
 * "Can you call me back after lunch?"). The phrase opens with "I" or "we", left unplaced; in the message
 * "you" is the subject of the verb placed for the phrase's ("you call", "can you please call") and "me"
 * or "us" its object.
 */
function asksTheOther(runtime: Runtime, message: EncodedMessage, from: number, m: number): boolean {
  const { index } = runtime;
  if (m < 2 || placed[0] >= 0 || !SPEAKERS.has(index.lemmas[index.tokenLemma[from]])) return false;
  // The phrase's verb: its first word after the auxiliaries.
  let j = 1;
  while (j < m && AUXILIARIES.has(index.lemmas[index.tokenLemma[from + j]])) j++;
  if (j === m || placed[j] < 0) return false;
  // A verb of the speaker's getting asks for the same in "can you get me": "Can you give me a mocha?" ~
  // "I'll take a Mocha". (A giving verb of the phrase gives: "We can send".)
  const lemma = index.tokenLemma[from + j];
  if (runtime.wordTraits[lemma] & REQUEST && !isGivingVerb(index.lemmas[lemma])) return false;
  const verb = placed[j];
  if (verb + 1 >= message.count || message.sentence[verb + 1] !== message.sentence[verb]) return false;
  if (!SPEAKER_OBJECTS.has(runtime.wordOf(message.lemma[verb + 1]))) return false;
  for (let i = verb - 1; i >= 0 && message.sentence[i] === message.sentence[verb]; i--) {
    const word = runtime.wordOf(message.lemma[i]);
    if (word === 'you') return true;
    if (!AUXILIARIES.has(word) && !isPlease(runtime, message.lemma[i])) return false;
  }
  return false;
}

/** The length of the time adverbial (features.ts OPTIONAL words, not counts) at phrase word j, 0 if none. */
function timeAdverbialAt(index: CompiledIndex, from: number, j: number, m: number): number {
  const word = (k: number): string => index.lemmas[index.tokenLemma[from + k]];
  if (isDigits(word(j))) return 0;
  let k = j + 1;
  while (k < m && index.tokenFlags[from + k] & OPTIONAL && !isDigits(word(k))) k++;
  return k - j;
}

/** Whether the sentence of message token a says a time that is not now (features.ts OTHER_TIMES). */
function saysOtherTime(runtime: Runtime, message: EncodedMessage, a: number): boolean {
  for (let i = 0; i < message.count; i++) if (message.sentence[i] === message.sentence[a] && OTHER_TIMES.has(runtime.wordOf(message.lemma[i]))) return true;
  return false;
}

/**
 * Whether phrase word j is a number that names a kind of the word after it ("2 milk"), not a count: no
 * count (features.ts OPTIONAL), before a word that is no plural ("2 Cortados") and no compound's first
 * word ("two matcha lattes").
 */
function namesKind(index: CompiledIndex, from: number, j: number, m: number): boolean {
  if (index.tokenFlags[from + j] & OPTIONAL || j + 1 >= m || !isDigits(index.lemmas[index.tokenLemma[from + j]])) return false;
  if (index.normals[index.tokenNormal[from + j + 1]].endsWith('s')) return false;
  return j + 2 >= m || !(index.tokenFlags[from + j + 2] & NOUN_LIKE);
}

/** The length of what nowSaidAt found. */
let saidLength = 0;

/**
 * Where in a..end the message says phrase tokens t .. t + length - 1, a time adverbial, on unused tokens:
 * word for word, or as another that says "now" (features.ts SAYS_NOW); -1 if nowhere. Sets saidLength.
 */
function nowSaidAt(runtime: Runtime, message: EncodedMessage, t: number, length: number, a: number, end: number): number {
  const { index } = runtime;
  for (let i = a; i + length - 1 <= end; i++) {
    let k = 0;
    while (k < length && !used[i + k] && message.lemma[i + k] === index.tokenLemma[t + k]) k++;
    if (k === length) {
      saidLength = length;
      return i;
    }
  }
  for (let i = a; i <= end; i++) {
    for (const words of SAYS_NOW) {
      if (i + words.length - 1 > end) continue;
      let k = 0;
      while (k < words.length && !used[i + k] && runtime.wordOf(message.lemma[i + k]) === words[k]) k++;
      if (k < words.length) continue;
      saidLength = words.length;
      return i;
    }
  }
  return -1;
}

/** The weight of the phrase's optional words (features.ts OPTIONAL) a window left unplaced. */
function unplacedOptionals(index: CompiledIndex, from: number, m: number): number {
  let share = 0;
  for (let j = 0; j < m; j++) if (placed[j] < 0 && index.tokenFlags[from + j] & OPTIONAL) share += index.tokenShare[from + j];
  return share;
}

/** Whether tokens i - 1, i say a percentage ("2%", "1 percent") in the sentence of token `near`. */
function isPercentage(runtime: Runtime, message: EncodedMessage, i: number, near: number): boolean {
  if (i < 1 || used[i] || used[i - 1] || message.sentence[i] !== message.sentence[near]) return false;
  const word = runtime.wordOf(message.lemma[i]);
  return (word === '%' || word === 'percent') && isDigits(runtime.wordOf(message.lemma[i - 1]));
}

/**
 * Whether a request verb of the phrase, left unplaced, is in the window's sentence up to its end as the
 * same verb of the other kind (asksOfTheOther): "can I have a latte with oat milk" is no "do you have oat
 * milk" without its "have". A phrase's "you have" is turned away by any request verb of the speaker's:
 * "..., and can I get that with Oat milk?" orders, it does not ask "do you have oat milk".
 */
function verbOfTheOther(runtime: Runtime, message: EncodedMessage, from: number, m: number, a: number, end: number): boolean {
  const { index } = runtime;
  for (let j = 0; j < m; j++) {
    const k = from + j;
    if (placed[j] >= 0 || !(runtime.wordTraits[index.tokenLemma[k]] & REQUEST)) continue;
    const listeners = runtime.requestTokens()[k] !== ASKS && index.lemmas[index.tokenLemma[k]] === 'have' && listenersVerb(index, k, from, from + m);
    for (let i = end; i >= 0 && message.sentence[i] === message.sentence[a]; i--) {
      if (i >= a && used[i]) continue;
      if (listeners && ordersAt(runtime, message, i)) return true;
      if (message.lemma[i] === index.tokenLemma[k] && asksOfTheOther(runtime, message, i, k, from, from + m)) return true;
    }
  }
  return false;
}

/** Whether message token i is a request verb of the speaker's with an object: "can I get that", not "I'd like to know", nor the offer "can I get you". */
function ordersAt(runtime: Runtime, message: EncodedMessage, i: number): boolean {
  if (!(message.flags[i] & ASKING) || !(runtime.traitsOfId(message.lemma[i]) & REQUEST)) return false;
  const next = i + 1 < message.count ? runtime.wordOf(message.lemma[i + 1]) : '';
  return next !== 'to' && next !== 'you';
}

/** A content token of the message, in the sentence of token `near`, that the window [a, end] left unplaced. */
function isFreeContent(message: EncodedMessage, i: number, near: number, a: number, end: number): boolean {
  return i >= 0 && i < message.count && message.cls[i] === CONTENT && !(i >= a && i <= end && used[i]) && message.sentence[i] === message.sentence[near];
}

/** A one-word pattern is only ever a fuzzy match here (contiguous tiers found the rest). */
function alignSingle(index: CompiledIndex, message: EncodedMessage, pattern: number, threshold: number): Alignment | null {
  const word = index.lemmas[index.tokenLemma[index.patternStart[pattern]]];
  if (word.length < DEFAULTS.fuzzySingleWordMinLength || index.patternNegated[pattern]) return null;
  let best = 0;
  for (let e = 0; e < wordStart[1]; e++) {
    const i = entryToken[e], s = entrySim[e];
    if (s < STEM_SIM && s > best && (negatorsBefore(message, i) & 1) === 0) best = s;
  }
  return best > 0 && best >= threshold ? aligned(FUZZY, Math.min(best, DEFAULTS.similarCeiling)) : null;
}
