// Jobs that scale, measured whole-process: async text jobs completed per second, and the latency of a
// tracker read while jobs run. Two set-ups on this machine:
//   embedded  `phrasewatch serve --db FILE --threads N` (SQLite, the in-process queue), N = 1 and 2;
//   scaled    `phrasewatch serve --db postgres://… --queue redis://…` and N `phrasewatch worker` processes
//             of one thread each, N = 1 and 2.
// The store holds the 500 realistic trackers (25,000 phrases); each job is a call of 12 Taskmaster-4
// dialogs (about 45 messages) with enableAllTrackers. Run: node bench/jobs.bench.js (after pnpm build; PostgreSQL and Redis on loopback).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { loadCorpus, loadJson } from './corpus.js';
import { throwawayServices } from '../scripts/throwaway-services.mjs';

const CLI = resolve(import.meta.dirname, '../packages/cli/bin/phrasewatch.js');
const APP = { appId: 'bench', appSecret: 'bench-secret' };
const POSTGRES = process.env.PHRASEWATCH_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env.PHRASEWATCH_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const JOBS = Number(process.env.BENCH_JOBS ?? 600);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const { conversations } = loadCorpus();
const trackers = loadJson('corpus/trackers-realistic-500x50.json');
const trackerList = Array.isArray(trackers) ? trackers : trackers.trackers;

function start(args, ready) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  return new Promise((resolveStart, reject) => {
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const m = ready.exec(log);
      if (m) resolveStart({ child, match: m });
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited ${code}: ${log}`)));
  });
}
const stop = async ({ child }) => {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
};

async function clientFor(base) {
  const { accessToken } = await (await fetch(`${base}/oauth2/token:generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'application', ...APP }) })).json();
  return async (method, path, body) => {
    const response = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json', 'x-api-key': accessToken }, ...(body ? { body: JSON.stringify(body) } : {}) });
    return { status: response.status, body: await response.json() };
  };
}

// A job is a call: 12 consecutive dialogs, about 45 messages.
const DIALOGS_PER_JOB = 12;
const jobBody = (k) => ({
  messages: Array.from({ length: DIALOGS_PER_JOB }, (_, j) => conversations[(k * DIALOGS_PER_JOB + j) % conversations.length]).flat().map((m) => ({ payload: { content: m.text }, from: m.from })),
  enableAllTrackers: true,
});

/** Jobs not yet completed, among those posted last (the newest first: they finish last). */
let lastJobs = [];
async function activeJobs(call) {
  let active = 0;
  for (const id of lastJobs.slice(-20)) if ((await call('GET', `/v1/job/${id}`)).body.status !== 'completed') active++;
  if (active > 0) return active;
  for (const id of lastJobs) if ((await call('GET', `/v1/job/${id}`)).body.status !== 'completed') return 1;
  return 0;
}

async function postJobs(call, count) {
  const ids = [];
  for (let k = 0; k < count; k += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, count - k) }, (_, i) => call('POST', '/v1/process/text', jobBody(k + i))));
    for (const { status, body } of batch) {
      if (status !== 201) throw new Error(`POST gave ${status}: ${JSON.stringify(body)}`);
      ids.push(body.jobId);
    }
  }
  return ids;
}

async function measureThroughput(call) {
  const started = performance.now();
  lastJobs = await postJobs(call, JOBS);
  while ((await activeJobs(call)) > 0) await new Promise((r) => setTimeout(r, 50));
  return JOBS / ((performance.now() - started) / 1000);
}

/** p50 and p99 of GET /v1/manage/tracker/{id}, one request at a time, while 100 jobs are queued and run. */
async function measureLatency(call, trackerId) {
  lastJobs = await postJobs(call, 100);
  const times = [];
  while ((await activeJobs(call)) > 0 || times.length < 50) {
    const t = performance.now();
    const { status } = await call('GET', `/v1/manage/tracker/${trackerId}`);
    if (status !== 200) throw new Error(`GET tracker gave ${status}`);
    times.push(performance.now() - t);
    if (times.length > 5000) break;
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length * 0.5)], p99: times[Math.floor(times.length * 0.99)], samples: times.length };
}

// The store refuses a phrase twice in one tracker, whatever its case; the corpus has a few such pairs.
const unique = (phrases) => [...new Map(phrases.map((p) => [p.toLowerCase(), p])).values()];

