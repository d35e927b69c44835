// pnpm bench: the matcher over the 3,710 Taskmaster-4 coffee-order dialogs (13,915 messages; CC BY 4.0,
// Google LLC) against the NLP floor (wink-nlp's readDoc plus lemma extraction alone, same texts).
// - The yardstick: ../shared/corpus/trackers-realistic-500x50.json, 25,000 phrases shaped like real
//   vocabularies. Also its compile time and memory, a digest of the full output (speed work must not
//   change it), and two references: Aho–Corasick (exact only) and naive fuse.js (a sample, extrapolated).
// - The dense stress set (trackers-500x50.json, ~900 hits a message): message refs per second and where
//   the time goes, no target.
// - The dev set's 13 trackers, with precision and recall of phrasewatch and both references.
// Results: stdout and bench/results/latest.json. BENCH_QUICK=1 runs a 400-dialog slice.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { availableParallelism, cpus } from 'node:os';
import { compile, lemmatize, match, matchJson } from '@phrasewatch/matcher';
import { createMatcherPool } from '@phrasewatch/matcher/pool';
import { openStore } from '@phrasewatch/core';
import { Bench } from 'tinybench';
import { loadCorpus, loadJson } from './corpus.js';
import { devTrackers, scoreDev } from './dev-score.js';
import { ahoCorasick, naiveFuse } from './references.js';

const quick = process.env.BENCH_QUICK === '1';
const naiveSample = Number(process.env.BENCH_NAIVE_SAMPLE ?? 100);
const { conversations: all } = loadCorpus();
const conversations = quick ? all.slice(0, 400) : all;
const texts = conversations.flatMap((messages) => messages.map((m) => m.text));
const sets = {
  realistic: loadJson('corpus/trackers-realistic-500x50.json'),
  dense: loadJson('corpus/trackers-500x50.json'),
  dev: devTrackers,
};
const phraseCount = (trackers) => trackers.reduce((n, t) => n + t.vocabulary.length, 0);
const tokens = texts.reduce((sum, text) => sum + lemmatize(text).length, 0);
const countRefs = (result) => result.reduce((k, t) => k + t.matches.reduce((j, m) => j + m.messageRefs.length, 0), 0);

// Held: the heap plus the typed arrays' buffers, after a collection. Peak: the resident set's growth
// while compiling, garbage included.
const held = () => {
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};
const heldBefore = held(), rssBefore = process.memoryUsage().rss;
const realisticIndex = compile(sets.realistic);
const realisticCompileRssMb = round((process.memoryUsage().rss - rssBefore) / 2 ** 20, 1);
const realisticIndexMb = round((held() - heldBefore) / 2 ** 20, 1);
const indexes = { realistic: realisticIndex, dense: compile(sets.dense), dev: compile(sets.dev) };

// Compile: time over 5 runs.
const compileMs = {};
for (const name of ['realistic', 'dense']) {
  const runs = [];
  for (let k = 0; k < (quick ? 2 : 5); k++) {
    const start = performance.now();
    compile(sets[name]);
    runs.push(performance.now() - start);
  }
  compileMs[name] = spread(runs);
}

// The realistic set's full output, digested: the same digest before and after a speed change.
const digest = createHash('sha256');
const refs = {};
for (const name of ['realistic', 'dev']) {
  refs[name] = 0;
  for (const messages of conversations) {
    const result = match(indexes[name], messages);
    refs[name] += countRefs(result);
    if (name === 'realistic') digest.update(JSON.stringify(result));
  }
}
const realisticDigest = digest.digest('hex').slice(0, 16);

// Each task starts from a collected heap (run with --expose-gc).
const group = (runs) =>
  new Bench({ name: 'phrasewatch matcher', time: 0, iterations: quick ? 2 : runs, warmupIterations: 2, warmupTime: 0, setup: () => globalThis.gc?.() });
