// The remote Symbl Management API, as the sync engine uses it: one request at a time (Symbl allows one
// management request per account at once), 429 / 5xx / network failures retried with exponential
// backoff, a token fetched and renewed as needed, and either API generation.
import { CoreError } from '../errors.js';
import type { TrackerBody } from '../types.js';

export type ApiGeneration = 'legacy' | 'newer';

export interface RemoteOptions {
  baseUrl: string;
  appId: string;
  appSecret: string;
  /** "legacy": /v1/manage/tracker + PUT; "newer": /v1/manage/trackers + PATCH; "auto": probe once. */
  api: ApiGeneration | 'auto';
  attempts: number;
  retryDelayMs: number;
  timeoutMs: number;
  fetch: typeof fetch;
}

export interface RemoteTracker extends TrackerBody {
  id: string;
  updatedOn?: string;
}

/** A request that failed for good: its status (0 when the remote could not be reached) and message. */
export class RemoteError extends CoreError {
  constructor(readonly remoteStatus: number, message: string) {
    super('sync.remote_failed', message, remoteStatus === 0 ? 503 : remoteStatus);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function remoteApi(options: RemoteOptions) {
  let token: { value: string; expires: number } | undefined;
  let generation: ApiGeneration | undefined = options.api === 'auto' ? undefined : options.api;
  let queue: Promise<unknown> = Promise.resolve();
  const base = options.baseUrl.replace(/\/+$/, '');

  /** Runs `task` after every earlier request has finished. */
  const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => {});
    return next;
  };

  const send = async (method: string, path: string, body: unknown, auth: boolean): Promise<{ status: number; json: unknown }> => {
    let last: RemoteError | undefined;
    for (let attempt = 1; attempt <= options.attempts; attempt++) {
      try {
        const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
        if (auth) headers.authorization = `Bearer ${await accessToken()}`;
        const response = await options.fetch(`${base}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        const text = await response.text();
        const json = text ? JSON.parse(text) : undefined;
        if (response.status === 401 && auth && attempt === 1) {
          token = undefined; // expired or revoked: get a new one once
          continue;
        }
        if (response.status !== 429 && response.status < 500) return { status: response.status, json };
        last = new RemoteError(response.status, `${method} ${path}: HTTP ${response.status} ${(json as { message?: string })?.message ?? ''}`.trim());
      } catch (error) {
        if (error instanceof RemoteError) throw error;
        last = new RemoteError(0, `${method} ${path}: ${(error as Error).message}`);
      }
      if (attempt < options.attempts) await sleep(options.retryDelayMs * 2 ** (attempt - 1));
    }
    throw last!;
  };

  const accessToken = async (): Promise<string> => {
    if (token && token.expires > Date.now() + 60_000) return token.value;
    const { status, json } = await send('POST', '/oauth2/token:generate', { type: 'application', appId: options.appId, appSecret: options.appSecret }, false);
    if (status !== 200) throw new RemoteError(status, `token: HTTP ${status} ${(json as { message?: string })?.message ?? ''}`.trim());
    const { accessToken: value, expiresIn } = json as { accessToken: string; expiresIn: number };
    token = { value, expires: Date.now() + expiresIn * 1000 };
    return value;
  };

  const ok = (what: string, result: { status: number; json: unknown }, accept: number[] = [200, 201]): unknown => {
    if (!accept.includes(result.status)) throw new RemoteError(result.status, `${what}: HTTP ${result.status} ${(result.json as { message?: string })?.message ?? ''}`.trim());
    return result.json;
  };

  /** Which generation the remote speaks: a PATCH on the newer path answers 400/404 about a tracker there. */
  const api = async (): Promise<ApiGeneration> => {
    if (generation) return generation;
    const probe = await send('PATCH', '/v1/manage/trackers/0', [], true);
    const message = String((probe.json as { message?: string })?.message ?? '');
    generation = probe.status === 400 || (probe.status === 404 && /tracker/i.test(message) && !/route/i.test(message)) ? 'newer' : 'legacy';
    return generation;
  };

  const call = <T>(task: () => Promise<T>): Promise<T> => oneAtATime(task);

  return {
    generation: () => call(api),
    list: () => call(async () => (ok('list trackers', await send('GET', '/v1/manage/trackers', undefined, true)) as { trackers: RemoteTracker[] }).trackers),
    findByName: (name: string) =>
      call(async () => (ok('find tracker', await send('GET', `/v1/manage/trackers?name=${encodeURIComponent(name)}`, undefined, true)) as { trackers: RemoteTracker[] }).trackers.find((t) => t.name === name)),
    get: (id: string) =>
      call(async () => {
        const result = await send('GET', `/v1/manage/tracker/${encodeURIComponent(id)}`, undefined, true);
        if (result.status === 404) return undefined;
        return (ok('get tracker', result) as { tracker: RemoteTracker }).tracker;
      }),
    /** Creates one tracker; undefined when the name exists remotely (409). */
    create: (body: TrackerBody) =>
      call(async () => {
        const path = (await api()) === 'newer' ? '/v1/manage/trackers' : '/v1/manage/tracker';
        const result = await send('POST', path, body, true);
        if (result.status === 409) return undefined;
        return (ok('create tracker', result) as { tracker: RemoteTracker }).tracker;
      }),
    /** Creates several in one request; undefined when a name exists remotely (the caller goes one by one). */
    createMany: (bodies: TrackerBody[]) =>
      call(async () => {
        const path = (await api()) === 'newer' ? '/v1/manage/trackers/bulk' : '/v1/manage/trackers';
        const result = await send('POST', path, bodies, true);
        if (result.status === 409) return undefined;
        return (ok('create trackers', result) as { trackers: RemoteTracker[] }).trackers;
      }),
    update: (id: string, body: TrackerBody) =>
      call(async () => {
        const path = `/v1/manage/${(await api()) === 'newer' ? 'trackers' : 'tracker'}/${encodeURIComponent(id)}`;
        const result = (await api()) === 'newer' ? await send('PATCH', path, patchFor(body), true) : await send('PUT', path, { id, ...body }, true);
        if (result.status === 404) return undefined;
        return (ok('update tracker', result) as { tracker: RemoteTracker }).tracker;
      }),
    remove: (id: string) =>
      call(async () => {
        const path = `/v1/manage/${(await api()) === 'newer' ? 'trackers' : 'tracker'}/${encodeURIComponent(id)}`;
        ok('delete tracker', await send('DELETE', path, undefined, true), [200, 204, 404]);
      }),
  };
}

/** The newer API edits with JSON Patch: every field replaced, absent optional fields removed. */
function patchFor(body: TrackerBody): Array<{ op: string; path: string; value?: unknown }> {
  const ops: Array<{ op: string; path: string; value?: unknown }> = [
    { op: 'replace', path: '/name', value: body.name },
    { op: 'replace', path: '/vocabulary', value: body.vocabulary },
  ];
  for (const field of ['description', 'categories', 'languages', 'excludeVocabulary'] as const) {
    ops.push(body[field] === undefined ? { op: 'remove', path: `/${field}` } : { op: 'add', path: `/${field}`, value: body[field] });
  }
  return ops;
}

export type RemoteApi = ReturnType<typeof remoteApi>;
