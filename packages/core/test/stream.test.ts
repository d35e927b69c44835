import { describe, expect, it } from 'vitest';
import type { TrackerResponse } from '../src/index.js';
import { BUDGET, PRICING, memoryStore } from './helpers.js';

describe('streaming', () => {
  it('answers each pushed message with a tracker_response event for that message', async () => {
    const store = await memoryStore();
    const events: TrackerResponse[] = [];
    const stream = await store.createStream({ trackers: [PRICING], onTrackerResponse: (e) => events.push(e) });
    const first = stream.push({ id: 'm1', text: 'How much does it cost?' });
    stream.push({ id: 'm2', text: 'Hello again' });
    expect(first).toEqual({
      type: 'tracker_response',
      isFinal: true,
      sequenceNumber: 1,
      trackers: [{ id: expect.any(String), name: 'Pricing', matches: [
        // "How much does it cost?" asks the price too, so the first phrase matches it as contextually similar.
        { type: 'vocabulary', value: 'what is the price', messageRefs: [{ id: 'm1', text: 'How much does it cost?', offset: -1 }], insightRefs: [] },
        { type: 'vocabulary', value: 'how much does it cost', messageRefs: [{ id: 'm1', text: 'How much does it cost?', offset: 0 }], insightRefs: [] },
      ] }],
    });
    expect(events.map((e) => [e.sequenceNumber, e.trackers.length])).toEqual([[1, 1], [2, 0]]);
  });

  it('answers interim messages only when asked for interim results, and keeps only final ones', async () => {
    const store = await memoryStore();
    const quiet = await store.createStream({ trackers: [PRICING] });
    expect(quiet.push({ text: 'how much does it' }, { isFinal: false })).toBeNull();
    const chatty = await store.createStream({ trackers: [PRICING], interimResults: true });
    expect(chatty.push({ text: 'how much does it cost' }, { isFinal: false })).toMatchObject({ isFinal: false, sequenceNumber: 1 });
    const { conversationId } = await chatty.close();
    expect((await store.getMessages(conversationId)).messages).toEqual([]);
  });

  it('stores the conversation on close, with final detections equal to getTrackersDetected', async () => {
    const store = await memoryStore();
    const { tracker } = await store.createTracker(BUDGET);
    const stream = await store.createStream({ trackers: [PRICING, { id: tracker.id }] });
    const texts = ['What is the price per user?', 'Is the budget tight this year?', "We can't afford this.", 'Nothing to see.'];
    for (const text of texts) stream.push({ text, from: { name: 'Customer' } });
    const closed = await stream.close();
    const { messages } = await store.getMessages(closed.conversationId);
    expect(messages.map((m) => m.text)).toEqual(texts);
    expect(closed.trackers.map((t) => t.name)).toEqual(['Pricing', 'Budget Concern']);
    expect(closed.trackers).toEqual(await store.getTrackersDetected(closed.conversationId));
    await expect(stream.close()).rejects.toThrow(/the stream is closed/);
    expect(() => stream.push({ text: 'late' })).toThrow(/the stream is closed/);
  });

  it('refuses a message without text and an unknown tracker id', async () => {
    const store = await memoryStore();
    const stream = await store.createStream({ trackers: [PRICING] });
    expect(() => stream.push({} as never)).toThrow(/needs "text"/);
    await expect(store.createStream({ trackers: [{ id: '77' }] })).rejects.toMatchObject({ status: 404 });
  });
});
