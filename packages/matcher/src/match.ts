// The matching pipeline for one conversation: normalize -> encode -> contiguous tiers -> candidates ->
// gap/fuzzy tiers -> exclusions -> refs, grouped into Symbl's shape at the end.
import { ANCHOR_CHECKS } from './anchor-checks.js';
import type { BestHits } from './best-hits.js';
import { confidence, rawScoreFor } from './confidence.js';
import { DEFAULTS } from './defaults.js';
import { encode, type EncodedMessage } from './encode.js';
import { ErrorCode, MatcherError } from './errors.js';
import { DetectionsBuilder, type Detections } from './detections.js';
import { group } from './group.js';
import { groupJson } from './json.js';
import { MessageView } from './message-view.js';
import { CONTENT } from './lexicon.js';
import { signatureBit } from './features.js';
import { readTokens, type TokenSource } from './nlp.js';
import { emptyStream, normalize } from './normalize.js';
import type { MessageMemo } from './message-memo.js';
import { runtimeFor, type Runtime } from './runtime.js';
import { SharedMemoView, type SharedMemo } from './shared-memo.js';
import { findContiguous } from './tiers/contiguous.js';
import { align } from './tiers/gap.js';
import { cuesOf } from './frames.js';
import { EXACT, LEMMA, TIERS } from './tiers/index.js';
import type { CompiledIndex, MatchOptions, Message, TrackerDetected, TrackersDetectedJson } from './types.js';
import { checkMatchOptions, checkMessages } from './validate.js';

/** Finds every tracker phrase in `messages` and returns Symbl's trackers-detected array. */
export function match(index: CompiledIndex, messages: readonly Message[], options: MatchOptions = {}): TrackerDetected[] {
  checkIndex(index);
  checkMessages(messages);
  checkMatchOptions(options);
  return group(index, messages, detect(index, messages, options.threshold ?? DEFAULTS.threshold), options.details ?? false);
}

/**
 * The same result as JSON text, `JSON.stringify(match(...))` to the byte, with the number of message refs
 * it holds: the cheapest way to write results out (no objects are built).
 */
export function matchJson(index: CompiledIndex, messages: readonly Message[], options: MatchOptions = {}): TrackersDetectedJson {
  checkIndex(index);
  checkMessages(messages);
  checkMatchOptions(options);
  const detections = detect(index, messages, options.threshold ?? DEFAULTS.threshold);
  return { json: groupJson(index, messages, detections, options.details ?? false), messageRefs: detections.count };
}

export function checkIndex(index: CompiledIndex): void {
  if (index?.format !== 2) throw new MatcherError(ErrorCode.indexInvalid, 'index must be the result of compile()');
}

// One builder and one token stream for all messages: detect never runs re-entrantly.
const builder = new DetectionsBuilder();
const messageStream = emptyStream();
const view = new MessageView();
const anchorStems: number[] = [];

/** The matching itself, on checked input, in compact form. */
export function detect(index: CompiledIndex, messages: readonly Message[], threshold: number): Detections {
  const runtime = runtimeFor(index);
  const out = builder;
  const raw = rawScoreFor(threshold);
  const memo = memoFor(runtime, threshold);
  for (let m = 0; m < messages.length; m++) {
    const text = messages[m].text;
    if (memo.replay(text, m, out)) continue;
    const mark = out.size;
    matchMessage(runtime, text, m, raw, out);
    memo.keep(text, out, mark);
  }
  return out.finish();
}

/**
 * The memo to use: the one shared with other threads when it was made for this threshold, else this
 * index's own, emptied when the threshold changes.
 */
function memoFor(runtime: Runtime, threshold: number): MessageMemo | SharedMemoView {
  if (runtime.shared !== null && runtime.shared.threshold === threshold) return runtime.shared;
  runtime.memo.use(threshold);
  return runtime.memo;
}

/**
 * Makes the threads that call this with `memo` (one SharedMemo, passed to each) share the matches of the
 * message texts they match with `index`, at the memo's threshold; at other thresholds each keeps its own.
 */