const benches = [];
// Conversations repeat their lines, and the matcher keeps the matches of each text it has matched
// (message-memo.ts), so a second pass over the corpus would only replay them. Before each timed pass the
// memo is emptied by matching at another threshold (it keeps one threshold's matches): every pass meets
// the corpus as a new process would, its own repeats aside, with the JIT and the word caches warm.
const OTHER_THRESHOLD = 0.55;
// The JSON's UTF-8 length, summed: matchJson's text is made of pieces that V8 joins only when the text
// is read, as writing it out does, so each timed task reads it.
let written = 0;
const forget = (index) => () => void match(index, conversations[0], { threshold: OTHER_THRESHOLD });
const floor = () => {
  for (const text of texts) lemmatize(text);
};
for (const name of ['realistic', 'dev']) {
  const b = group(name === 'dev' ? 12 : 5);
  // The floor is measured in each group, next to the matching it is compared with.
  b.add(`nlp floor, ${name} group`, floor);
  b.add(`match ${name}, 1 thread`, () => {
    for (const messages of conversations) match(indexes[name], messages);
  }, { beforeEach: forget(indexes[name]) });
  // The pools write JSON, as the CLI does; the single-thread baseline writes it the same way (matchJson).
  b.add(`match+json ${name}, 1 thread`, () => {
    for (const messages of conversations) written += Buffer.byteLength(matchJson(indexes[name], messages).json);
  }, { beforeEach: forget(indexes[name]) });
  for (const threads of [1, 2]) {
    let pool;
    b.add(`pool ${name}, ${threads} thread${threads > 1 ? 's' : ''}`, async () => {
      // A window of batches in flight keeps memory flat when results are large.
      const window = threads * 2;
      const inflight = new Set();
      for (let k = 0; k < conversations.length || inflight.size > 0;) {
        while (k < conversations.length && inflight.size < window) {
          const job = pool.matchManyJson(conversations.slice(k, k + 128)).then(() => inflight.delete(job));
          inflight.add(job);
          k += 128;
        }
        await Promise.race(inflight);
      }
    }, {
      // A new pool for each pass, so no worker's memo holds the corpus from the pass before; it is warmed
      // up at another threshold first (the same JIT work, and the memo then empties at the threshold timed).
      beforeEach: async () => {
        pool = createMatcherPool({ index: indexes[name], threads, batchSize: 128 });
        await pool.matchManyJson(conversations.slice(0, quick ? 100 : 1000), { threshold: OTHER_THRESHOLD });
      },
      afterEach: () => pool.close(),
    });
  }
  if (name === 'realistic') {
    const exactOnly = ahoCorasick(sets.realistic);
    b.add('aho-corasick realistic (exact only), 1 thread', () => {
      for (const messages of conversations) exactOnly(messages);
    });
  }
  benches.push(b);
}
for (const b of benches) await b.run();
const tasks = benches.flatMap((b) => b.tasks);
const ms = Object.fromEntries(tasks.map((task) => [task.name, task.result.latency.p50]));
const rows = tasks.map((task) => ({
  task: task.name,
  'median ms': round(task.result.latency.p50, 1),
  'min ms': round(task.result.latency.min, 1),
  'max ms': round(task.result.latency.max, 1),
  runs: task.result.latency.samplesCount ?? task.runs,
}));
console.table(rows);

// Naive fuse.js: every phrase against every message of a sample, extrapolated to the whole corpus.
const sample = conversations.flat().filter((_, k) => k % Math.max(1, Math.floor(texts.length / naiveSample)) === 0).slice(0, naiveSample);
const naive = naiveFuse(sets.realistic);
const naiveStart = performance.now();
naive(sample);
const naiveMs = ((performance.now() - naiveStart) / sample.length) * texts.length;

// The dense set: one timed pass, then one profiled pass for where the time goes.
forget(indexes.dense)();
globalThis.gc?.();
let denseRefs = 0;
const denseStart = performance.now();
for (const messages of conversations) denseRefs += countRefs(match(indexes.dense, messages));
const denseMs = performance.now() - denseStart;
// The JSON the CLI writes, built by matchJson (groupJson in the profile).
forget(indexes.dense)();
const denseProfile = await profile(function outputAsJson() {
  for (const messages of conversations) written += Buffer.byteLength(matchJson(indexes.dense, messages).json);
});

