// openStore: the store and Symbl's operations over it. Every write is one transaction. Jobs are rows with
// one owner at a time (a lease); which processes run them, and how, is chosen here: the in-process queue
// on the store itself (the default), or BullMQ on Redis across machines; matching on the calling thread
// or on worker threads.
import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { CoreError, CoreErrorCode, notFound } from './errors.js';
import { DEFAULTS } from './defaults.js';
import { isPostgresUrl, openSql } from './db/open.js';
import type { Sql } from './db/sql.js';
import { nextId, nextIds } from './ids.js';
import { checkProcessTextRequest, checkTrackerSpecs } from './conversations/request.js';
import {
  asInputMessage, conversationIdsNamed, findConversation, insertConversation, insertMessages, listConversationRows, listMessages, loadDetections, mergeTrackerSpecs, saveDetections,
} from './conversations/repository.js';
import { detectTrackers, hitsOf, resolveTrackers, type TrackerSource } from './detect.js';
import { actionItemsOf, followUpsOf, questionsOf } from './insights/index.js';
import { topicsOf } from './insights/topics.js';
import { conversationObject, membersOf } from './conversations/members.js';
import type { BullQueue } from './jobs/bullmq.js';
import { createExecutor, type Execute } from './jobs/executor.js';
import { createJobThreads, type JobThreads } from './jobs/thread-pool.js';
import { createLocalQueue, type LocalQueue } from './jobs/local-queue.js';
import { countActiveJobs, findJob, insertJob } from './jobs/repository.js';
import { createDeliverer, type Deliverer } from './jobs/webhook.js';
import { queueWebhook } from './jobs/webhook-repository.js';
import { webhookPolicy } from './jobs/webhook-policy.js';
import { trackerStats, type StatsQuery } from './stats.js';
import { syncEngine } from './sync/engine.js';
import { remoteApi, type ApiGeneration } from './sync/remote.js';
import { createStreamSession, type Stream, type StreamOptions } from './stream.js';
import { trackerOperations } from './trackers/operations.js';
import { findTracker, findTrackerByName, listTrackerRows, trackerIds } from './trackers/repository.js';
import { trackerSets } from './trackers/tracker-sets.js';
import { checkBodySize } from './trackers/validate.js';
import type { Job, PatchOperation, ProcessTextRequest, StoredMessage, TrackerBody, TrackerDetected } from './types.js';

