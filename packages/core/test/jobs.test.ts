import { describe, expect, it } from 'vitest';
import { BUDGET, PRICING, memoryStore, rejection, say } from './helpers.js';

describe('async text processing', () => {
  it('answers processText at once with ids and a scheduled job, then completes in the background', async () => {
    const store = await memoryStore();
    const { conversationId, jobId } = await store.processText({ messages: [say('How much does it cost?')], trackers: [PRICING] });
    expect(conversationId).toMatch(/^\d+$/);
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await store.getJob(jobId)).toEqual({ id: jobId, status: 'scheduled' });
    await store.idle();
    expect(await store.getJob(jobId)).toEqual({ id: jobId, status: 'completed' });
  });

  it('stores messages with generated, stable ids in Symbl\'s shape', async () => {
    const store = await memoryStore();
    const { conversationId } = await store.processText({ messages: [say('Hi there', 'Agent', '2024-01-02T10:00:00.000Z'), say('Hello')] });
    await store.idle();
    const { messages } = await store.getMessages(conversationId);
    expect(messages).toEqual([
      { id: expect.stringMatching(/^\d+$/), text: 'Hi there', from: { name: 'Agent', userId: 'agent@example.com' }, startTime: '2024-01-02T10:00:00.000Z', endTime: '2024-01-02T10:00:00.000Z', conversationId },
      { id: expect.stringMatching(/^\d+$/), text: 'Hello', from: { name: 'Customer', userId: 'customer@example.com' }, startTime: '2024-01-02T10:00:00.000Z', endTime: '2024-01-02T10:00:00.000Z', conversationId },
    ]);
    expect((await store.getMessages(conversationId)).messages).toEqual(messages);
  });

  it('gives messages sent without times the conversation\'s start, then each the end of the one before', async () => {
    const store = await memoryStore({ now: () => new Date('2024-03-01T09:00:00.000Z') });
    const { conversationId } = await store.processText({ messages: [say('one'), say('two')] });
    await store.appendText(conversationId, { messages: [{ payload: { content: 'three' }, duration: { startTime: '2024-03-01T09:05:00.000Z', endTime: '2024-03-01T09:05:04.000Z' } }, say('four')] });
    await store.idle();
    const times = (await store.getMessages(conversationId)).messages.map((m) => [m.text, m.startTime, m.endTime]);
    expect(times).toEqual([
      ['one', '2024-03-01T09:00:00.000Z', '2024-03-01T09:00:00.000Z'],
      ['two', '2024-03-01T09:00:00.000Z', '2024-03-01T09:00:00.000Z'],
      ['three', '2024-03-01T09:05:00.000Z', '2024-03-01T09:05:04.000Z'],
      ['four', '2024-03-01T09:05:04.000Z', '2024-03-01T09:05:04.000Z'],
    ]);
  });

  it('detects inline trackers, stored ones by id, and all stored ones with enableAllTrackers', async () => {
    const store = await memoryStore();
    const { tracker: budget } = await store.createTracker(BUDGET);
    await store.createTracker(PRICING);
    const messages = [say('What is the price per user?'), say('That is too expensive for us.')];
    const inline = await store.processText({ messages, trackers: [{ name: 'Inline', vocabulary: ['price per user'] }] });
    const byId = await store.processText({ messages, trackers: [{ id: budget.id }] });
    const all = await store.processText({ messages, enableAllTrackers: true });
    const none = await store.processText({ messages });
    await store.idle();
    expect((await store.getTrackersDetected(inline.conversationId)).map((t) => t.name)).toEqual(['Inline']);
    expect((await store.getTrackersDetected(byId.conversationId)).map((t) => [t.id, t.name])).toEqual([[budget.id, 'Budget Concern']]);
    expect((await store.getTrackersDetected(all.conversationId)).map((t) => t.name)).toEqual(['Budget Concern', 'Pricing']);
    expect(await store.getTrackersDetected(none.conversationId)).toEqual([]);
  });

  it('reports an inline tracker under the id of the stored tracker of the same name, with the inline vocabulary', async () => {
    const store = await memoryStore();
    const { tracker } = await store.createTracker(PRICING);
    const { conversationId } = await store.processText({ messages: [say('Is there a pricing plan?'), say('What about a per seat fee?')], trackers: [{ name: 'Pricing', vocabulary: ['per seat fee'] }], enableAllTrackers: true });
    await store.idle();
    const detected = await store.getTrackersDetected(conversationId);
    expect(detected.map((t) => [t.id, t.name])).toEqual([[tracker.id, 'Pricing']]);
    expect(detected[0].matches.map((m) => m.value)).toEqual(['per seat fee']);
  });

  it('gives message refs the stored message ids and offsets', async () => {
    const store = await memoryStore();
    const { conversationId } = await store.processText({ messages: [say('Honestly that is out of our price range.')], trackers: [BUDGET] });
    await store.idle();
    const [message] = (await store.getMessages(conversationId)).messages;
    const [tracker] = await store.getTrackersDetected(conversationId);
    expect(tracker.matches[0]).toMatchObject({ value: 'out of our price range', messageRefs: [{ id: message.id, text: message.text, offset: 17 }] });
  });

  it('applies confidenceThreshold', async () => {
    const store = await memoryStore();
    const messages = [say('Is the budget tight this year?')];
    const loose = await store.processText({ messages, trackers: [BUDGET], confidenceThreshold: 0.5 });
    const strict = await store.processText({ messages, trackers: [BUDGET], confidenceThreshold: 0.95 });
    await store.idle();
    expect(await store.getTrackersDetected(loose.conversationId)).toHaveLength(1);
    expect(await store.getTrackersDetected(strict.conversationId)).toEqual([]);
  });

  it('leaves out a tracker whose excluded phrase matched', async () => {
    const store = await memoryStore();
    const { conversationId } = await store.processText({
      messages: [say('What is the price of the tea?'), say('What is the price?')],
      trackers: [{ name: 'Pricing', vocabulary: ['what is the price'], excludeVocabulary: ['price of the tea'] }],
    });
    await store.idle();
    const [tracker] = await store.getTrackersDetected(conversationId);
    expect(tracker.matches[0].messageRefs.map((r) => r.text)).toEqual(['What is the price?']);
  });

  it('appends in arrival order and detects over the whole conversation afterwards', async () => {
    const store = await memoryStore();
    const { conversationId, jobId } = await store.processText({ messages: [say('first')], trackers: [PRICING] });
    const second = await store.appendText(conversationId, { messages: [say('second'), say('How much does it cost?')] });
    const third = await store.appendText(conversationId, { messages: [say('third: too expensive')], trackers: [BUDGET] });
    expect(second.conversationId).toBe(conversationId);
    await store.idle();
    expect((await store.getMessages(conversationId)).messages.map((m) => m.text)).toEqual(['first', 'second', 'How much does it cost?', 'third: too expensive']);
    expect((await store.getTrackersDetected(conversationId)).map((t) => t.name)).toEqual(['Pricing', 'Budget Concern']);
    for (const id of [jobId, second.jobId, third.jobId]) expect((await store.getJob(id)).status).toBe('completed');
  });

  it.each([
    [{}, /"messages" must be a non-empty array/],
    [{ messages: [] }, /"messages" must be a non-empty array/],
    [{ messages: [{ payload: {} }] }, /messages\[0\]\.payload\.content must be a string/],
    [{ messages: [{ payload: { content: 'x' }, duration: { startTime: 'soon' } }] }, /messages\[0\]\.duration\.startTime must be an ISO time/],
    [{ messages: [say('x')], confidenceThreshold: 0.2 }, /"confidenceThreshold" must be a number from 0.5 to 1/],
    [{ messages: [say('x')], trackers: [{ name: 'T', vocabulary: ['why?'] }] }, /trackers\[0\]|has the character "\?"/],
    [{ messages: [say('x')], webhookUrl: 'ftp://x' }, /"webhookUrl" must be an http\(s\) URL/],
    [{ messages: [say('x')], enableAllTrackers: 'yes' }, /"enableAllTrackers" must be a boolean/],
  ])('refuses the request %j with 400 naming the field', async (body, message) => {
    const error = await rejection((await memoryStore()).processText(body));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });

  it('answers 404 for an unknown conversation, job or tracker id', async () => {
    const store = await memoryStore();
    expect(await rejection(store.appendText('42', { messages: [say('x')] }))).toMatchObject({ code: 'conversation.not_found', status: 404 });
    expect((await rejection(store.getMessages('42'))).status).toBe(404);
    expect((await rejection(store.getTrackersDetected('42'))).status).toBe(404);
    expect((await rejection(store.getQuestions('42'))).status).toBe(404);
    expect(await rejection(store.getJob('nope'))).toMatchObject({ code: 'job.not_found', status: 404 });
    expect(await rejection(store.processText({ messages: [say('x')], trackers: [{ id: '999' }] }))).toMatchObject({ code: 'tracker.not_found', status: 404 });
  });

  it('refuses a request body over the size limit with 413', async () => {
    const store = await memoryStore({ maxBodyBytes: 1000 });
    expect((await rejection(store.processText({ messages: [say('x'.repeat(2000))] }))).status).toBe(413);
  });

  it('loses nothing accepted when a later request fails', async () => {
    const store = await memoryStore();
    const { conversationId } = await store.processText({ messages: [say('How much does it cost?')], trackers: [PRICING] });
    await rejection(store.appendText(conversationId, { messages: [{ payload: { content: 5 } }] }));
    await store.idle();
    expect((await store.getMessages(conversationId)).messages).toHaveLength(1);
    expect(await store.getTrackersDetected(conversationId)).toHaveLength(1);
  });
});
