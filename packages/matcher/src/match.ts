// The matching pipeline for one conversation: normalize -> encode -> contiguous tiers -> candidates ->
// gap/fuzzy tiers -> exclusions -> refs, grouped into Symbl's shape at the end.
import { DEFAULTS } from './defaults.js';
import { encode, type EncodedMessage } from './encode.js';
import { CONTENT } from './lexicon.js';
import { readTokens, type TokenSource } from './nlp.js';
import { normalize } from './normalize.js';
import { runtimeFor, type Runtime } from './runtime.js';
import { group } from './group.js';
import { findContiguous, type ContiguousHit } from './tiers/contiguous.js';
import { align } from './tiers/gap.js';
import { EXACT, LEMMA, TIERS } from './tiers/index.js';
import type { CompiledIndex, MatchOptions, Message, MessageRef, TrackerDetected } from './types.js';
import { checkMatchOptions, checkMessages } from './validate.js';
import { ErrorCode, MatcherError } from './errors.js';

/** Finds every tracker phrase in `messages` and returns Symbl's trackers-detected array. */
export function match(index: CompiledIndex, messages: readonly Message[], options: MatchOptions = {}): TrackerDetected[] {
  if (index?.format !== 1) throw new MatcherError(ErrorCode.indexInvalid, 'index must be the result of compile()');
  checkMessages(messages);
  checkMatchOptions(options);
  const threshold = options.threshold ?? DEFAULTS.threshold;
  const details = options.details ?? false;
  const runtime = runtimeFor(index);
  const refsByPhrase = new Map<number, MessageRef[]>();
  for (const message of messages) {
    matchMessage(runtime, message, threshold, details, refsByPhrase);
  }
  return group(index, refsByPhrase);
}

interface Hit {
  phrase: number;
  tier: number;
  score: number;
  /** Message token the match starts at, for tiers that report an offset. */
  start: number;
  phraseFrom: number;
}

function matchMessage(runtime: Runtime, message: Message, threshold: number, details: boolean, out: Map<number, MessageRef[]>): void {
  const { index, scratch } = runtime;
  runtime.trim();
  const source = readTokens(message.text);
  const stream = normalize(source, false);
  if (stream.count === 0) return;
  const encoded = encode(runtime, stream);
  const serial = ++scratch.serial;
  const hits: Hit[] = [];
  const best = new Map<number, Hit>();

  const keep = (hit: Hit): void => {
    const previous = best.get(hit.phrase);
    if (previous === undefined) {
      best.set(hit.phrase, hit);
      hits.push(hit);
    } else if (hit.score > previous.score || (hit.score === previous.score && hit.start < previous.start)) {
      Object.assign(previous, hit);
    }
  };
  findContiguous(runtime, encoded, (hit: ContiguousHit) => keep({ ...hit }));
  for (const phrase of best.keys()) scratch.phraseSeen[phrase] = serial;
  if (threshold <= DEFAULTS.similarCeiling) findSimilar(runtime, encoded, serial, threshold, keep);
  if (hits.length === 0) return;

  promoteExact(index, source, hits);
  dropExcludedTrackers(index, hits);

  const starts = hits.some((h) => TIERS[h.tier].hasOffset) ? source.starts() : null;
  for (const hit of hits) {
    if (hit.score < threshold || index.phraseExcluded[hit.phrase]) continue;
    const offset = TIERS[hit.tier].hasOffset ? starts![stream.src[hit.start]] : -1;
    const ref: MessageRef = { id: message.id, text: message.text, offset };
    if (details) {
      ref.score = Math.round(hit.score * 1000) / 1000;
      ref.tier = TIERS[hit.tier].name;
    }
    let refs = out.get(hit.phrase);
    if (refs === undefined) out.set(hit.phrase, (refs = []));
    refs.push(ref);
  }
}

/** Candidates for the gap and fuzzy tiers: phrases anchored on a stem the message has, or a fuzzy neighbor's. */
function findSimilar(runtime: Runtime, message: EncodedMessage, serial: number, threshold: number, keep: (hit: Hit) => void): void {
  const { index, scratch } = runtime;
  const { stemSeen, phraseSeen } = scratch;
  const { anchorStart, anchorPhrase, phraseStart, tokenStem, lemmaClass, tokenLemma, lemmaStem, phraseContent, phraseWeight } = index;
  // No similar match scores above its coverage, so coverage must reach the threshold too.
  const bar = Math.max(DEFAULTS.minCoverage, threshold);
  const n = message.count;
  for (let i = 0; i < n; i++) {
    if (message.stem[i] >= 0) stemSeen[message.stem[i]] = serial;
    const near = message.neighbors[i];
    if (near !== null) for (let x = 0; x < near.lemmas.length; x++) stemSeen[lemmaStem[near.lemmas[x]]] = serial;
  }
  const consider = (stem: number): void => {
    for (let k = anchorStart[stem]; k < anchorStart[stem + 1]; k++) {
      const phrase = anchorPhrase[k];
      if (phraseSeen[phrase] === serial) continue;
      phraseSeen[phrase] = serial;
      // Cheap bounds before alignment: enough of the phrase's content stems are in the message, and the
      // words present could cover enough of the phrase to reach the bar.
      let missing = 0;
      let reachable = 0;
      for (let t = phraseStart[phrase]; t < phraseStart[phrase + 1]; t++) {
        const content = lemmaClass[tokenLemma[t]] === CONTENT;
        if (stemSeen[tokenStem[t]] === serial) reachable += content ? 1 : DEFAULTS.functionWeight;
        else if (content) missing++;
      }
      if (missing > Math.floor(phraseContent[phrase] / DEFAULTS.contentPerMissing)) continue;
      if (reachable < bar * phraseWeight[phrase]) continue;
      const found = align(runtime, message, phrase);
      if (found !== null && found.score >= threshold) keep({ phrase, tier: found.tier, score: found.score, start: -1, phraseFrom: 0 });
    }
  };
  for (let i = 0; i < n; i++) {
    if (message.cls[i] !== CONTENT) continue;
    if (message.stem[i] >= 0) consider(message.stem[i]);
    const near = message.neighbors[i];
    if (near !== null) for (let x = 0; x < near.lemmas.length; x++) consider(lemmaStem[near.lemmas[x]]);
  }
}

/** A lemma-tier match whose normal forms also agree is exact. Normal forms are read only now, when needed. */
function promoteExact(index: CompiledIndex, source: TokenSource, hits: Hit[]): void {
  if (!hits.some((h) => h.tier === LEMMA)) return;
  const normals = normalize(source, true).normal!;
  for (const hit of hits) {
    if (hit.tier !== LEMMA) continue;
    const from = index.phraseStart[hit.phrase] + hit.phraseFrom;
    const length = index.phraseStart[hit.phrase + 1] - from;
    let same = true;
    for (let t = 0; t < length && same; t++) same = normals[hit.start + t] === index.tokenNormal[from + t];
    if (same && hit.phraseFrom === 0) {
      hit.tier = EXACT;
      hit.score = DEFAULTS.exactScore;
    }
  }
}

/** A tracker whose excluded phrase matched this message yields nothing for it. */
function dropExcludedTrackers(index: CompiledIndex, hits: Hit[]): void {
  const excluded = new Set<number>();
  for (const hit of hits) if (index.phraseExcluded[hit.phrase]) excluded.add(index.phraseTracker[hit.phrase]);
  if (excluded.size === 0) return;
  for (let k = hits.length - 1; k >= 0; k--) if (excluded.has(index.phraseTracker[hits[k].phrase])) hits.splice(k, 1);
}
