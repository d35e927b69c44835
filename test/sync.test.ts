// Sync between two stores, the project's own server standing in for the remote Symbl API on loopback.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildServer, tokenIssuer } from '@phrasewatch/cli';
import { openStore, type Store, type SyncOptions } from '@phrasewatch/core';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureDir, phrasewatch } from './helpers.js';

const APP = { appId: 'remote-app', appSecret: 'remote-secret' };
const PRICING = { name: 'Pricing', vocabulary: ['what is the price', 'how much does it cost'] };
const BUDGET = { name: 'Budget', vocabulary: ['too expensive', 'budget is tight'] };

interface Remote {
  store: Store;
  app: FastifyInstance;
  base: string;
  /** Requests the local side sent: "METHOD path bytes". */
  requests: string[];
  /** Answers to give instead of forwarding, for the next requests. */
  inject: number[];
  maxInFlight: number;
  /** A fetch for sync: logs, counts concurrency, injects 429/500, then goes to the real server. */
  fetch: typeof fetch;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function remote(clock?: () => Date): Promise<Remote> {
  const store = await openStore({ memory: true, ...(clock ? { now: clock } : {}) });
  const tokens = tokenIssuer();
  let app = buildServer({ store, tokens, ...APP, maxJobs: 8 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  let inFlight = 0;
  const r: Remote = {
    store, app, base: `http://127.0.0.1:${port}`, requests: [], inject: [], maxInFlight: 0,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const body = typeof init?.body === 'string' ? init.body : '';
      r.requests.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search} ${Buffer.byteLength(body)}`);
      inFlight++;
      r.maxInFlight = Math.max(r.maxInFlight, inFlight);
      try {
        const injected = url.pathname.startsWith('/v1/') ? r.inject.shift() : undefined;
        if (injected !== undefined) return new Response(JSON.stringify({ message: 'injected' }), { status: injected });
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    },
    stop: () => app.close(),
    async restart() {
      app = buildServer({ store, tokens, ...APP, maxJobs: 8 });
      await app.listen({ host: '127.0.0.1', port });
      r.app = app;
    },
  };
  cleanup.push(async () => {
    await r.app.close();
    await store.close();
  });
  return r;
}

async function local(): Promise<Store> {
  const store = await openStore({ memory: true });
  cleanup.push(() => store.close());
  return store;
}

const options = (r: Remote, extra: Partial<SyncOptions> = {}): SyncOptions => ({ baseUrl: r.base, ...APP, api: 'legacy', retryDelayMs: 5, fetch: r.fetch, ...extra });
const names = async (s: Store): Promise<string[]> => (await s.listTrackers()).trackers.map((t) => t.name).sort();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sync push', () => {
  it('creates local trackers remotely, links the ids, and empties the outbox', async () => {
    const [r, a] = [await remote(), await local()];
    await a.createTrackers([PRICING, BUDGET]);
    const sync = a.sync(options(r));
    expect((await sync.status()).pending.map((p) => [p.op, p.name])).toEqual([['create', 'Pricing'], ['create', 'Budget']]);
    expect(await sync.push()).toEqual({ pushed: 2, pending: 0 });
    expect(await names(r.store)).toEqual(['Budget', 'Pricing']);
    const status = await sync.status();
    expect(status).toMatchObject({ pending: [], linked: 2, conflicts: [] });
    // Bulk create in one request (legacy: POST /v1/manage/trackers with an array).
    expect(r.requests.filter((q) => q.startsWith('POST /v1/'))).toEqual([expect.stringMatching(/^POST \/v1\/manage\/trackers \d+$/)]);
    r.requests.length = 0;
    expect(await sync.push()).toEqual({ pushed: 0, pending: 0 });
    expect(r.requests).toEqual([]);
  });

  it('sends updates and deletes, with PUT on the legacy API and JSON Patch on the newer one', async () => {
    for (const api of ['legacy', 'newer'] as const) {
      const [r, a] = [await remote(), await local()];
      const sync = a.sync(options(r, { api }));
      const { tracker } = await a.createTracker(PRICING);
      const { tracker: other } = await a.createTracker(BUDGET);
      await sync.push();
      r.requests.length = 0;
      await a.patchTracker(tracker.id, [{ op: 'add', path: '/vocabulary/-', value: 'price per seat' }]);
      await a.deleteTracker(other.id);
      const report = await sync.push();
      expect(report.error).toBeUndefined();
      expect(report).toEqual({ pushed: 2, pending: 0 });
      const write = r.requests.filter((q) => /^(PUT|PATCH|DELETE)/.test(q)).map((q) => q.split(' ').slice(0, 2).join(' ').replace(/\d{6,}/, 'ID'));
      expect(write).toEqual(api === 'legacy' ? ['PUT /v1/manage/tracker/ID', 'DELETE /v1/manage/tracker/ID'] : ['PATCH /v1/manage/trackers/ID', 'DELETE /v1/manage/trackers/ID']);
      const remoteTrackers = (await r.store.listTrackers()).trackers;
      expect(remoteTrackers.map((t) => [t.name, t.vocabulary.at(-1)])).toEqual([['Pricing', 'price per seat']]);
    }
  });

  it('probes which API generation the remote speaks', async () => {
    const r = await remote();
    expect(await (await local()).sync(options(r, { api: 'auto' })).generation()).toBe('newer');
  });

  it('retries 429 and 500 with backoff, one request at a time', async () => {
    const [r, a] = [await remote(), await local()];
    await a.createTracker(PRICING);
    r.inject.push(429, 500);
    const sync = a.sync(options(r));
    expect(await sync.push()).toEqual({ pushed: 1, pending: 0 });
    expect(r.requests.filter((q) => q.startsWith('POST /v1/manage/tracker '))).toHaveLength(3);
    // A push and a pull at once still send one request at a time.
    await a.createTracker(BUDGET);
    r.inject.push(429);
    const [pushed] = await Promise.all([sync.push(), sync.pull()]);
    expect(pushed).toEqual({ pushed: 1, pending: 0 });
    expect(r.maxInFlight).toBe(1);
    expect(await names(r.store)).toEqual([BUDGET.name, 'Pricing'].sort());
  });

  it('keeps everything in the outbox when the remote goes down in the middle of a push, and finishes later', async () => {
    const [r, a] = [await remote(), await local()];
    const sync = a.sync(options(r, { attempts: 2 }));
    const { tracker: p } = await a.createTracker(PRICING);
    const { tracker: b } = await a.createTracker(BUDGET);
    await sync.push();
    await a.patchTracker(p.id, [{ op: 'replace', path: '/name', value: 'Price Talk' }]);
    await a.patchTracker(b.id, [{ op: 'add', path: '/vocabulary/-', value: 'over budget' }]);
    await a.createTracker({ name: 'Churn', vocabulary: ['cancel my plan'] });
    // The remote dies after the first update has gone through.
    let writes = 0;
    const original = r.fetch;
    r.fetch = async (input, init) => {
      if (init?.method === 'PUT' && ++writes === 2) await r.stop();
      return original(input, init);
    };
    const failed = await a.sync(options(r, { attempts: 2 })).push();
    expect(failed.error).toMatch(/fetch failed|ECONNREFUSED|other side closed/);
    expect(failed.pending).toBeGreaterThan(0);
    expect((await a.sync(options(r)).status()).lastError).toMatch(/push:/);

    r.fetch = original;
    await r.restart();
    expect(await sync.push()).toMatchObject({ pending: 0 });
    expect(await names(r.store)).toEqual(['Budget', 'Churn', 'Price Talk']);
    expect((await r.store.listTrackers()).trackers.find((t) => t.name === 'Budget')!.vocabulary).toContain('over budget');
  });

  it('splits bulk creates into requests under 1 MB', async () => {
    const [r, a] = [await remote(), await local()];
    const big = (i: number) => ({ name: `Big ${i}`, vocabulary: Array.from({ length: 40 }, (_, k) => `a long phrase number ${k} for tracker ${i} ${'x'.repeat(1500)}`) });
    // Local requests are limited to 1 MB too: create in three calls.
    for (let k = 0; k < 3; k++) await a.createTrackers(Array.from({ length: 10 }, (_, i) => big(k * 10 + i)));
    expect(await a.sync(options(r)).push()).toEqual({ pushed: 30, pending: 0 });
    const bulks = r.requests.filter((q) => q.startsWith('POST /v1/manage/trackers '));
    expect(bulks.length).toBeGreaterThan(1);
    for (const q of bulks) expect(Number(q.split(' ')[2])).toBeLessThan(1024 * 1024);
    expect((await r.store.listTrackers()).trackers).toHaveLength(30);
  });

  it('links a tracker whose name exists remotely instead of failing, and reports it', async () => {
    const [r, a] = [await remote(), await local()];
    await r.store.createTracker({ ...PRICING, vocabulary: ['remote phrase'] });
    await sleep(5);
    const { tracker } = await a.createTracker(PRICING);
    const sync = a.sync(options(r));
    expect(await sync.push()).toEqual({ pushed: 1, pending: 0 });
    const remoteTrackers = (await r.store.listTrackers()).trackers;
    expect(remoteTrackers).toHaveLength(1);
    expect(remoteTrackers[0].vocabulary).toEqual(PRICING.vocabulary);
    const status = await sync.status();
    expect(status.linked).toBe(1);
    expect(status.conflicts).toEqual([expect.objectContaining({ localId: tracker.id, remoteId: remoteTrackers[0].id, kind: 'name_exists_remotely', resolution: 'local_kept' })]);
  });
});

describe('sync pull', () => {
  it('brings remote trackers in, applies remote edits and deletes, and never queues them back', async () => {
    const [r, a] = [await remote(), await local()];
    const { tracker: rp } = await r.store.createTracker(PRICING);
    const { tracker: rb } = await r.store.createTracker(BUDGET);
    const sync = a.sync(options(r));
    expect(await sync.pull()).toEqual({ created: 2, updated: 0, deleted: 0 });
    expect(await names(a)).toEqual(['Budget', 'Pricing']);
    expect((await sync.status()).pending).toEqual([]);
    await sleep(5);
    await r.store.patchTracker(rp.id, [{ op: 'add', path: '/vocabulary/-', value: 'price tag' }]);
    await r.store.deleteTracker(rb.id);
    expect(await sync.pull()).toEqual({ created: 0, updated: 1, deleted: 1 });
    expect((await a.listTrackers()).trackers.map((t) => [t.name, t.vocabulary.at(-1)])).toEqual([['Pricing', 'price tag']]);
  });

  it('resolves concurrent edits by updatedOn and reports each conflict', async () => {
    const [r, a] = [await remote(), await local()];
    const { tracker } = await a.createTracker(PRICING);
    const sync = a.sync(options(r));
    await sync.push();
    const remoteId = (await r.store.listTrackers()).trackers[0].id;

    // Remote edited first, local later: the local edit is newer and wins on push.
    await r.store.patchTracker(remoteId, [{ op: 'add', path: '/vocabulary/-', value: 'remote edit' }]);
    await sleep(5);
    await a.patchTracker(tracker.id, [{ op: 'add', path: '/vocabulary/-', value: 'local edit' }]);
    await sync.push();
    expect((await r.store.getTracker(remoteId)).tracker.vocabulary.at(-1)).toBe('local edit');

    // Local edited first, remote later: the remote edit is newer and wins on pull.
    await a.patchTracker(tracker.id, [{ op: 'add', path: '/vocabulary/-', value: 'local again' }]);
    await sleep(5);
    await r.store.patchTracker(remoteId, [{ op: 'add', path: '/vocabulary/-', value: 'remote again' }]);
    await sync.pull();
    expect((await a.getTracker(tracker.id)).tracker.vocabulary.at(-1)).toBe('remote again');
    expect((await sync.status()).pending).toEqual([]);

    expect((await sync.status()).conflicts.map((c) => [c.kind, c.resolution])).toEqual([
      ['concurrent_edit', 'local_kept'],
      ['concurrent_edit', 'remote_kept'],
    ]);
  });
});

describe('sync change detection', () => {
  // Regression: a remote edit within the same millisecond as the last sync kept its updatedOn and was missed.
  it('notices a remote edit that kept the same updatedOn', async () => {
    const frozen = new Date('2024-06-01T00:00:00.000Z');
    const [r, a] = [await remote(() => frozen), await local()];
    await r.store.createTracker(PRICING);
    const sync = a.sync(options(r));
    await sync.pull();
    const remoteId = (await r.store.listTrackers()).trackers[0].id;
    await r.store.patchTracker(remoteId, [{ op: 'add', path: '/vocabulary/-', value: 'same millisecond' }]);
    expect(await sync.pull()).toEqual({ created: 0, updated: 1, deleted: 0 });
    expect((await a.listTrackers()).trackers[0].vocabulary.at(-1)).toBe('same millisecond');
  });
});

describe('phrasewatch sync', () => {
  it('pushes, pulls and shows status from the command line', async () => {
    const r = await remote();
    const dir = fixtureDir({ 'p.json': PRICING });
    const db = ['--db', join(dir, 'local.db')];
    const remoteFlags = ['--base-url', r.base, '--app-id', APP.appId, '--app-secret', APP.appSecret];
    await phrasewatch(['trackers', 'create', 'p.json', ...db], { cwd: dir });
    const pending = JSON.parse((await phrasewatch(['sync', 'status', ...db], { cwd: dir })).stdout);
    expect(pending.pending.map((p: { op: string }) => p.op)).toEqual(['create']);
    const pushed = await phrasewatch(['sync', 'push', ...remoteFlags, ...db], { cwd: dir });
    expect(pushed.code).toBe(0);
    expect(JSON.parse(pushed.stdout)).toEqual({ pushed: 1, pending: 0 });
    expect(await names(r.store)).toEqual(['Pricing']);
    await r.store.createTracker(BUDGET);
    expect(JSON.parse((await phrasewatch(['sync', 'pull', ...remoteFlags, ...db], { cwd: dir })).stdout)).toEqual({ created: 1, updated: 0, deleted: 0 });
    const down = await phrasewatch(['sync', 'push', '--base-url', 'http://127.0.0.1:9', '--app-id', 'x', '--app-secret', 'y', ...db], { cwd: dir });
    expect(down.code).toBe(0); // nothing pending: no request needed
    await phrasewatch(['trackers', 'create', ...db], { cwd: dir, input: JSON.stringify({ name: 'Later', vocabulary: ['later'] }) });
    const offline = await phrasewatch(['sync', 'push', '--attempts', '2', '--base-url', 'http://127.0.0.1:9', '--app-id', 'x', '--app-secret', 'y', ...db], { cwd: dir });
    expect(offline.code).toBe(1);
    expect(JSON.parse(offline.stdout)).toMatchObject({ pushed: 0, pending: 1, error: expect.any(String) });
  }, 60_000);
});