export function shareMemo(index: CompiledIndex, memo: SharedMemo): void {
  checkIndex(index);
  runtimeFor(index).shared = new SharedMemoView(memo, index);
}

/** `threshold` here is a raw score (see confidence.ts); refs carry confidences. */
function matchMessage(runtime: Runtime, text: string, messageIndex: number, threshold: number, out: DetectionsBuilder): void {
  const { index, scratch } = runtime;
  runtime.trim();
  const source = readTokens(text);
  const stream = normalize(source, false, messageStream);
  if (stream.count === 0) return;
  const encoded = encode(runtime, stream);
  view.reset(stream, source);
  // Serials are 32-bit stamps: past the last one, the marks start over from cleared arrays.
  const restart = scratch.serial === 0xffffffff;
  if (restart) {
    scratch.stemSeen.fill(0);
    scratch.stemAnchored.fill(0);
    scratch.patternSeen.fill(0);
    scratch.phraseStamp.fill(0);
    scratch.serial = 0;
  }
  const serial = ++scratch.serial;
  const best = scratch.best;
  best.reset(serial, restart);

  findContiguous(runtime, encoded, view, best);
  // Similar matches never outscore contiguous ones, so patterns found above are not tried again; but one
  // found only by stepping over a filler may align better ("I'd just like a latte": the filler weighs
  // nothing there).
  for (let h = 0; h < best.count; h++) if (best.score[best.patterns[h]] >= DEFAULTS.similarCeiling) scratch.patternSeen[best.patterns[h]] = serial;
  if (threshold <= DEFAULTS.similarCeiling) findSimilar(runtime, encoded, serial, threshold, best);
  if (best.count === 0) return;

  promoteExact(index, source, best);
  const excludedTrackers = trackersExcluded(index, best);

  let starts: Int32Array | null = null;
  const { phraseStamp, phraseRow } = scratch;
  const shared = phraseStamp.length > 0;
  for (let h = 0; h < best.count; h++) {
    const pattern = best.patterns[h];
    const score = best.score[pattern], tier = best.tier[pattern];
    if (score < threshold || index.patternExcluded[pattern]) continue;
    const offset = TIERS[tier].hasOffset ? (starts ??= source.starts())[stream.src[best.start[pattern]]] : -1;
    const said = confidence(score);
    for (let k = index.patternPhraseStart[pattern]; k < index.patternPhraseStart[pattern + 1]; k++) {
      const phrase = index.patternPhrase[k];
      if (excludedTrackers?.has(index.phraseTracker[phrase])) continue;
      if (shared) {
        // A phrase also found by its main clause keeps its better match.
        if (phraseStamp[phrase] === serial) {
          if (said > out.scoreAt(phraseRow[phrase])) out.replace(phraseRow[phrase], offset, said, tier);
          continue;
        }
        phraseStamp[phrase] = serial;
        phraseRow[phrase] = out.size;
      }
      out.add(phrase, messageIndex, offset, said, tier);
    }
  }
}