const summary = {
  machine: `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}`,
  corpus: { conversations: conversations.length, messages: texts.length, tokens },
  realistic: {
    phrases: phraseCount(sets.realistic),
    messageRefs: refs.realistic,
    outputDigest: realisticDigest,
    compileMs: compileMs.realistic,
    indexHeldMb: realisticIndexMb,
    compileRssGrowthMb: realisticCompileRssMb,
    floorMs: ms['nlp floor, realistic group'],
    matchMs: ms['match realistic, 1 thread'],
    ratioToFloor: round(ms['match realistic, 1 thread'] / ms['nlp floor, realistic group'], 2),
    tokensPerS: Math.round(tokens / (ms['match realistic, 1 thread'] / 1000)),
    pool2vs1: round(ms['pool realistic, 1 thread'] / ms['pool realistic, 2 threads'], 2),
    pool2VsSingleJson: round(ms['match+json realistic, 1 thread'] / ms['pool realistic, 2 threads'], 2),
    ahoCorasickMs: ms['aho-corasick realistic (exact only), 1 thread'],
    naiveFuseMs: Math.round(naiveMs),
    naiveFuseSample: sample.length,
  },
  dev: {
    phrases: phraseCount(sets.dev),
    messageRefs: refs.dev,
    matchMs: ms['match dev, 1 thread'],
    ratioToFloor: round(ms['match dev, 1 thread'] / ms['nlp floor, dev group'], 2),
    pool2vs1: round(ms['pool dev, 1 thread'] / ms['pool dev, 2 threads'], 2),
  },
  dense: {
    phrases: phraseCount(sets.dense),
    compileMs: compileMs.dense,
    messageRefs: denseRefs,
    matchMs: Math.round(denseMs),
    messageRefsPerS: Math.round(denseRefs / (denseMs / 1000)),
    whereTheTimeGoes: denseProfile,
  },
  quality: {
    phrasewatch: scoreDev((messages) => match(indexes.dev, messages)).summary,
    ahoCorasick: scoreDev(ahoCorasick(sets.dev)).summary,
    naiveFuse: scoreDev(naiveFuse(sets.dev)).summary,
  },
};

// Streaming: the time from push() to its tracker_response event, per message, with the dev trackers.
const store = await openStore({ memory: true });
const stream = await store.createStream({ trackers: sets.dev });
const latencies = [];
for (const text of texts.slice(0, 5000)) {
  const start = process.hrtime.bigint();
  stream.push({ text });
  latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
}
await stream.close();
await store.close();
latencies.sort((a, b) => a - b);
summary.streamPushMs = {
  median: round(latencies[Math.floor(latencies.length / 2)], 3),
  p99: round(latencies[Math.floor(latencies.length * 0.99)], 3),
  max: round(latencies.at(-1), 3),
};
summary.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify(summary, null, 2));
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), JSON.stringify({ summary, rows }, null, 2) + '\n');

function round(value, digits) {
  return Number(value.toFixed(digits));
}

function spread(runs) {
  const sorted = [...runs].sort((a, b) => a - b);
  return { median: round(sorted[Math.floor(sorted.length / 2)], 1), min: round(sorted[0], 1), max: round(sorted.at(-1), 1) };
}

/** Share of self time per function and file, the top ten, from a CPU profile of `work`. */
async function profile(work) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  work();
  const { profile: result } = await session.post('Profiler.stop');
  session.disconnect();
  const self = new Map();
  const byId = new Map(result.nodes.map((node) => [node.id, node]));
  result.samples.forEach((id, k) => {
    const { functionName, url } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}`;
    self.set(key, (self.get(key) ?? 0) + (result.timeDeltas[k] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([where, us]) => `${(100 * us / total).toFixed(1)}% ${where}`);
}
