import { describe, expect, it } from 'vitest';
import { BUDGET, PRICING, memoryStore, rejection } from './helpers.js';

describe('tracker management', () => {
  it('creates a tracker with a numeric-string id and timestamps, and reads it back', async () => {
    const store = await memoryStore();
    const { tracker, warnings } = await store.createTracker(PRICING);
    expect(tracker).toMatchObject({ id: expect.stringMatching(/^\d{16}$/), ...PRICING, createdOn: expect.any(String), updatedOn: tracker.createdOn });
    expect(warnings).toBeUndefined();
    expect(await store.getTracker(tracker.id)).toEqual({ tracker });
    expect(await store.listTrackers()).toEqual({ trackers: [tracker] });
  });

  it('accepts fewer than 5 or more than 50 phrases with a warning', async () => {
    const store = await memoryStore();
    expect((await store.createTracker({ name: 'Short', vocabulary: ['a b', 'c d'] })).warnings).toEqual([expect.stringMatching(/has 2 phrases; 5 to 50 are recommended/)]);
    const many = Array.from({ length: 51 }, (_, i) => `phrase number ${i}`);
    expect((await store.createTracker({ name: 'Long', vocabulary: many })).warnings).toEqual([expect.stringMatching(/has 51 phrases/)]);
  });

  it('refuses a second tracker with the same name (409), but names are case-sensitive', async () => {
    const store = await memoryStore();
    await store.createTracker(PRICING);
    const error = await rejection(store.createTracker(PRICING));
    expect(error).toMatchObject({ code: 'tracker.duplicate_name', status: 409, message: 'a tracker named "Pricing" exists already' });
    await expect(store.createTracker({ ...PRICING, name: 'pricing' })).resolves.toBeDefined();
  });

  it.each([
    [{ name: 'A', vocabulary: ['what is the price?'] }, /phrase "what is the price\?" in "vocabulary" has the character "\?"/],
    [{ name: 'A', vocabulary: ['price, please'] }, /has the character ","/],
    [{ name: 'A', vocabulary: ['Price', ' price '] }, /phrase "price" in "vocabulary" duplicates "Price"/],
    [{ name: 'A', vocabulary: [] }, /"vocabulary" must hold at least one phrase/],
    [{ name: 'A', vocabulary: ['ok', ''] }, /"vocabulary\[1\]" is empty/],
    [{ name: '', vocabulary: ['x'] }, /"name" must be a non-empty string/],
    [{ name: 'A', vocabulary: 'price' }, /"vocabulary" must be an array of strings/],
    [{ name: 'A', vocab: ['price'], vocabulary: ['x'] }, /unknown field "vocab"/],
    [{ name: 'A', vocabulary: ['x'], excludeVocabulary: ['fine!'] }, /in "excludeVocabulary" has the character "!"/],
    [{ name: 'A', vocabulary: ['...'] }, /phrase "..." in "vocabulary" has no letters or digits to match/],
  ])('refuses %j with 400 naming the field and value', async (body, message) => {
    const error = await rejection((await memoryStore()).createTracker(body));
    expect(error).toMatchObject({ code: 'tracker.invalid', status: 400 });
    expect(error.message).toMatch(message);
  });

  it('allows periods, apostrophes and hyphens in phrases', async () => {
    const store = await memoryStore();
    await expect(store.createTracker({ name: 'A', vocabulary: ["let's check-in at 5 p.m.", 'don\u2019t'] })).resolves.toBeDefined();
  });

  it('refuses a body over 1 MB with 413', async () => {
    const store = await memoryStore();
    const big = { name: 'Big', vocabulary: Array.from({ length: 30_000 }, (_, i) => `a rather long phrase number ${i}`) };
    expect(await rejection(store.createTracker(big))).toMatchObject({ code: 'body.too_large', status: 413 });
  });

  it('refuses trackers past the limit', async () => {
    const store = await memoryStore({ maxTrackers: 2 });
    await store.createTrackers([PRICING, BUDGET]);
    const error = await rejection(store.createTracker({ name: 'Third', vocabulary: ['x'] }));
    expect(error).toMatchObject({ code: 'tracker.limit', status: 400 });
    expect(error.message).toMatch(/limit of 2/);
  });

  it('creates in bulk all or nothing', async () => {
    const store = await memoryStore();
    expect((await store.createTrackers([PRICING, BUDGET])).trackers.map((t) => t.name)).toEqual(['Pricing', 'Budget Concern']);
    const error = await rejection(store.createTrackers([{ name: 'New', vocabulary: ['fine'] }, { name: 'Bad', vocabulary: ['what?'] }]));
    expect(error.message).toMatch(/trackers\[1\]|tracker "Bad"/);
    const clash = await rejection(store.createTrackers([{ name: 'Newer', vocabulary: ['fine'] }, PRICING]));
    expect(clash.status).toBe(409);
    expect((await store.listTrackers()).trackers.map((t) => t.name)).toEqual(['Pricing', 'Budget Concern']);
  });

  it('lists trackers by exact name', async () => {
    const store = await memoryStore();
    await store.createTrackers([PRICING, BUDGET, { ...PRICING, name: 'pricing' }]);
    expect((await store.listTrackers({ name: 'Pricing' })).trackers.map((t) => t.name)).toEqual(['Pricing']);
    expect((await store.listTrackers({ name: 'nothing' })).trackers).toEqual([]);
  });

  it('replaces a tracker on update (PUT) and refuses a name taken by another', async () => {
    const store = await memoryStore();
    const { tracker } = await store.createTracker(PRICING);
    await store.createTracker(BUDGET);
    const { tracker: updated } = await store.updateTracker(tracker.id, { id: tracker.id, name: 'Pricing', vocabulary: ['price tag'] });
    expect(updated).toMatchObject({ id: tracker.id, vocabulary: ['price tag'], createdOn: tracker.createdOn });
    expect((await rejection(store.updateTracker(tracker.id, BUDGET))).status).toBe(409);
    expect((await rejection(store.updateTracker(tracker.id, { id: '1', ...PRICING }))).message).toMatch(/does not match the id in the path/);
    expect((await rejection(store.updateTracker('123', PRICING))).status).toBe(404);
  });

  it('patches with JSON Patch add, replace and remove', async () => {
    const store = await memoryStore();
    const { tracker } = await store.createTracker({ ...PRICING, description: 'old', categories: ['sales'] });
    const { tracker: patched } = await store.patchTracker(tracker.id, [
      { op: 'replace', path: '/name', value: 'Price Talk' },
      { op: 'add', path: '/vocabulary/-', value: 'cost per seat' },
      { op: 'remove', path: '/vocabulary/0' },
      { op: 'remove', path: '/description' },
      { op: 'add', path: '/languages', value: ['en-US'] },
    ]);
    expect(patched).toMatchObject({ name: 'Price Talk', languages: ['en-US'], categories: ['sales'] });
    expect(patched.vocabulary).toEqual([...PRICING.vocabulary.slice(1), 'cost per seat']);
    expect(patched.description).toBeUndefined();
  });

  it('adds with an array only the phrases not there yet, removes the listed ones, and replaces with replace (as Symbl does)', async () => {
    const store = await memoryStore();
    const { tracker } = await store.createTracker(PRICING);
    const added = (await store.patchTracker(tracker.id, [{ op: 'add', path: '/vocabulary', value: ['cost per seat', 'What is the price'] }])).tracker;
    expect(added.vocabulary).toEqual([...PRICING.vocabulary, 'cost per seat']);
    const removed = (await store.patchTracker(tracker.id, [{ op: 'remove', path: '/vocabulary', value: ['cost per seat', 'pricing plan'] }])).tracker;
    expect(removed.vocabulary).toEqual(PRICING.vocabulary.filter((p) => p !== 'pricing plan'));
    const excluded = (await store.patchTracker(tracker.id, [{ op: 'add', path: '/excludeVocabulary', value: ['price of tea'] }])).tracker;
    expect(excluded.excludeVocabulary).toEqual(['price of tea']);
    const replaced = (await store.patchTracker(tracker.id, [{ op: 'replace', path: '/vocabulary', value: ['only this'] }])).tracker;
    expect(replaced.vocabulary).toEqual(['only this']);
    expect((await rejection(store.patchTracker(tracker.id, [{ op: 'remove', path: '/vocabulary', value: ['not there'] }]))).message).toMatch(/has no "not there" to remove/);
  });

  it.each([
    [[{ op: 'move', path: '/name' }], /"op" must be "add", "replace" or "remove"/],
    [[{ op: 'replace', path: '/id', value: '1' }], /path "\/id" is not one of/],
    [[{ op: 'remove', path: '/vocabulary/9' }], /index "9" is outside "vocabulary"/],
    [[{ op: 'remove', path: '/name' }], /"name" cannot be removed/],
    [[], /non-empty array of operations/],
  ])('refuses the patch %j', async (ops, message) => {
    const store = await memoryStore();
    const { tracker } = await store.createTracker(PRICING);
    const error = await rejection(store.patchTracker(tracker.id, ops));
    expect(error).toMatchObject({ code: 'patch.invalid', status: 400 });
    expect(error.message).toMatch(message);
  });

  it('checks the patched tracker like a new one', async () => {
    const store = await memoryStore();
    const { tracker } = await store.createTracker(PRICING);
    expect((await rejection(store.patchTracker(tracker.id, [{ op: 'add', path: '/vocabulary/-', value: 'price?' }]))).code).toBe('tracker.invalid');
    expect((await store.getTracker(tracker.id)).tracker.vocabulary).toEqual(PRICING.vocabulary);
  });

  it('deletes a tracker, then knows it no more, and never reuses its id', async () => {
    const store = await memoryStore();
    const { tracker } = await store.createTracker(PRICING);
    expect(await store.deleteTracker(tracker.id)).toEqual({ id: tracker.id, type: 'tracker', deleted: true });
    expect(await rejection(store.getTracker(tracker.id))).toMatchObject({ code: 'tracker.not_found', status: 404 });
    expect((await rejection(store.deleteTracker(tracker.id))).status).toBe(404);
    const again = await store.createTracker(PRICING);
    expect(again.tracker.id).not.toBe(tracker.id);
  });
});