/** Candidates for the gap and fuzzy tiers: patterns anchored on a stem the message has, or a fuzzy neighbor's. */
function findSimilar(runtime: Runtime, message: EncodedMessage, serial: number, threshold: number, best: BestHits): void {
  const { index, scratch, anchorChecks } = runtime;
  const frames = runtime.frames();
  const optional = runtime.optionalShares();
  const { stemSeen, patternSeen, stemAnchored } = scratch;
  const { anchorStart, anchorPattern, anchorSignature, anchorAllowed, patternStart, lemmaStem, patternWeight, checkStart, checkContentEnd, checkStem, checkWeight } = index;
  // No similar match scores above its coverage, so coverage must reach the threshold too.
  const bar = Math.max(DEFAULTS.minCoverage, threshold);
  const n = message.count;
  // One pass over the tokens: every stem the message has (a fuzzy neighbour's too) marked present, in
  // the signature and with the tokens it is at (for alignment, see stemTokens); content tokens' stems
  // listed once each, their anchor lists to read.
  let signature = 0;
  const stems = anchorStems;
  stems.length = 0;
  const words = (n + 31) >>> 5;
  scratch.stemTokenWords = words;
  const { stemSlot } = scratch;
  let slots = 0;
  for (let i = 0; i < n; i++) {
    const content = message.cls[i] === CONTENT;
    const near = message.neighbors[i];
    const word = i >>> 5, bit = 1 << (i & 31);
    // The token's own stem (x = -1, when it has one), then its neighbours'. (Not -0 when it has none:
    // V8 drops this function's optimized code on a minus zero.)
    for (let x = message.stem[i] >= 0 ? -1 : 0, end = near === null ? 0 : near.lemmas.length; x < end; x++) {
      const stem = x < 0 ? message.stem[i] : lemmaStem[near!.lemmas[x]];
      if (stemSeen[stem] !== serial) {
        stemSeen[stem] = serial;
        stemSlot[stem] = slots;
        if ((slots + 1) * words > scratch.stemTokens.length) growStemTokens(scratch, (slots + 1) * words);
        // A loop, not fill(): a builtin's call costs more than the word or two a stem's set takes.
        for (let w = slots * words; w < (slots + 1) * words; w++) scratch.stemTokens[w] = 0;
        slots++;
      }
      scratch.stemTokens[stemSlot[stem] * words + word] |= bit;
      signature |= signatureBit(stem);
      // A function word's own stem anchors nothing; its neighbours' may (a request verb's: "I'd like").
      if ((!content && x < 0) || stemAnchored[stem] === serial) continue;
      stemAnchored[stem] = serial;
      stems.push(stem);
    }
  }
  const cues = frames.count === 0 ? 0 : cuesOf(runtime, message);
  for (let s = 0; s < stems.length; s++) {
    for (let k = anchorStart[stems[s]]; k < anchorStart[stems[s] + 1]; k++) {
      // Each signature bit the message lacks stands for at least one content stem it lacks. A pattern
      // turned away here is turned away again from its other anchors, so it need not be marked seen.
      const pattern = anchorPattern[k];
      // A phrase that opens with a frame may be found without it (frames.ts) in a message that can say an
      // ellipsis of its kind: the frame's words may be missing. A candidate that passes only so is
      // aligned for an ellipsis only (`framedOnly`), so no other match comes of the looser bounds.
      let framed = (frames.role[pattern] & cues) !== 0;
      const strictAllowed = anchorAllowed[k];
      const allowed = framed ? strictAllowed + frames.content[pattern] : strictAllowed;
      const absent = anchorSignature[k] & ~signature;
      if (absent !== 0 && (allowed === 0 || bitCount(absent) > allowed)) continue;
      // Two of its other content stems, read beside the entry: each one absent is one more word missing.
      const check0 = anchorChecks[k * ANCHOR_CHECKS], check1 = anchorChecks[k * ANCHOR_CHECKS + 1];
      const checksAbsent = (check0 >= 0 && stemSeen[check0] !== serial ? 1 : 0) + (check1 >= 0 && stemSeen[check1] !== serial ? 1 : 0);
      if (checksAbsent > allowed) continue;
      let framedOnly = framed && ((absent !== 0 && (strictAllowed === 0 || bitCount(absent) > strictAllowed)) || checksAbsent > strictAllowed);
      if (patternSeen[pattern] === serial) continue;
      patternSeen[pattern] = serial;
      // Cheap bounds before alignment: enough of the pattern's words are in the message to pass the
      // alignment's own rules and to cover enough of the pattern to reach the bar. Content words first,
      // rarest first, stopping at one too many missing: most candidates end there after a look or two.
      const contentEnd = checkContentEnd[pattern];
      let missing = 0, presentContent = 0;
      for (let c = checkStart[pattern]; c < contentEnd && missing <= allowed; c++) {
        if (stemSeen[checkStem[c]] === serial) presentContent++;
        else missing++;
      }
      if (missing > allowed || presentContent === 0) continue;
      // An elliptic match says all of the rest's content words.
      if (framed && presentContent < frames.rest[pattern]) {
        if (framedOnly || missing > strictAllowed) continue;
        framed = false;
      }
      if (missing > strictAllowed) framedOnly = true;
      let present = presentContent, reachable = presentContent, presentMissable = 0;
      for (let c = contentEnd; c < checkStart[pattern + 1]; c++) {
        if (stemSeen[checkStem[c]] !== serial) continue;
        present++;
        reachable += checkWeight[c];
        // (A word of a content word's full weight among these is an -ly adverb or a count, content where found.)
        if (checkWeight[c] === 1) presentMissable++;
      }
      // (With one content word, alignment wants three words, or all of a shorter phrase's.)
      const length = patternStart[pattern + 1] - patternStart[pattern];
      // (An elliptic rest is held to it in alignment, word for word.)
      if (length > 1 && presentContent + presentMissable < 2 && present < Math.min(3, length)) {
        if (!framed) continue;
        framedOnly = true;
      }
      // (Optional words left out weigh nothing: "Can I get a latte" for "Can I get two lattes".)
      const weight = patternWeight[pattern] - optional[pattern];
      if (reachable < bar * (framed ? weight - frames.share[pattern] : weight)) continue;
      if (reachable < bar * weight) framedOnly = true;
      const found = framedOnly ? null : align(runtime, message, pattern, view, threshold);
      // (align returns one shared object: read it before aligning again.)
      let tier = found === null ? -1 : found.tier, score = found === null ? -1 : found.score;
      // Said without its frame, a phrase may align better than with its frame's words missing:
      // "Confirm your order please." for "Can you confirm your order".
      if (framed && score < DEFAULTS.similarCeiling) {
        const elliptic = align(runtime, message, pattern, view, threshold, true);
        if (elliptic !== null && elliptic.score > score) ({ tier, score } = elliptic);
      }
      if (tier >= 0) best.offer(pattern, tier, score, -1, 0);
    }
  }
}

