// Beside each anchor entry, two more of its pattern's content stems (the rarest after the anchor's own),
// so that the candidate check can turn most patterns away from the anchor list alone: the signature
// tells a stem's absence only by a 32-bit hash, and a message with many stems sets most of its bits,
// while reading the pattern's own check list costs a cache miss or two for each candidate. Derived from
// the index when a runtime is made, so the compiled (serialized) form does not change.
import type { CompiledIndex } from './types.js';

/** Stems per anchor entry. */
export const ANCHOR_CHECKS = 2;

/** ANCHOR_CHECKS distinct content stems of entry k's pattern other than its anchor, from [k * ANCHOR_CHECKS]; -1 past its last. */
export function anchorChecksOf(index: CompiledIndex): Int32Array {
  const { anchorStart, anchorPattern, checkStart, checkContentEnd, checkStem } = index;
  const checks = new Int32Array(anchorPattern.length * ANCHOR_CHECKS).fill(-1);
  for (let stem = 0; stem + 1 < anchorStart.length; stem++) {
    for (let k = anchorStart[stem]; k < anchorStart[stem + 1]; k++) {
      const q = anchorPattern[k];
      let found = 0;
      for (let c = checkStart[q]; c < checkContentEnd[q] && found < ANCHOR_CHECKS; c++) {
        const other = checkStem[c];
        if (other === stem || (found > 0 && checks[k * ANCHOR_CHECKS + found - 1] === other)) continue;
        checks[k * ANCHOR_CHECKS + found++] = other;
      }
    }
  }
  return checks;
}
