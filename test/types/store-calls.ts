// Compiled by test/types.test.ts with strict TypeScript: each @ts-expect-error must be a real error, so a
// store method that takes `unknown` again fails the test.
import { openStore } from '@phrasewatch/core';

export async function calls(): Promise<void> {
  const store = await openStore({ memory: true });
  await store.createTracker({ name: 'Pricing', vocabulary: ['what is the price'] });
  // @ts-expect-error a misspelled field is not a tracker body
  await store.createTracker({ name: 'Pricing', vocab: ['what is the price'] });
  // @ts-expect-error the vocabulary is a list of phrases
  await store.createTrackers([{ name: 'Pricing', vocabulary: 'what is the price' }]);
  // @ts-expect-error an update is a whole tracker body
  await store.updateTracker('1', { vocabulary: ['x'] });
  // @ts-expect-error a patch is a list of operations
  await store.patchTracker('1', { op: 'add', path: '/vocabulary/-', value: 'x' });
  await store.processText({ messages: [{ payload: { content: 'hello' } }] });
  // @ts-expect-error messages carry their text in payload.content
  await store.processText({ messages: [{ text: 'hello' }] });
  // @ts-expect-error appends take a request body too
  await store.appendText('1', { messages: 'hello' });
  await store.close();
}
