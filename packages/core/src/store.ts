// openStore: the embedded store and Symbl's operations over it. Every write is one transaction; jobs
// run in the background, in arrival order, and survive restarts.
import { randomUUID } from 'node:crypto';
import { CoreError, CoreErrorCode, notFound } from './errors.js';
import { DEFAULTS } from './defaults.js';
import { openDatabase, type Db } from './db/driver.js';
import { migrate } from './db/migrations.js';
import { nextId } from './ids.js';
import { checkProcessTextRequest, checkTrackerSpecs } from './conversations/request.js';
import {
  asInputMessage, findConversation, insertConversation, insertMessages, listConversationRows, listMessages, loadDetections, mergeTrackerSpecs, saveDetections,
} from './conversations/repository.js';
import { detectTrackers, hitsOf, resolveTrackers, type TrackerSource } from './detect.js';
import { actionItemsOf, questionsOf } from './insights/index.js';
import { countActiveJobs, findJob, insertJob, setJobStatus, unfinishedJobs } from './jobs/repository.js';
import { createRunner } from './jobs/runner.js';
import { createNotifier } from './jobs/webhook.js';
import { trackerStats, type StatsQuery } from './stats.js';
import { syncEngine } from './sync/engine.js';
import { remoteApi, type ApiGeneration } from './sync/remote.js';
import { createStreamSession, type Stream, type StreamOptions } from './stream.js';
import { trackerOperations } from './trackers/operations.js';
import { findTracker, listTrackerRows } from './trackers/repository.js';
import { checkBodySize } from './trackers/validate.js';
import type { Job, JobStatus, ProcessTextRequest, StoredMessage, TrackerDetected } from './types.js';

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
  /** An in-memory database instead of a file: for tests and short-lived embedding. */
  memory?: boolean;
  maxTrackers?: number;
  maxBodyBytes?: number;
  webhook?: { attempts?: number; retryDelayMs?: number; timeoutMs?: number };
  /** Errors that happen in the background (webhooks, jobs); never thrown, never swallowed. */
  onError?: (error: Error) => void;
  /** The clock, for tests. */
  now?: () => Date;
}

function checkOptions(options: StoreOptions): void {
  if (typeof options !== 'object' || options === null) throw new CoreError('option.invalid', 'openStore needs an options object');
  if (options.memory !== true && (typeof options.path !== 'string' || options.path === '')) {
    throw new CoreError('option.invalid', 'give option "path" (a database file) or "memory: true"');
  }
  for (const name of ['maxTrackers', 'maxBodyBytes'] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) throw new CoreError('option.invalid', `option "${name}" must be a positive integer, got ${JSON.stringify(value)}`);
  }
}

