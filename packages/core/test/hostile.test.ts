// Hostile requests against the store: control characters, absurd nesting, prototype-shaped names, and
// webhook URLs aimed at places a server must not reach. Runs on SQLite and on PostgreSQL.
import { describe, expect, it } from 'vitest';
import { backend } from '../../../test/backend.js';
import { memoryStore, rejection, say } from './helpers.js';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe(`control characters (${backend})`, () => {
  it.each([['nul\u0000byte', 'U+0000'], ['zz\u0001a', 'U+0001'], ['bell\u0007', 'U+0007'], ['del\u007f', 'U+007F']])('refuses the tracker name %j with 400 naming %s', async (name, code) => {
    const store = await memoryStore();
    const error = await rejection(store.createTracker({ name, vocabulary: ['some phrase'] }));
    expect(error).toMatchObject({ status: 400, code: 'tracker.invalid' });
    expect(error.message).toContain(code);
    expect((await store.listTrackers()).trackers).toEqual([]);
  });

  it('keeps tabs and line breaks in a description, and refuses NUL in a conversation name', async () => {
    const store = await memoryStore();
    const { tracker } = await store.createTracker({ name: 'Tabbed', description: 'line one\n\tline two', vocabulary: ['some phrase'] });
    expect(tracker.description).toBe('line one\n\tline two');
    expect(await rejection(store.processText({ name: 'call\u0000x', messages: [say('hi')] }))).toMatchObject({ status: 400, code: 'request.invalid' });
  });

  it('keeps message text whole, NUL included, from request to messages and trackers-detected', async () => {
    const store = await memoryStore();
    const text = 'We have a sale\u0000right now, and\u0000more after it';
    const { conversationId } = await store.processText({ messages: [say(text, 'Agent\u0000X')], trackers: [{ name: 'Sale', vocabulary: ['sale'] }] });
    await store.idle();
    const { messages } = await store.getMessages(conversationId);
    expect(messages[0].text).toBe(text);
    expect(messages[0].from.name).toBe('Agent\u0000X');
    const [detected] = await store.getTrackersDetected(conversationId);
    expect(detected.matches[0].messageRefs[0]).toMatchObject({ text, offset: 10 });
    expect((await store.trackerStats()).trackers).toEqual([{ trackerId: detected.id, name: 'Sale', hits: 1 }]);
  });
});

describe(`absurd nesting (${backend})`, () => {
  it('answers a body nested 10,000 levels deep with 400, on every write', async () => {
    const store = await memoryStore();
    const deep = nested(10_000);
    for (const attempt of [
      store.createTracker({ name: 'Deep', vocabulary: deep }),
      store.createTrackers([{ name: 'Deep', vocabulary: deep }]),
      store.processText({ messages: [say('hi')], extra: deep }),
      store.patchTracker('1', deep),
    ]) {
      const error = await rejection(attempt);
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/deeper than 64 levels/);
    }
  });
});

describe(`prototype-shaped names (${backend})`, () => {
  it('round-trips trackers named __proto__ and constructor, stored and inline', async () => {
    const store = await memoryStore();
    const proto = (await store.createTracker({ name: '__proto__', vocabulary: ['how much does it cost'] })).tracker;
    const ctor = (await store.createTracker({ name: 'constructor', vocabulary: ['price per user'] })).tracker;
    expect((await store.getTracker(proto.id)).tracker.name).toBe('__proto__');
    expect((await store.listTrackers({ name: 'constructor' })).trackers.map((t) => t.id)).toEqual([ctor.id]);
    const { conversationId } = await store.processText({
      messages: [say('How much does it cost, and what is the price per user?')],
      trackers: [{ id: proto.id }, { name: 'hasOwnProperty', vocabulary: ['what is the price'] }],
      enableAllTrackers: true,
    });
    await store.idle();
    expect((await store.getTrackersDetected(conversationId)).map((t) => t.name).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty']);
    expect((await store.trackerStats()).trackers.map((t) => t.name).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty']);
    expect(Object.prototype).not.toHaveProperty('vocabulary');
  });
});

describe(`webhook URLs (${backend})`, () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data', /link-local or cloud-metadata/],
    ['http://[::ffff:169.254.169.254]/x', /link-local or cloud-metadata/],
    ['http://[fe80::1]/x', /link-local or cloud-metadata/],
    ['http://metadata.google.internal/computeMetadata', /cloud-metadata host/],
    ['http://user:secret@127.0.0.1:9/hook', /credentials in the URL/],
    ['ftp://127.0.0.1/hook', /http\(s\) URL/],
  ])('refuses %s when the job is submitted, naming the rule', async (url, rule) => {
    const store = await memoryStore();
    const error = await rejection(store.processText({ messages: [say('hi')], webhookUrl: url }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(rule);
  });

  it('allows loopback by default, and refuses it when private ranges are refused', async () => {
    expect((await (await memoryStore()).processText({ messages: [say('hi')], webhookUrl: 'http://127.0.0.1:9/hook' })).jobId).toBeTruthy();
    const strict = await memoryStore({ webhook: { refusePrivate: true } });
    expect((await rejection(strict.processText({ messages: [say('hi')], webhookUrl: 'http://10.1.2.3/hook' }))).message).toMatch(/loopback or private/);
  });

  it('allows only the listed hosts and networks when given a list', async () => {
    const store = await memoryStore({ webhook: { allow: ['hooks.example', '127.0.0.0/8'] } });
    expect((await store.processText({ messages: [say('hi')], webhookUrl: 'http://127.0.0.1:9/hook' })).jobId).toBeTruthy();
    expect((await store.processText({ messages: [say('hi')], webhookUrl: 'https://hooks.example/x' })).jobId).toBeTruthy();
    expect((await rejection(store.processText({ messages: [say('hi')], webhookUrl: 'http://192.168.1.9/x' }))).message).toMatch(/not among the hosts and networks/);
  });

  it('refuses at delivery a name that resolves to a refused address, once, without retrying', async () => {
    const errors: Error[] = [];
    const store = await memoryStore({ webhook: { refusePrivate: true, retryDelayMs: 5 }, onError: (e) => errors.push(e) });
    const { jobId } = await store.processText({ messages: [say('hi')], webhookUrl: 'http://localhost:9/hook' });
    await store.idle();
    expect((await store.getJob(jobId)).status).toBe('completed');
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/\(scheduled\) was refused; last: refused: .* is a loopback or private address/),
      expect.stringMatching(/\(in_progress\) was refused/),
      expect.stringMatching(/\(completed\) was refused/),
    ]);
  });
});