async function seed(call) {
  let first;
  // Symbl's 1 MB body limit: 100 trackers a request.
  for (let k = 0; k < 500; k += 100) {
    const { status, body } = await call('POST', '/v1/manage/trackers/bulk', trackerList.slice(k, k + 100).map((t) => ({ name: t.name, vocabulary: unique(t.vocabulary) })));
    if (status !== 201) throw new Error(`seeding trackers gave ${status}: ${JSON.stringify(body).slice(0, 200)}`);
    first ??= body.trackers[0].id;
  }
  return first;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function embedded(threads) {
  const dir = mkdtempSync(join(tmpdir(), 'phrasewatch-jobs-bench-'));
  const rates = [];
  let latency;
  try {
    for (let run = 0; run < RUNS; run++) {
      const server = await start(['serve', '--port', '0', '--db', join(dir, `s${run}.db`), '--threads', String(threads), '--max-jobs', '100000', '--app-id', APP.appId, '--app-secret', APP.appSecret], /listening on (http:\/\/\S+)/);
      const call = await clientFor(server.match[1]);
      const trackerId = await seed(call);
      await measureThroughput(call); // warm-up: every thread compiles the index once
      rates.push(await measureThroughput(call));
      if (run === 0) latency = await measureLatency(call, trackerId);
      await stop(server);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rate: median(rates), rates, latency };
}

/** A database and a Redis key prefix of their own, and a function that drops both. */
const freshServices = () => throwawayServices({ postgres: POSTGRES, redis: REDIS, label: 'bench' });

async function scaled(workers) {
  const rates = [];
  let latency;
  for (let run = 0; run < RUNS; run++) {
    const { url, queue, cleanup } = await freshServices();
    const processes = [];
    try {
      const server = await start(['serve', '--port', '0', '--db', url, '--queue', queue, '--max-jobs', '100000', '--app-id', APP.appId, '--app-secret', APP.appSecret], /listening on (http:\/\/\S+)/);
      processes.push(server);
      for (let w = 0; w < workers; w++) processes.push(await start(['worker', '--db', url, '--queue', queue, '--threads', '1'], /worker running jobs/));
      const call = await clientFor(server.match[1]);
      const trackerId = await seed(call);
      await measureThroughput(call); // warm-up: every worker compiles the index once
      rates.push(await measureThroughput(call));
      if (run === 0) latency = await measureLatency(call, trackerId);
    } finally {
      for (const p of processes.reverse()) await stop(p);
      await cleanup();
    }
  }
  return { rate: median(rates), rates, latency };
}

/**
 * Runner scaling alone: JOBS jobs accepted first (through the library, nothing running them), then the
 * runners start; jobs per second between the first and the last completion, read from the store, so
 * start-up (the model load and the index compile in every thread) is left out.
 */
async function drain(location, queue, runners) {
  const { openStore } = await import('../packages/core/dist/index.js');
  const store = await openStore({ ...location, runJobs: false, ...(queue ? { queue } : {}) });
  for (let k = 0; k < 500; k += 100) await store.createTrackers(trackerList.slice(k, k + 100).map((t) => ({ name: t.name, vocabulary: unique(t.vocabulary) })));
  for (let k = 0; k < JOBS; k++) await store.processText(jobBody(k));
  const processes = [];
  for (const args of runners) processes.push(await start(['worker', ...args], /worker running jobs/));
  while ((await store.activeJobCount()) > 0) await new Promise((r) => setTimeout(r, 100));
  for (const p of processes) await stop(p);
  await store.close();
}

async function completionRate(read) {
  const times = (await read()).map(Date.parse).sort((a, b) => a - b);
  return (times.length - 1) / ((times.at(-1) - times[0]) / 1000);
}

async function embeddedDrain(threads) {
  const rates = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'phrasewatch-jobs-bench-'));
    const path = join(dir, 'store.db');
    await drain({ path }, null, [['--db', path, '--threads', String(threads), '--until-idle']]);
    const { default: Database } = await import('../packages/core/node_modules/libsql/index.js');
    const db = new Database(path);
    rates.push(await completionRate(async () => db.prepare("SELECT updated_on FROM jobs WHERE status = 'completed'").all().map((r) => r.updated_on)));
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { rate: median(rates), rates };
}

async function scaledDrain(workers) {
  const rates = [];
  for (let run = 0; run < RUNS; run++) {
    const { url, queue, cleanup } = await freshServices();
    try {
      await drain({ url }, { url: REDIS, prefix: new URL(queue).searchParams.get('prefix') }, Array.from({ length: workers }, () => ['--db', url, '--queue', queue, '--threads', '1']));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query("SELECT updated_on FROM jobs WHERE status = 'completed'");
      await client.end();
      rates.push(await completionRate(async () => rows.map((r) => r.updated_on)));
    } finally {
      await cleanup();
    }
  }
  return { rate: median(rates), rates };
}

const fmt = (r) => `${r.rate.toFixed(1)} jobs/s (runs: ${r.rates.map((x) => x.toFixed(1)).join(', ')}); GET tracker while 100 jobs run: p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms (${r.latency.samples} requests)`;
const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'embedded') {
  const one = await embedded(1), two = await embedded(2);
  console.log(`embedded, 1 thread:  ${fmt(one)}`);
  console.log(`embedded, 2 threads: ${fmt(two)}`);
  console.log(`embedded, 2 vs 1: ${(two.rate / one.rate).toFixed(2)}x`);
}
if (which === 'all' || which === 'scaled') {
  const one = await scaled(1), two = await scaled(2);
  console.log(`PostgreSQL + BullMQ, 1 worker:  ${fmt(one)}`);
  console.log(`PostgreSQL + BullMQ, 2 workers: ${fmt(two)}`);
  console.log(`PostgreSQL + BullMQ, 2 vs 1: ${(two.rate / one.rate).toFixed(2)}x`);
}
if (which === 'all' || which === 'drain') {
  const fmtDrain = (r) => `${r.rate.toFixed(1)} jobs/s (runs: ${r.rates.map((x) => x.toFixed(1)).join(', ')})`;
  const e1 = await embeddedDrain(1), e2 = await embeddedDrain(2);
  console.log(`drain, embedded, 1 thread:  ${fmtDrain(e1)}`);
  console.log(`drain, embedded, 2 threads: ${fmtDrain(e2)}  (${(e2.rate / e1.rate).toFixed(2)}x)`);
  const s1 = await scaledDrain(1), s2 = await scaledDrain(2);
  console.log(`drain, PostgreSQL + BullMQ, 1 worker:  ${fmtDrain(s1)}`);
  console.log(`drain, PostgreSQL + BullMQ, 2 workers: ${fmtDrain(s2)}  (${(s2.rate / s1.rate).toFixed(2)}x)`);
}
