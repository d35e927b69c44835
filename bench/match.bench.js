// pnpm bench: the matcher on Symbl's account maximum (500 trackers x 50 phrases) over 3,710 Taskmaster-4
// coffee-order dialogs (13,915 messages; CC BY 4.0, Google LLC), against the NLP floor: wink-nlp's
// readDoc plus lemma extraction alone over the same texts. Results: stdout and bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { compile, lemmatize, match } from '@phrasewatch/matcher';
import { createMatcherPool } from '@phrasewatch/matcher/pool';
import { openStore } from '@phrasewatch/core';
import { Bench } from 'tinybench';
import { loadCorpus, loadJson } from './corpus.js';

const quick = process.env.BENCH_QUICK === '1';
const { conversations: all } = loadCorpus();
const conversations = quick ? all.slice(0, 400) : all;
const texts = conversations.flatMap((messages) => messages.map((m) => m.text));
const sets = {
  '500x50': loadJson('corpus/trackers-500x50.json'),
  dev: loadJson('eval/dev/trackers.json'),
};
const indexes = Object.fromEntries(Object.entries(sets).map(([name, trackers]) => [name, compile(trackers)]));
const tokens = texts.reduce((sum, text) => sum + lemmatize(text).length, 0);
// Counted once, outside the timed runs; results are never kept across conversations (12M refs would
// dominate the heap and every later measurement).
const countRefs = (result) => result.reduce((k, t) => k + t.matches.reduce((j, m) => j + m.messageRefs.length, 0), 0);
const refs = {};
for (const [name, index] of Object.entries(indexes)) {
  refs[name] = 0;
  for (const messages of conversations) refs[name] += countRefs(match(index, messages));
}

// Each task starts from a collected heap (run with --expose-gc), so one task's garbage is not billed to the
// next. Groups get their own run counts: passes over 500 x 50 take seconds, over the dev set milliseconds.
const group = (runs) =>
  Object.assign(new Bench({ name: 'phrasewatch matcher', time: 0, iterations: quick ? 2 : runs, warmupIterations: 2, warmupTime: 0, setup: () => globalThis.gc?.() }), { open: [], close: [] });
const benches = [];

const basics = group(5);
basics.add('compile 500x50', () => compile(sets['500x50']));
benches.push(basics);
const floor = () => {
  for (const text of texts) lemmatize(text);
};

// The pools write JSON, as the CLI's batch mode does; single-thread baseline: match + JSON.stringify.
for (const name of Object.keys(sets)) {
  const b = group(name === 'dev' ? 12 : 3);
  // The floor is measured in each group, next to the matching it is compared with.
  b.add(`nlp floor (readDoc + lemmas), ${name} group`, floor);
  b.add(`match ${name}, 1 thread`, () => {
    for (const messages of conversations) match(indexes[name], messages);
  });
  b.add(`match+json ${name}, 1 thread`, () => {
    for (const messages of conversations) JSON.stringify(match(indexes[name], messages));
  });
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
    });
    // Each group's pools live only while the group runs, so idle workers of other pools hold no memory.
    b.open.push(() => { pool = createMatcherPool({ index: indexes[name], threads, batchSize: 128 }); });
    b.close.push(() => pool.close());
  }
  benches.push(b);
}

for (const b of benches) {
  for (const open of b.open) open();
  await b.run();
  for (const close of b.close) await close();
}
const tasks = benches.flatMap((b) => b.tasks);

const ms = Object.fromEntries(tasks.map((task) => [task.name, task.result.latency.p50]));
const rows = tasks.map((task) => ({
  task: task.name,
  'median ms': Number(task.result.latency.p50.toFixed(1)),
  'mean ms': Number(task.result.latency.mean.toFixed(1)),
  runs: task.result.latency.samplesCount ?? task.runs,
}));
console.table(rows);

const floorMs = ms['nlp floor (readDoc + lemmas), dev group'];
const summary = {
  machine: `${availableParallelism()} cores, node ${process.version}`,
  corpus: { conversations: conversations.length, messages: texts.length, tokens },
  compileMs: ms['compile 500x50'],
  floor: { ms: floorMs, messagesPerS: Math.round(texts.length / (floorMs / 1000)), tokensPerS: Math.round(tokens / (floorMs / 1000)) },
};
for (const name of Object.keys(sets)) {
  const one = ms[`match ${name}, 1 thread`];
  summary[name] = {
    phrases: sets[name].reduce((n, t) => n + t.vocabulary.length, 0),
    messageRefs: refs[name],
    matchMs: one,
    messagesPerS: Math.round(texts.length / (one / 1000)),
    tokensPerS: Math.round(tokens / (one / 1000)),
    floorMs: ms[`nlp floor (readDoc + lemmas), ${name} group`],
    ratioToFloor: Number((one / ms[`nlp floor (readDoc + lemmas), ${name} group`]).toFixed(2)),
    poolSpeedup2vs1: Number((ms[`pool ${name}, 1 thread`] / ms[`pool ${name}, 2 threads`]).toFixed(2)),
    pool2VsSingleJson: Number((ms[`match+json ${name}, 1 thread`] / ms[`pool ${name}, 2 threads`]).toFixed(2)),
  };
}
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
  median: Number(latencies[Math.floor(latencies.length / 2)].toFixed(3)),
  p99: Number(latencies[Math.floor(latencies.length * 0.99)].toFixed(3)),
  max: Number(latencies.at(-1).toFixed(3)),
};
console.log(JSON.stringify(summary, null, 2));
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), JSON.stringify({ summary, rows }, null, 2) + '\n');
