import { describe, expect, it } from 'vitest';
import { BUDGET, PRICING, memoryStore, say } from './helpers.js';

describe('insights', () => {
  it('finds questions and action items with Symbl\'s fields and stable ids', async () => {
    const store = await memoryStore();
    const { conversationId } = await store.processText({
      messages: [
        say('Thanks for joining. How much does it cost per seat?', 'Customer'),
        say("It depends on the plan. I'll send you the pricing sheet tomorrow.", 'Agent'),
        say('Great, can you also send me a calendar invite?', 'Customer'),
        say('The weather is nice today.', 'Agent'),
      ],
    });
    await store.idle();
    const { messages } = await store.getMessages(conversationId);
    const { questions } = await store.getQuestions(conversationId);
    expect(questions).toEqual([
      { id: expect.stringMatching(/^\d{16}$/), text: 'How much does it cost per seat?', type: 'question', score: expect.any(Number), messageIds: [messages[0].id], from: messages[0].from },
      expect.objectContaining({ text: 'Great, can you also send me a calendar invite?', messageIds: [messages[2].id] }),
    ]);
    const { actionItems } = await store.getActionItems(conversationId);
    expect(actionItems.map((a) => [a.text, a.type, a.definitive])).toEqual([
      ["I'll send you the pricing sheet tomorrow.", 'action_item', true],
      ['Great, can you also send me a calendar invite?', 'action_item', false],
    ]);
    expect(actionItems[0]).toMatchObject({ messageIds: [messages[1].id], from: { name: 'Agent' }, entities: [], phrases: [] });
    expect((await store.getQuestions(conversationId)).questions.map((q) => q.id)).toEqual(questions.map((q) => q.id));
  });

  it('takes imperatives for action items, with wink-nlp\'s tags, but not a gerund or a thank-you', async () => {
    const store = await memoryStore();
    const { conversationId } = await store.processText({
      messages: [say('Send me the contract by Friday.'), say('Review the pricing sheet and get back to us.'), say('Meeting notes are attached.'), say('Thanks for the call today.')],
    });
    await store.idle();
    expect((await store.getActionItems(conversationId)).actionItems.map((a) => [a.text, a.definitive])).toEqual([
      ['Send me the contract by Friday.', false],
      ['Review the pricing sheet and get back to us.', false],
    ]);
  });

  it('takes "Let me send you the revised quote." for the speaker\'s own action item, definitive, not for an instruction', async () => {
    const store = await memoryStore();
    const { conversationId } = await store.processText({ messages: [say('Let me send you the revised quote.'), say('Let me know if that works.')] });
    await store.idle();
    expect((await store.getActionItems(conversationId)).actionItems.map((a) => [a.text, a.definitive])).toEqual([
      ['Let me send you the revised quote.', true],
      ['Let me know if that works.', false],
    ]);
  });

  it('takes a question put without a question word or mark for a question: "I\'d like to know your opening hours."', async () => {
    const store = await memoryStore();
    const { conversationId } = await store.processText({ messages: [say("I'd like to know your opening hours."), say('We open at nine.')] });
    await store.idle();
    expect((await store.getQuestions(conversationId)).questions.map((q) => q.text)).toEqual(["I'd like to know your opening hours."]);
  });

  it('does not take a refusal for an action item', async () => {
    const store = await memoryStore();
    const { conversationId } = await store.processText({ messages: [say("We won't renew this year."), say('I will not send it.')] });
    await store.idle();
    expect((await store.getActionItems(conversationId)).actionItems).toEqual([]);
  });

  it('lists a question or action item holding a tracker match in insightRefs, offset within its sentence', async () => {
    const store = await memoryStore();
    const { conversationId } = await store.processText({
      messages: [say('Thanks. How much does it cost for ten users?'), say('That is too expensive.')],
      trackers: [PRICING, BUDGET],
    });
    await store.idle();
    const [pricing, budget] = await store.getTrackersDetected(conversationId);
    const [question] = (await store.getQuestions(conversationId)).questions;
    const exact = pricing.matches.find((m) => m.value === 'how much does it cost')!;
    expect(exact.messageRefs[0].offset).toBe(8);
    expect(exact.insightRefs).toEqual([{ id: question.id, text: 'How much does it cost for ten users?', offset: 0, type: 'question' }]);
    expect(budget.matches[0].insightRefs).toEqual([]);
  });
});
