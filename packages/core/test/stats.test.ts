import { describe, expect, it } from 'vitest';
import { BUDGET, PRICING, memoryStore, rejection, say } from './helpers.js';

describe('trackerStats', () => {
  it('counts hits per tracker, conversation, speaker and day, with filters', async () => {
    const store = await memoryStore();
    const { trackers: [pricing, budget] } = await store.createTrackers([PRICING, BUDGET]);
    const a = await store.processText({
      enableAllTrackers: true,
      messages: [
        say('How much does it cost? What is the price per user?', 'Customer', '2024-03-01T10:00:00Z'),
        say('That is too expensive.', 'Customer', '2024-03-01T10:01:00Z'),
      ],
    });
    const b = await store.processText({
      enableAllTrackers: true,
      messages: [say('What is the price?', 'Agent', '2024-03-02T09:00:00Z')],
    });
    await store.idle();

    const all = await store.trackerStats();
    // One hit per message and tracker, however many of its phrases matched.
    expect(all.trackers).toEqual([
      { trackerId: pricing.id, name: 'Pricing', hits: 2 },
      { trackerId: budget.id, name: 'Budget Concern', hits: 1 },
    ]);
    expect(all.conversations).toEqual(expect.arrayContaining([
      { conversationId: a.conversationId, trackerId: pricing.id, name: 'Pricing', hits: 1 },
      { conversationId: b.conversationId, trackerId: pricing.id, name: 'Pricing', hits: 1 },
    ]));
    expect(all.speakers).toEqual([
      { speaker: 'Agent', trackerId: pricing.id, name: 'Pricing', hits: 1 },
      { speaker: 'Customer', trackerId: budget.id, name: 'Budget Concern', hits: 1 },
      { speaker: 'Customer', trackerId: pricing.id, name: 'Pricing', hits: 1 },
    ]);
    expect(all.days.map((d) => [d.day, d.name, d.hits])).toEqual([
      ['2024-03-01', 'Budget Concern', 1],
      ['2024-03-01', 'Pricing', 1],
      ['2024-03-02', 'Pricing', 1],
    ]);

    expect((await store.trackerStats({ from: '2024-03-02' })).trackers).toEqual([{ trackerId: pricing.id, name: 'Pricing', hits: 1 }]);
    expect((await store.trackerStats({ to: '2024-03-01T23:00:00Z', trackerIds: [budget.id] })).trackers).toEqual([{ trackerId: budget.id, name: 'Budget Concern', hits: 1 }]);
    expect((await store.trackerStats({ speaker: 'Agent' })).trackers).toEqual([{ trackerId: pricing.id, name: 'Pricing', hits: 1 }]);
    expect((await rejection(store.trackerStats({ from: 'last week' }))).message).toMatch(/"from" must be an ISO date/);
  });
});
