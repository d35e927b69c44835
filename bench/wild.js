// Scores the hand-labelled wild pairs (../shared/eval/wild-dev.json) and lists the pairs got wrong.
// Usage: node bench/wild.js [threshold]
import { scorePairs } from './wild-score.js';
import { loadJson } from './corpus.js';

const { pairs } = loadJson('eval/wild-dev.json');
const threshold = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
const result = scorePairs(pairs, threshold);
for (const w of result.wrong) console.log(`${w.similar ? 'missed' : 'false alarm'}: ${JSON.stringify(w.phrase)} ~ ${JSON.stringify(w.text)}${w.tier ? ` (${w.tier} ${w.score.toFixed(3)})` : ''}`);
console.log(`tp=${result.tp} fp=${result.fp} fn=${result.fn} tn=${result.tn} precision=${result.precision.toFixed(3)} recall=${result.recall.toFixed(3)}`);