export interface SyncOptions {
  /** The remote Symbl API; default https://api.symbl.ai. */
  baseUrl?: string;
  appId: string;
  appSecret: string;
  /** Which API generation the remote speaks; "auto" probes it once. */
  api?: ApiGeneration | 'auto';
  /** Tries per request on 429, 5xx or no answer, and the first retry's delay (doubling). */
  attempts?: number;
  retryDelayMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface StoreOptions {
  /** SQLite file; created with its folder's permission if missing. */
  path?: string;
  /** An in-memory SQLite database instead of a file: for tests and short-lived embedding. */
  memory?: boolean;
  /** A PostgreSQL URL (postgres://…) instead of SQLite: one store for many processes and machines. */
  url?: string;
  /** With `url`: a schema of the store's own (created if missing). */
  schema?: string;
  /**
   * Whether this process runs jobs (default true). A process that only reads or manages trackers passes
   * false; jobs it accepts then wait for a process that runs them.
   */
  runJobs?: boolean;
  /**
   * Job threads: each runs whole jobs (matching included) on its own connection to the store, off the
   * calling thread. 0 (the default) runs them on the calling thread, as in-memory stores always do.
   */
  threads?: number;
  /** Jobs through BullMQ on Redis instead of the in-process queue: accepted here, run by any worker. */
  queue?: { url: string; prefix?: string };
  /** How long a job's owner holds it without renewing (it renews every third of this). */
  leaseMs?: number;
  /** Whether this process delivers webhook notifications (default: when it runs jobs). */
  deliverWebhooks?: boolean;
  /** The longest close() waits for webhook deliveries before cutting them off (they stay pending). */
  shutdownMs?: number;
  maxTrackers?: number;
  maxBodyBytes?: number;
  webhook?: {
    attempts?: number;
    retryDelayMs?: number;
    timeoutMs?: number;
    /** How long a delivery holds its notification unless renewed (it is, every third, while it runs). */
    leaseMs?: number;
    /** Only these hosts and networks (CIDR) may receive webhooks. */
    allow?: string[];
    /** Refuse loopback and private addresses (allowed by default). Link-local and metadata addresses are always refused. */
    refusePrivate?: boolean;
  };
  /** Errors that happen in the background (webhooks, jobs); never thrown, never swallowed. */
  onError?: (error: Error) => void;
  /** The clock, for tests. */
  now?: () => Date;
}

function checkOptions(options: StoreOptions): void {
  if (typeof options !== 'object' || options === null) throw new CoreError('option.invalid', 'openStore needs an options object');
  const places = [options.memory === true, typeof options.path === 'string' && options.path !== '', typeof options.url === 'string' && options.url !== ''].filter(Boolean).length;
  if (places !== 1) throw new CoreError('option.invalid', 'give one of the options "path" (an SQLite file), "url" (postgres://…) or "memory: true"');
  if (options.url !== undefined && !isPostgresUrl(options.url)) throw new CoreError('option.invalid', `option "url" must be a postgres:// URL, got ${JSON.stringify(options.url)}`);
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) throw new CoreError('option.invalid', `option "schema" must be a lower-case SQL name, got ${JSON.stringify(options.schema)}`);
  for (const name of ['maxTrackers', 'maxBodyBytes', 'leaseMs', 'shutdownMs'] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) throw new CoreError('option.invalid', `option "${name}" must be a positive integer, got ${JSON.stringify(value)}`);
  }
  if (options.threads !== undefined && !(Number.isInteger(options.threads) && options.threads >= 0)) {
    throw new CoreError('option.invalid', `option "threads" must be an integer of at least 0, got ${JSON.stringify(options.threads)}`);
  }
  if (options.queue !== undefined && (typeof options.queue !== 'object' || typeof options.queue?.url !== 'string')) {
    throw new CoreError('option.invalid', 'option "queue" must be {url: "redis://…"}');
  }
}

const describePlace = (options: StoreOptions): string => (options.memory ? 'memory' : options.url !== undefined ? options.url.replace(/\/\/[^@/]*@/, '//…@') : JSON.stringify(options.path));