export async function openStore(options: StoreOptions) {
  checkOptions(options);
  let db: Db;
  try {
    db = openDatabase(options);
    migrate(db);
  } catch (error) {
    throw new CoreError('store.open_failed', `cannot open the store at ${options.memory ? 'memory' : JSON.stringify(options.path)}: ${(error as Error).message}`, 500);
  }
  const clock = options.now ?? (() => new Date());
  const now = (): string => clock().toISOString();
  const onError = options.onError ?? (() => {});
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const trackers = trackerOperations(db, { maxTrackers: options.maxTrackers ?? DEFAULTS.maxTrackers, maxBodyBytes }, now);
  const notifier = createNotifier({
    attempts: options.webhook?.attempts ?? DEFAULTS.webhookAttempts,
    retryDelayMs: options.webhook?.retryDelayMs ?? DEFAULTS.webhookRetryDelayMs,
    timeoutMs: options.webhook?.timeoutMs ?? DEFAULTS.webhookTimeoutMs,
    onError,
  });
  const source: TrackerSource = { byId: (id) => findTracker(db, id), all: () => listTrackerRows(db) };
  let closed = false;

  const status = (jobId: string, webhookUrl: string | null, next: JobStatus, reason: string | null = null): void => {
    setJobStatus(db, jobId, next, reason, now());
    if (webhookUrl) notifier.notify(webhookUrl, jobId, next);
  };

  /** A job's whole effect (messages, trackers, detections, completion) commits at once, or not at all. */
  const runJob = (jobId: string): void => {
    const job = findJob(db, jobId);
    if (!job || job.status === 'completed' || job.status === 'failed') return;
    status(job.id, job.webhookUrl, 'in_progress');
    try {
      const request = JSON.parse(job.requestJson) as ProcessTextRequest;
      db.transaction(() => {
        insertMessages(db, job.conversationId, request.messages);
        mergeTrackerSpecs(db, job.conversationId, request.trackers ?? [], request.enableAllTrackers ?? false, request.confidenceThreshold);
        refreshDetections(job.conversationId);
        setJobStatus(db, job.id, 'completed', null, now());
      })();
      if (job.webhookUrl) notifier.notify(job.webhookUrl, job.id, 'completed');
    } catch (error) {
      onError(error as Error);
      status(job.id, job.webhookUrl, 'failed', (error as Error).message);
    }
  };
  const runner = createRunner(runJob);

  const refreshDetections = (conversationId: string): void => {
    const conversation = findConversation(db, conversationId)!;
    const messages = listMessages(db, conversationId);
    const { detected, hits } = detectTrackers(resolveTrackers(conversation, source), messages, conversation.threshold ?? undefined, now());
    saveDetections(db, conversationId, detected, hits, now());
  };

  const submit = (body: unknown, conversationId: string | null): { conversationId: string; jobId: string } => {
    if (closed) throw new CoreError(CoreErrorCode.storeClosed, 'the store is closed');
    checkBodySize(body, maxBodyBytes);
    const request: ProcessTextRequest = checkProcessTextRequest(body, (id) => findTracker(db, id) !== undefined);
    const jobId = randomUUID();
    const id = db.transaction(() => {
      let target = conversationId;
      if (target === null) {
        target = nextId(db);
        insertConversation(db, target, request.name ?? target, now());
      } else if (!findConversation(db, target)) {
        throw notFound(CoreErrorCode.conversationNotFound, 'conversation', target);
      }
      insertJob(db, { id: jobId, conversationId: target, request, webhookUrl: request.webhookUrl }, now());
      return target;
    })();
    if (request.webhookUrl) notifier.notify(request.webhookUrl, jobId, 'scheduled');
    runner.enqueue(jobId);
    return { conversationId: id, jobId };
  };

  const conversation = (id: string) => {
    const found = findConversation(db, id);
    if (!found) throw notFound(CoreErrorCode.conversationNotFound, 'conversation', id);
    return found;
  };

  // Jobs a previous process left unfinished run again, in their order.
  for (const jobId of unfinishedJobs(db, now())) runner.enqueue(jobId);

  const store = {
    createTracker: async (body: unknown) => trackers.createTracker(body),
    createTrackers: async (bodies: unknown) => trackers.createTrackers(bodies),
    listTrackers: async (query?: { name?: string }) => trackers.listTrackers(query),
    getTracker: async (id: string) => trackers.getTracker(id),
    updateTracker: async (id: string, body: unknown) => trackers.updateTracker(id, body),
    patchTracker: async (id: string, ops: unknown) => trackers.patchTracker(id, ops),
    deleteTracker: async (id: string) => trackers.deleteTracker(id),

    /** Symbl's POST /v1/process/text: answers at once; the job runs in the background. */
    processText: async (body: unknown) => submit(body, null),
    /** Symbl's PUT /v1/process/text/{conversationId}: appends; detections then cover the whole conversation. */
    appendText: async (conversationId: string, body: unknown) => submit(body, conversationId),

    getJob: async (jobId: string): Promise<Job> => {
      const job = findJob(db, jobId);
      if (!job) throw notFound(CoreErrorCode.jobNotFound, 'job', jobId);
      return job.reason ? { id: job.id, status: job.status, reason: job.reason } : { id: job.id, status: job.status };
    },
    getMessages: async (conversationId: string) => {
      conversation(conversationId);
      return { messages: listMessages(db, conversationId) };
    },
    /** Stored when the conversation's last job completed: reading it costs no matching. */
    getTrackersDetected: async (conversationId: string) => {
      conversation(conversationId);
      return loadDetections(db, conversationId) ?? [];
    },
    getQuestions: async (conversationId: string) => {
      conversation(conversationId);
      return questionsOf(listMessages(db, conversationId));
    },
    getActionItems: async (conversationId: string) => {
      conversation(conversationId);
      return actionItemsOf(listMessages(db, conversationId));
    },

    createStream: async (streamOptions: StreamOptions = {}): Promise<Stream> => {
      const specs = streamOptions.trackers === undefined ? [] : checkTrackerSpecs(streamOptions.trackers, (id) => findTracker(db, id) !== undefined);
      const enableAll = streamOptions.enableAllTrackers === true;
      return createStreamSession(resolveTrackers({ trackerSpecs: specs, enableAll }, source), streamOptions, async (finals) => {
        const id = db.transaction(() => {
          const conversationId = nextId(db);
          insertConversation(db, conversationId, conversationId, now());
          insertMessages(db, conversationId, finals.map(asInputMessage));
          mergeTrackerSpecs(db, conversationId, specs, enableAll, streamOptions.threshold);
          refreshDetections(conversationId);
          return conversationId;
        })();
        return { conversationId: id, trackers: loadDetections(db, id) ?? [] };
      });
    },

    trackerStats: async (query?: StatsQuery) => trackerStats(db, query),

    listConversations: async () => ({ conversations: listConversationRows(db) }),

    /**
     * Stores a conversation matched elsewhere (the CLI's batch `match --store`) with its trackers-detected.
     * Messages get store ids; the refs are rewritten to them.
     */
    importConversation: async (input: { name: string; messages: Array<Omit<StoredMessage, 'conversationId' | 'id'> & { id: string }>; trackers: TrackerDetected[] }) => {
      if (closed) throw new CoreError(CoreErrorCode.storeClosed, 'the store is closed');
      return db.transaction(() => {
        const conversationId = nextId(db);
        insertConversation(db, conversationId, input.name, now());
        const ids = insertMessages(db, conversationId, input.messages.map(asInputMessage));
        const renamed = new Map(input.messages.map((m, i) => [m.id, ids[i]]));
        const detected: TrackerDetected[] = structuredClone(input.trackers);
        for (const tracker of detected) for (const m of tracker.matches) for (const ref of m.messageRefs) ref.id = renamed.get(ref.id) ?? ref.id;
        saveDetections(db, conversationId, detected, hitsOf(detected, listMessages(db, conversationId), now()), now());
        return { conversationId };
      })();
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

    /** Jobs accepted and not yet finished (scheduled or in progress). */
    activeJobCount: async () => countActiveJobs(db),

    /** Resolves when no job is queued or running and every webhook has been delivered or given up. */
    idle: async () => {
      await runner.idle();
      await notifier.drain();
    },
    /** Stops taking jobs, lets the running one finish, and closes the file. Unfinished jobs resume on the next open. */
    close: async () => {
      if (closed) return;
      closed = true;
      await runner.stop();
      db.close();
    },
  };
  return store;
}

export type Store = Awaited<ReturnType<typeof openStore>>;