function growStemTokens(scratch: Runtime['scratch'], size: number): void {
  const grown = new Uint32Array(Math.max(size, scratch.stemTokens.length * 2));
  grown.set(scratch.stemTokens);
  scratch.stemTokens = grown;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let b = bits; b !== 0; b &= b - 1) count++;
  return count;
}

/** A lemma-tier match whose normal forms also agree is exact. Normal forms are read only now, when needed. */
function promoteExact(index: CompiledIndex, source: TokenSource, best: BestHits): void {
  let normals: string[] | null = null;
  for (let h = 0; h < best.count; h++) {
    const pattern = best.patterns[h];
    if (best.tier[pattern] !== LEMMA || best.patternFrom[pattern] !== 0) continue;
    normals ??= normalize(source, true).normal!;
    const from = index.patternStart[pattern];
    const length = index.patternStart[pattern + 1] - from;
    const start = best.start[pattern];
    let same = true;
    for (let t = 0; t < length && same; t++) same = normals[start + t] === index.normals[index.tokenNormal[from + t]];
    if (same) {
      best.tier[pattern] = EXACT;
      best.score[pattern] = DEFAULTS.exactScore;
    }
  }
}

/** Trackers whose excluded phrase matched this message: they yield nothing for it. */
function trackersExcluded(index: CompiledIndex, best: BestHits): Set<number> | null {
  let excluded: Set<number> | null = null;
  for (let h = 0; h < best.count; h++) {
    const pattern = best.patterns[h];
    if (!index.patternExcluded[pattern]) continue;
    excluded ??= new Set();
    for (let k = index.patternPhraseStart[pattern]; k < index.patternPhraseStart[pattern + 1]; k++) {
      excluded.add(index.phraseTracker[index.patternPhrase[k]]);
    }
  }
  return excluded;
}
