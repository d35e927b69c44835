// The Symbl-compatible HTTP server: Fastify routes over the store's operations, Symbl's paths, shapes and
// status codes (201 for creates, errors as {message}). One log line per request.
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
// Route bodies are typed as the store takes them; the store checks every one at run time.
import type { PatchOperation, ProcessTextRequest, Store, TrackerBody } from '@phrasewatch/core';
import { tokenOf, type TokenIssuer } from './auth.js';
import { failureLimiter } from './rate-limit.js';

export interface ServerOptions {
  store: Store;
  tokens: TokenIssuer;
  appId: string;
  appSecret: string;
  /** More jobs than this scheduled or running: new async requests get 429. */
  maxJobs: number;
  /** Where the request log goes, one line per request. */
  log?: (line: string) => void;
  bodyLimit?: number;
  /** Failed token requests a client may make per window before it gets 429 (default 10 a minute). */
  authFailures?: { max: number; windowMs: number };
}

/** A raw HTTP answer for errors Node's parser meets before Fastify has a request: still Symbl's {message}. */
function rawAnswer(status: number, reason: string, message: string): string {
  const body = JSON.stringify({ message });
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

const UNAUTHORIZED = 'Token validation failed for provided token.';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function buildServer(options: ServerOptions): FastifyInstance {
  const { store } = options;
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Errors Fastify's router answers itself (a malformed percent-encoding): Symbl's {message}, too.
    frameworkErrors: (error, _request, reply) => {
      const tooLong = /max param length/.test(error.message);
      void (reply as FastifyReply).status(tooLong ? 414 : 400).send({
        message: tooLong ? 'a path parameter of the URL is longer than 100 characters' : 'malformed URL: a percent-encoding in the path is not valid UTF-8',
      });
    },
    // Errors Node's HTTP parser meets (headers or URL too large, garbage): answered on the socket.
    clientErrorHandler: (error: Error & { code?: string }, socket) => {
      if (!socket.writable) return socket.destroy();
      const answer = error.code === 'HPE_HEADER_OVERFLOW'
        ? rawAnswer(431, 'Request Header Fields Too Large', 'the request line and headers are too large')
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? rawAnswer(408, 'Request Timeout', 'the request took too long to arrive')
          : rawAnswer(400, 'Bad Request', `malformed HTTP request: ${error.message}`);
      socket.end(answer);
    },
  });
  const limiter = failureLimiter(options.authFailures ?? { max: 10, windowMs: 60_000 });

  // Symbl's docs tell clients to send Content-Type: application/json on every request, GET and DELETE
  // included: an empty JSON body is no body, not an error.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(Object.assign(new Error(`malformed JSON: ${(error as Error).message}`), { statusCode: 400 }), undefined);
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    options.log?.(`${request.method} ${request.url} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`);
  });

  // Every error leaves as Symbl's {message}, with the status the store or Fastify chose.
  app.setErrorHandler((error: Error & { status?: number; statusCode?: number; code?: string }, _request, reply) => {
    const status = error.status ?? error.statusCode ?? 500;
    let message = status >= 500 && error.status === undefined ? 'Internal server error.' : error.message;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') message = `request body is over the limit of ${options.bodyLimit ?? 1024 * 1024} bytes`;
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) message = `malformed JSON: ${error.message}`;
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') message = 'send JSON bodies with Content-Type: application/json';
    void reply.status(status).send({ message });
  });
  app.setNotFoundHandler((request, reply) => void reply.status(404).send({ message: `no route ${request.method} ${request.url}` }));

  app.post('/oauth2/token::generate', async (request, reply) => {
    const wait = limiter.retryAfter(request.ip);
    if (wait > 0) {
      return reply.status(429).header('retry-after', String(wait)).send({ message: `too many failed attempts from ${request.ip}; retry in ${wait} s` });
    }
    const body = (request.body ?? {}) as { type?: unknown; appId?: unknown; appSecret?: unknown };
    if (body.type !== 'application' || typeof body.appId !== 'string' || typeof body.appSecret !== 'string') {
      limiter.fail(request.ip);
      return reply.status(400).send({ message: 'expected {"type": "application", "appId", "appSecret"}' });
    }
    if (!sameSecret(body.appId, options.appId) || !sameSecret(body.appSecret, options.appSecret)) {
      limiter.fail(request.ip);
      return reply.status(401).send({ message: 'Invalid appId or appSecret.' });
    }
    limiter.succeed(request.ip);
    return options.tokens.issue(body.appId);
  });

  app.register(async (api) => {
    api.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const token = tokenOf(request.headers);
      if (!token || !options.tokens.verify(token)) return reply.status(401).send({ message: UNAUTHORIZED });
    });

    type Id = { Params: { id: string } };
    const created = <T>(reply: FastifyReply, value: T): T => {
      void reply.status(201);
      return value;
    };

    // Trackers: both API generations' paths.
    api.post<{ Body: TrackerBody }>('/v1/manage/tracker', async (request, reply) => created(reply, await store.createTracker(request.body)));
    api.post<{ Body: TrackerBody | TrackerBody[] }>('/v1/manage/trackers', async (request, reply) =>
      created(reply, Array.isArray(request.body) ? await store.createTrackers(request.body) : await store.createTracker(request.body)));
    api.post<{ Body: TrackerBody[] }>('/v1/manage/trackers/bulk', async (request, reply) => created(reply, await store.createTrackers(request.body)));
    api.get<{ Querystring: { name?: string } }>('/v1/manage/trackers', async (request) =>
      store.listTrackers(request.query.name === undefined ? {} : { name: request.query.name }));
    for (const path of ['/v1/manage/tracker/:id', '/v1/manage/trackers/:id']) {
      api.get<Id>(path, async (request) => store.getTracker(request.params.id));
      api.put<Id & { Body: TrackerBody }>(path, async (request) => store.updateTracker(request.params.id, request.body));
      api.patch<Id & { Body: PatchOperation[] }>(path, async (request) => store.patchTracker(request.params.id, request.body));
      api.delete<Id>(path, async (request) => store.deleteTracker(request.params.id));
    }

    // Async text.
    const tooBusy = async (reply: FastifyReply): Promise<boolean> => {
      const active = await store.activeJobCount();
      if (active < options.maxJobs) return false;
      void reply.status(429).send({ statusCode: 429, message: `${active} jobs are scheduled or running; the limit is ${options.maxJobs}. Retry later.` });
      return true;
    };
    api.post<{ Body: ProcessTextRequest }>('/v1/process/text', async (request, reply) => {
      if (await tooBusy(reply)) return reply;
      return created(reply, await store.processText(request.body));
    });
    api.put<{ Params: { conversationId: string }; Body: ProcessTextRequest }>('/v1/process/text/:conversationId', async (request, reply) => {
      if (await tooBusy(reply)) return reply;
      return created(reply, await store.appendText(request.params.conversationId, request.body));
    });
    api.get<Id>('/v1/job/:id', async (request) => store.getJob(request.params.id));

    // Conversations.
    api.get<Id>('/v1/conversations/:id/messages', async (request) => store.getMessages(request.params.id));
    api.get<Id>('/v1/conversations/:id/trackers-detected', async (request) => store.getTrackersDetected(request.params.id));
    // Symbl's deprecated alias, still called by its Python and Go SDKs.
    api.get<Id>('/v1/conversations/:id/trackers', async (request) => store.getTrackersDetected(request.params.id));
    api.get<Id>('/v1/conversations/:id/questions', async (request) => store.getQuestions(request.params.id));
    api.get<Id>('/v1/conversations/:id/action-items', async (request) => store.getActionItems(request.params.id));
    api.get<Id>('/v1/conversations/:id', async (request) => store.getConversation(request.params.id));
    api.get<Id>('/v1/conversations/:id/members', async (request) => store.getMembers(request.params.id));
    api.get<Id>('/v1/conversations/:id/follow-ups', async (request) => store.getFollowUps(request.params.id));
    api.get<Id>('/v1/conversations/:id/topics', async (request) => store.getTopics(request.params.id));
    // Symbl computes these with models phrasewatch does not have offline: said plainly, never faked.
    for (const [path, what] of [['intents', 'Intents'], ['insights', 'Insights (deprecated by Symbl)']] as const) {
      api.get<Id>(`/v1/conversations/:id/${path}`, async (request, reply) => {
        await store.getMessages(request.params.id);
        return reply.status(501).send({ message: `${what} are not offered by phrasewatch: Symbl computes them with models that do not run offline. Use questions, action-items, follow-ups, topics or trackers-detected.` });
      });
    }
  });

  return app;
}
