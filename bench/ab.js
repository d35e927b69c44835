// Same-process A/B of the matcher: another checkout's build (A) against this one's (B), matching the
// Taskmaster-4 dialogs (CC BY 4.0, Google LLC) with the realistic trackers, interleaved per 100
// conversations and timed in CPU time. On a shared machine whose speed drifts by a quarter within a
// minute, only side-by-side timing tells a 10 % change apart; both sides must give the same output.
// Run: node bench/ab.js /path/to/other/checkout [passes] (both built).
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { loadCorpus, loadJson } from './corpus.js';

const [other, passArg] = process.argv.slice(2);
if (!other) {
  console.error('usage: node bench/ab.js /path/to/other/checkout [passes]');
  process.exit(2);
}
const passes = Number(passArg ?? 3);
const load = (root) => import(resolve(root, 'packages/matcher/dist/index.js'));
const [a, b] = await Promise.all([load(other), load(resolve(import.meta.dirname, '..'))]);
const { conversations } = loadCorpus();
const trackers = loadJson('corpus/trackers-realistic-500x50.json');
const sides = [
  { name: 'A', m: a, index: a.compile(trackers) },
  { name: 'B', m: b, index: b.compile(trackers) },
];
const digests = sides.map((side) => {
  const digest = createHash('sha256');
  for (const messages of conversations) digest.update(JSON.stringify(side.m.match(side.index, messages)));
  return digest.digest('hex').slice(0, 16);
});
console.log(`output digest A ${digests[0]}, B ${digests[1]}: ${digests[0] === digests[1] ? 'same' : 'DIFFERENT'}`);
const cpuMs = (work) => {
  const start = process.cpuUsage();
  work();
  return process.cpuUsage(start).user / 1000;
};
for (let pass = 0; pass < passes; pass++) {
  // A build that keeps the matches of texts it has matched (message-memo.ts) would only replay them in a
  // second pass: matching once at another threshold empties its memo (it keeps one threshold's).
  for (const side of sides) side.m.match(side.index, conversations[0], { threshold: 0.55 });
  const ms = { A: 0, B: 0, floor: 0 };
  for (let k = 0, turn = 0; k < conversations.length; k += 100, turn++) {
    const part = conversations.slice(k, k + 100);
    for (const side of turn % 2 ? sides : [...sides].reverse()) ms[side.name] += cpuMs(() => part.forEach((messages) => side.m.match(side.index, messages)));
    ms.floor += cpuMs(() => part.forEach((messages) => messages.forEach((message) => b.lemmatize(message.text))));
  }
  console.log(`pass ${pass + 1}: NLP floor ${ms.floor.toFixed(0)} ms, A ${ms.A.toFixed(0)} ms (${(ms.A / ms.floor).toFixed(2)}x), B ${ms.B.toFixed(0)} ms (${(ms.B / ms.floor).toFixed(2)}x), B/A ${(ms.B / ms.A).toFixed(3)}`);
}
