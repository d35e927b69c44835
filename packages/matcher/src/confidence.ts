// Raw tier scores -> the confidence reported and compared with Symbl's confidenceThreshold. The tiers
// rank matches by raw scores (exact 1, lemma 0.95, a swapped pronoun 0.9, stem 0.85, gap and fuzzy at
// most 0.84); confidence stretches them so that the tuned operating point, a similar match scoring
// DEFAULTS.similarFloor raw, is Symbl's default 0.5, the best similar match is just under a stem match,
// and exact and lemma matches are 1: a threshold of 1.0 keeps only those. The map is increasing, so a
// higher threshold only ever drops matches.
import { DEFAULTS } from './defaults.js';

const { similarFloor, similarCeiling, minThreshold, similarConfidenceTop } = DEFAULTS;
const slope = (similarConfidenceTop - minThreshold) / (similarCeiling - similarFloor);
/** Contiguous tiers sit this far above their raw score (lemma 0.95 -> 1, stem 0.85 -> 0.9). */
const contiguousLift = 1 - DEFAULTS.lemmaScore;

export function confidence(raw: number): number {
  const value = raw > similarCeiling ? Math.min(1, raw + contiguousLift) : minThreshold + (raw - similarFloor) * slope;
  return Math.round(value * 1000) / 1000;
}

/** The lowest raw score whose confidence reaches `threshold`. */
export function rawScoreFor(threshold: number): number {
  if (threshold > similarConfidenceTop) return Math.max(similarCeiling + 1e-6, threshold - contiguousLift - 5e-4);
  return similarFloor + (threshold - minThreshold) / slope - 5e-4;
}