export async function openStore(options: StoreOptions) {
  checkOptions(options);
  let db: Sql;
  try {
    db = await openSql(options, { busyTimeoutMs: DEFAULTS.busyTimeoutMs, maxConnections: DEFAULTS.postgresConnections });
  } catch (error) {
    throw new CoreError('store.open_failed', `cannot open the store at ${describePlace(options)}: ${(error as Error).message}`, 500);
  }
  const clock = options.now ?? (() => new Date());
  const now = (): string => clock().toISOString();
  const onError = options.onError ?? (() => {});
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const runJobs = options.runJobs ?? true;
  const leaseMs = options.leaseMs ?? DEFAULTS.leaseMs;
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const trackers = trackerOperations(db, { maxTrackers: options.maxTrackers ?? DEFAULTS.maxTrackers, maxBodyBytes }, now);
  const source: TrackerSource = { byId: (id) => findTracker(db, id), byName: (name) => findTrackerByName(db, name), all: () => listTrackerRows(db) };
  let closed = false;

  const policy = webhookPolicy({ allow: options.webhook?.allow, refusePrivate: options.webhook?.refusePrivate });
  let deliverer: Deliverer | null = null;
  if (options.deliverWebhooks ?? runJobs) {
    deliverer = createDeliverer(db, owner, {
      attempts: options.webhook?.attempts ?? DEFAULTS.webhookAttempts,
      retryDelayMs: options.webhook?.retryDelayMs ?? DEFAULTS.webhookRetryDelayMs,
      timeoutMs: options.webhook?.timeoutMs ?? DEFAULTS.webhookTimeoutMs,
      leaseMs: options.webhook?.leaseMs ?? DEFAULTS.webhookLeaseMs,
      pollMs: DEFAULTS.pollMs,
      policy,
      onError,
    });
  }

  // Jobs run on job threads, each with its own connection, when the store can be shared between threads
  // (a file or PostgreSQL); otherwise on the calling thread.
  const threads = options.threads ?? 0;
  let jobThreads: JobThreads | null = null;
  let execute: Execute;
  const onWebhook = (): void => deliverer?.wake();
  if (runJobs && threads > 0 && !options.memory && options.now === undefined) {
    const location = options.url !== undefined ? { url: options.url, ...(options.schema ? { schema: options.schema } : {}) } : { path: options.path };
    jobThreads = createJobThreads({ location, threads, owner, leaseMs, busyTimeoutMs: DEFAULTS.busyTimeoutMs, onError, onWebhook });
    execute = jobThreads.execute;
  } else {
    execute = createExecutor({ db, owner, leaseMs, trackerSets: trackerSets(db), now, onError, onWebhook });
  }
  // Two jobs in flight per thread: one matching while the other reads or writes the store.
  const concurrency = jobThreads ? threads * 2 : 1;

  let bull: BullQueue | null = null;
  let local: LocalQueue | null = null;
  if (options.queue !== undefined) {
    // BullMQ (and Redis's client) load only for a store that uses them.
    const { createBullQueue } = await import('./jobs/bullmq.js');
    bull = createBullQueue({ url: options.queue.url, prefix: options.queue.prefix ?? DEFAULTS.queuePrefix });
    if (runJobs) bull.startWorker(execute, { concurrency, lockMs: leaseMs, retryMs: DEFAULTS.pollMs, onError });
    bull.startReconciler(db, DEFAULTS.reconcileMs, onError);
  } else if (runJobs) {
    local = createLocalQueue(db, execute, { concurrency, pollMs: DEFAULTS.pollMs, onError });
  }

  const refreshDetections = async (conversationId: string): Promise<void> => {
    const conversation = (await findConversation(db, conversationId))!;
    const messages = await listMessages(db, conversationId);
    const { detected, hits } = detectTrackers(await resolveTrackers(conversation, source), messages, conversation.threshold ?? undefined);
    await saveDetections(db, conversationId, detected, hits, now());
  };

  const open = (): void => {
    if (closed) throw new CoreError(CoreErrorCode.storeClosed, 'the store is closed');
  };

  const submit = async (body: unknown, conversationId: string | null): Promise<{ conversationId: string; jobId: string }> => {
    open();
    checkBodySize(body, maxBodyBytes);
    const known = await trackerIds(db);
    const request: ProcessTextRequest = checkProcessTextRequest(body, (id) => known.has(id));
    if (request.webhookUrl !== undefined) policy.check(request.webhookUrl, 'webhookUrl');
    const jobId = randomUUID();
    const id = await db.transaction(async () => {
      let target = conversationId;
      if (target === null) {
        target = await nextId(db);
        await insertConversation(db, target, request.name ?? target, now());
      } else if (!(await findConversation(db, target))) {
        throw notFound(CoreErrorCode.conversationNotFound, 'conversation', target);
      }
      const messageIds = await nextIds(db, request.messages.length);
      await insertJob(db, { id: jobId, conversationId: target, request, webhookUrl: request.webhookUrl, messageIds }, now());
      if (request.webhookUrl) await queueWebhook(db, jobId, request.webhookUrl, 'scheduled', Date.now(), now());
      return target;
    });
    if (request.webhookUrl) deliverer?.wake();
    local?.wake();
    // The row is committed: if Redis does not take the job now, the reconciler puts it on the queue later.
    if (bull) await bull.enqueue(jobId).catch((error: Error) => onError(error));
    return { conversationId: id, jobId };
  };

  const conversation = async (id: string) => {
    const found = await findConversation(db, id);
    if (!found) throw notFound(CoreErrorCode.conversationNotFound, 'conversation', id);
    return found;
  };
  /** A conversation's messages; 404 when there is no such conversation. */
  const messagesOf = async (id: string): Promise<StoredMessage[]> => {
    await conversation(id);
    return listMessages(db, id);
  };

  const store = {
    // Typed for TypeScript callers; every body is still checked at run time (JavaScript callers, HTTP).
    createTracker: async (body: TrackerBody) => trackers.createTracker(body),
    createTrackers: async (bodies: TrackerBody[]) => trackers.createTrackers(bodies),
    listTrackers: async (query?: { name?: string }) => trackers.listTrackers(query),
    getTracker: async (id: string) => trackers.getTracker(id),
    updateTracker: async (id: string, body: TrackerBody) => trackers.updateTracker(id, body),
    patchTracker: async (id: string, ops: PatchOperation[]) => trackers.patchTracker(id, ops),
    deleteTracker: async (id: string) => trackers.deleteTracker(id),

    /** Symbl's POST /v1/process/text: answers at once; the job runs in the background. */
    processText: async (body: ProcessTextRequest) => submit(body, null),
    /** Symbl's PUT /v1/process/text/{conversationId}: appends; detections then cover the whole conversation. */
    appendText: async (conversationId: string, body: ProcessTextRequest) => submit(body, conversationId),

    getJob: async (jobId: string): Promise<Job> => {
      const job = await findJob(db, jobId);
      if (!job) throw notFound(CoreErrorCode.jobNotFound, 'job', jobId);
      return job.reason ? { id: job.id, status: job.status, reason: job.reason } : { id: job.id, status: job.status };
    },
    getMessages: async (conversationId: string) => ({ messages: await messagesOf(conversationId) }),
    /** Stored when the conversation's last job completed: reading it costs no matching. */
    getTrackersDetected: async (conversationId: string) => {
      await conversation(conversationId);
      return (await loadDetections(db, conversationId)) ?? [];
    },
    getQuestions: async (conversationId: string) => questionsOf(await messagesOf(conversationId)),
    getActionItems: async (conversationId: string) => actionItemsOf(await messagesOf(conversationId)),
    /** Symbl's GET /v1/conversations/{id}: id, type, name, startTime, endTime, members. */
    getConversation: async (conversationId: string) => conversationObject(await conversation(conversationId), await listMessages(db, conversationId)),
    getMembers: async (conversationId: string) => ({ members: membersOf(conversationId, await messagesOf(conversationId)) }),
    getFollowUps: async (conversationId: string) => followUpsOf(await messagesOf(conversationId)),
    /** Key noun phrases, weighted by frequency and spread: heuristics, not Symbl's models. */
    getTopics: async (conversationId: string) => topicsOf(await messagesOf(conversationId)),

    createStream: async (streamOptions: StreamOptions = {}): Promise<Stream> => {
      const known = await trackerIds(db);
      const specs = streamOptions.trackers === undefined ? [] : checkTrackerSpecs(streamOptions.trackers, (id) => known.has(id));
      const enableAll = streamOptions.enableAllTrackers === true;
      return createStreamSession(await resolveTrackers({ trackerSpecs: specs, enableAll }, source), streamOptions, async (finals) => {
        const id = await db.transaction(async () => {
          const conversationId = await nextId(db);
          await insertConversation(db, conversationId, conversationId, now());
          await insertMessages(db, conversationId, finals.map(asInputMessage));
          await mergeTrackerSpecs(db, conversationId, specs, enableAll, streamOptions.threshold);
          await refreshDetections(conversationId);
          return conversationId;
        });
        return { conversationId: id, trackers: (await loadDetections(db, id)) ?? [] };
      });
    },

    trackerStats: async (query?: StatsQuery) => trackerStats(db, query),

    listConversations: async () => ({ conversations: await listConversationRows(db) }),

    /**
     * The id of the conversation `idOrName` names: an id, or the name of exactly one conversation (the
     * CLI's `match --store` names conversations after their files).
     */
    resolveConversationId: async (idOrName: string): Promise<string> => {
      if (await findConversation(db, idOrName)) return idOrName;
      const named = await conversationIdsNamed(db, idOrName);
      if (named.length === 1) return named[0];
      if (named.length > 1) {
        throw new CoreError(CoreErrorCode.conversationNotFound, `${named.length} conversations are named ${JSON.stringify(idOrName)} (${named.slice(0, 5).join(', ')}${named.length > 5 ? ', …' : ''}); give an id`, 404);
      }
      throw notFound(CoreErrorCode.conversationNotFound, 'conversation', idOrName);
    },

    /**
     * Stores a conversation matched elsewhere (the CLI's batch `match --store`) with its trackers-detected.
     * Messages get store ids; the refs are rewritten to them.
     */
    importConversation: async (input: { name: string; messages: Array<Omit<StoredMessage, 'conversationId' | 'id'> & { id: string }>; trackers: TrackerDetected[] }) => {
      open();
      return db.transaction(async () => {
        const conversationId = await nextId(db);
        await insertConversation(db, conversationId, input.name, now());
        const ids = await insertMessages(db, conversationId, input.messages.map(asInputMessage));
        const renamed = new Map(input.messages.map((m, i) => [m.id, ids[i]]));
        const detected: TrackerDetected[] = structuredClone(input.trackers);
        for (const tracker of detected) for (const m of tracker.matches) for (const ref of m.messageRefs) ref.id = renamed.get(ref.id) ?? ref.id;
        await saveDetections(db, conversationId, detected, hitsOf(detected, await listMessages(db, conversationId)), now());
        return { conversationId };
      });
    },

    /** Sync of trackers with a remote Symbl API: push the outbox, pull remote changes, status. */
    sync: (options: SyncOptions) => {
      if (!options || typeof options.appId !== 'string' || typeof options.appSecret !== 'string' || options.appId === '' || options.appSecret === '') {
        throw new CoreError('option.invalid', 'sync needs "appId" and "appSecret"');
      }
      const api = options.api ?? 'auto';
      if (!['legacy', 'newer', 'auto'].includes(api)) throw new CoreError('option.invalid', `option "api" must be "legacy", "newer" or "auto", got ${JSON.stringify(api)}`);
      const baseUrl = options.baseUrl ?? 'https://api.symbl.ai';
      if (!URL.canParse(baseUrl)) throw new CoreError('option.invalid', `option "baseUrl" must be a URL, got ${JSON.stringify(baseUrl)}`);
      const remote = remoteApi({
        baseUrl,
        appId: options.appId,
        appSecret: options.appSecret,
        api,
        attempts: options.attempts ?? DEFAULTS.syncAttempts,
        retryDelayMs: options.retryDelayMs ?? DEFAULTS.syncRetryDelayMs,
        timeoutMs: options.timeoutMs ?? DEFAULTS.syncTimeoutMs,
        fetch: options.fetch ?? fetch,
      });
      const engine = syncEngine(db, remote, now, maxBodyBytes);
      return { push: () => engine.push(), pull: () => engine.pull(), status: async () => engine.status(), generation: () => remote.generation() };
    },

    /**
     * The key servers on this store sign tokens with: made once (32 random bytes) and kept, so tokens
     * survive restarts and every server sharing the store accepts them.
     */
    signingKey: async (): Promise<Buffer> => {
      await db.run("INSERT INTO meta (key, value) VALUES ('auth.signing_key', ?) ON CONFLICT (key) DO NOTHING", [randomBytes(32).toString('hex')]);
      const row = await db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'auth.signing_key'");
      return Buffer.from(row!.value, 'hex');
    },

    /** Jobs accepted and not yet finished (scheduled or in progress). */
    activeJobCount: async () => countActiveJobs(db),

    /**
     * Resolves when no job is scheduled or running (when this process runs jobs) and every webhook has been
     * delivered or given up (when it delivers them).
     */
    idle: async () => {
      if (runJobs) while ((await countActiveJobs(db)) > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      await deliverer?.drain();
    },
    /**
     * Takes no new job, lets the running ones finish, gives webhook deliveries at most `shutdownMs`, and
     * closes the database. Unfinished jobs and undelivered notifications stay in the store for the next
     * process.
     */
    close: async () => {
      if (closed) return;
      closed = true;
      await local?.stop();
      await bull?.close();
      await deliverer?.stop(options.shutdownMs ?? DEFAULTS.shutdownMs);
      await jobThreads?.close();
      await db.close();
    },
  };
  return store;
}

export type Store = Awaited<ReturnType<typeof openStore>>;
