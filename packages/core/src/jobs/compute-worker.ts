// Worker-thread entry of the compute pool. Each worker keeps its own cache of compiled indexes (in
// detect.ts), so a tracker set that comes back is not compiled again.
import { computeDetections, type ComputeInput, type ComputeResult } from './compute.js';

export default function run(input: ComputeInput): ComputeResult {
  return computeDetections(input);
}
