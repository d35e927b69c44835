import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversation, fixtureDir, jsonLines, parseCsv, phrasewatch } from './helpers.js';

const PRICING = { name: 'Pricing', vocabulary: ['what is the price', 'how much does it cost', 'price per user', 'pricing plan', 'subscription fees'] };
const BUDGET = { name: 'Budget Concern', vocabulary: ["I can't afford this", 'too expensive', 'budget is tight', 'out of our price range', "we don't have the budget"] };

describe('phrasewatch trackers', () => {
  it('creates from stdin, lists, gets, updates, patches, exports, imports and deletes', async () => {
    const dir = fixtureDir({ 'budget.json': BUDGET, 'patch.json': [{ op: 'add', path: '/vocabulary/-', value: 'cost per seat' }] });
    const db = ['--db', join(dir, 'store.db')];
    const created = await phrasewatch(['trackers', 'create', ...db], { cwd: dir, input: JSON.stringify(PRICING) });
    expect(created.code).toBe(0);
    const { tracker } = JSON.parse(created.stdout);
    expect(tracker).toMatchObject({ id: expect.stringMatching(/^\d{16}$/), name: 'Pricing' });
    expect((await phrasewatch(['trackers', 'bulk', ...db, '-'], { cwd: dir, input: JSON.stringify([BUDGET, { ...PRICING, name: 'pricing' }]) })).code).toBe(0);

    const list = JSON.parse((await phrasewatch(['trackers', 'list', ...db], { cwd: dir })).stdout);
    expect(list.trackers.map((t: any) => t.name)).toEqual(['Pricing', 'Budget Concern', 'pricing']);
    const table = (await phrasewatch(['trackers', 'list', ...db, '--table', '--name', 'Pricing'], { cwd: dir })).stdout;
    expect(table).toMatch(new RegExp(`id\\s+name\\s+phrases\\s+updated\\n-+.*\\n${tracker.id}\\s+Pricing\\s+5\\s+`));

    expect(JSON.parse((await phrasewatch(['trackers', 'get', tracker.id, ...db], { cwd: dir })).stdout).tracker.name).toBe('Pricing');
    const updated = JSON.parse((await phrasewatch(['trackers', 'update', tracker.id, ...db], { cwd: dir, input: JSON.stringify({ ...PRICING, name: 'Price Talk' }) })).stdout);
    expect(updated.tracker.name).toBe('Price Talk');
    const patched = JSON.parse((await phrasewatch(['trackers', 'patch', tracker.id, 'patch.json', ...db], { cwd: dir })).stdout);
    expect(patched.tracker.vocabulary.at(-1)).toBe('cost per seat');

    const exported = await phrasewatch(['trackers', 'export', ...db, '--out', 'exported.json'], { cwd: dir });
    expect(exported.code).toBe(0);
    const other = ['--db', join(dir, 'other.db')];
    const imported = await phrasewatch(['trackers', 'import', 'exported.json', ...other], { cwd: dir });
    expect(JSON.parse(imported.stdout).trackers.map((t: any) => t.name)).toEqual(['Price Talk', 'Budget Concern', 'pricing']);

    expect(JSON.parse((await phrasewatch(['trackers', 'delete', tracker.id, ...db], { cwd: dir })).stdout)).toEqual({ id: tracker.id, type: 'tracker', deleted: true });
    const gone = await phrasewatch(['trackers', 'get', tracker.id, ...db], { cwd: dir });
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(new RegExp(`tracker "${tracker.id}" does not exist`));
  });

  it.each([
    [['trackers', 'create'], JSON.stringify({ name: 'Bad', vocabulary: ['price?'] }), /phrase "price\?" in "vocabulary" has the character "\?"/],
    [['trackers', 'create'], JSON.stringify({ name: 'NoVocabulary' }), /"vocabulary" must be an array of strings/],
    [['trackers', 'create'], '{"name": ', /standard input: malformed JSON/],
    [['trackers', 'create'], '', /standard input is empty/],
    [['trackers', 'create', 'nope.json'], '', /nope\.json: no such file/],
    [['trackers', 'patch', '1'], '[{"op": "move", "path": "/name"}]', /"op" must be "add", "replace" or "remove"|tracker "1" does not exist/],
  ])('exits 2 with the field and reason: %j', async (args, input, message) => {
    const dir = fixtureDir({});
    const run = await phrasewatch([...args, '--db', join(dir, 'store.db')], { cwd: dir, input });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('refuses a second tracker with the same name (exit 2, the name in the message)', async () => {
    const dir = fixtureDir({ 'p.json': PRICING });
    const db = ['--db', join(dir, 'store.db')];
    await phrasewatch(['trackers', 'create', 'p.json', ...db], { cwd: dir });
    const again = await phrasewatch(['trackers', 'create', 'p.json', ...db], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/a tracker named "Pricing" exists already/);
  });
});

describe('phrasewatch process, job and conversation', () => {
  it('submits a transcript, leaves its job to a worker, and shows the conversation', async () => {
    const dir = fixtureDir({ 'call.txt': 'Lead: How much does it cost?\nRep: I will send you the price sheet today.\n', 'p.json': [PRICING] });
    const db = ['--db', join(dir, 'store.db')];
    const submitted = JSON.parse((await phrasewatch(['process', 'call.txt', '--trackers', 'p.json', ...db], { cwd: dir })).stdout);
    expect(submitted).toEqual({ conversationId: expect.stringMatching(/^\d+$/), jobId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    // Commands that only read or manage the store never run its jobs.
    expect((await phrasewatch(['trackers', 'list', ...db], { cwd: dir })).code).toBe(0);
    expect(JSON.parse((await phrasewatch(['job', submitted.jobId, ...db], { cwd: dir })).stdout)).toEqual({ id: submitted.jobId, status: 'scheduled' });
    const worker = await phrasewatch(['worker', '--until-idle', '--threads', '1', ...db], { cwd: dir });
    expect(worker.code).toBe(0);
    expect(JSON.parse((await phrasewatch(['job', submitted.jobId, ...db], { cwd: dir })).stdout)).toEqual({ id: submitted.jobId, status: 'completed' });
    const messages = JSON.parse((await phrasewatch(['conversation', 'messages', submitted.conversationId, ...db], { cwd: dir })).stdout).messages;
    expect(messages.map((m: any) => [m.from.name, m.text])).toEqual([['Lead', 'How much does it cost?'], ['Rep', 'I will send you the price sheet today.']]);
    const detected = JSON.parse((await phrasewatch(['conversation', 'trackers-detected', submitted.conversationId, ...db], { cwd: dir })).stdout);
    expect(detected[0].matches.find((m: any) => m.value === 'how much does it cost').messageRefs[0]).toMatchObject({ id: messages[0].id, offset: 0 });
    expect(JSON.parse((await phrasewatch(['conversation', 'questions', submitted.conversationId, ...db], { cwd: dir })).stdout).questions).toHaveLength(1);
    expect(JSON.parse((await phrasewatch(['conversation', 'action-items', submitted.conversationId, ...db], { cwd: dir })).stdout).actionItems[0].text).toBe('I will send you the price sheet today.');
    expect(JSON.parse((await phrasewatch(['conversation', 'members', submitted.conversationId, ...db], { cwd: dir })).stdout).members.map((m: any) => m.name)).toEqual(['Lead', 'Rep']);
    expect(JSON.parse((await phrasewatch(['conversation', 'follow-ups', submitted.conversationId, ...db], { cwd: dir })).stdout)).toEqual({ followUps: [] });
    expect(JSON.parse((await phrasewatch(['conversation', 'topics', submitted.conversationId, ...db], { cwd: dir })).stdout).topics.map((t: any) => t.text)).toEqual(['price sheet']);
    expect(JSON.parse((await phrasewatch(['conversation', 'get', submitted.conversationId, ...db], { cwd: dir })).stdout)).toMatchObject({ id: submitted.conversationId, type: 'meeting', members: [{ name: 'Lead' }, { name: 'Rep' }] });
    const bad = await phrasewatch(['conversation', 'summary', submitted.conversationId, ...db], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown view "summary"/);
  });

  it('prints the trackers detected with --wait, using every stored tracker', async () => {
    const dir = fixtureDir({ 'call.json': conversation('c', ['That is too expensive.']), 'b.json': BUDGET });
    const db = ['--db', join(dir, 'store.db')];
    await phrasewatch(['trackers', 'create', 'b.json', ...db], { cwd: dir });
    const run = await phrasewatch(['process', 'call.json', '--enable-all-trackers', '--wait', ...db], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ name: 'Budget Concern', matches: [{ value: 'too expensive' }] });
  });

  it('keeps the store in PHRASEWATCH_DB, else under XDG_DATA_HOME', async () => {
    const dir = fixtureDir({ 'p.json': PRICING });
    const env = { ...process.env };
    try {
      process.env.PHRASEWATCH_DB = join(dir, 'env.db');
      await phrasewatch(['trackers', 'create', 'p.json'], { cwd: dir });
      expect(existsSync(join(dir, 'env.db'))).toBe(true);
      delete process.env.PHRASEWATCH_DB;
      process.env.XDG_DATA_HOME = join(dir, 'xdg');
      await phrasewatch(['trackers', 'create', 'p.json'], { cwd: dir });
      expect(existsSync(join(dir, 'xdg', 'phrasewatch', 'phrasewatch.db'))).toBe(true);
    } finally {
      process.env = env;
    }
  });
});

describe('phrasewatch match --store, then stats', () => {
  it('saves conversations and detections, and counts hits by tracker, day and speaker', async () => {
    const dir = fixtureDir({
      'trackers.json': [PRICING, BUDGET],
      'a.json': conversation('a', ['How much does it cost?', 'That is too expensive.']),
      'b.json': conversation('b', ['What is the price per user?']),
    });
    const db = ['--db', join(dir, 'store.db')];
    const matched = await phrasewatch(['match', '--trackers', 'trackers.json', '--store', ...db, 'a.json', 'b.json'], { cwd: dir });
    expect(matched.code).toBe(0);
    const lines = jsonLines(matched.stdout);
    // The output names each conversation by its store id; the store also takes its file name.
    expect(lines.map((l) => l.conversationId)).toEqual([expect.stringMatching(/^\d{16}$/), expect.stringMatching(/^\d{16}$/)]);
    const byId = JSON.parse((await phrasewatch(['conversation', 'messages', lines[0].conversationId, ...db], { cwd: dir })).stdout);
    const byName = JSON.parse((await phrasewatch(['conversation', 'messages', 'a', ...db], { cwd: dir })).stdout);
    expect(byName).toEqual(byId);
    expect(byId.messages.map((m: any) => m.text)).toEqual(['How much does it cost?', 'That is too expensive.']);
    const list = await phrasewatch(['conversation', 'list', ...db], { cwd: dir });
    expect(list.stdout).toMatch(/^id\s+name\s+when\s+messages\s+hits\n-+.*\n\d{16}\s+a\s+\S+\s+2\s+2\n\d{16}\s+b\s+\S+\s+1\s+1\n$/);
    const listed = JSON.parse((await phrasewatch(['conversation', 'list', '--format', 'json', ...db], { cwd: dir })).stdout);
    expect(listed.conversations.map((c: any) => [c.name, c.messageCount, c.hits])).toEqual([['a', 2, 2], ['b', 1, 1]]);
    const listedCsv = parseCsv((await phrasewatch(['conversation', 'list', '--format', 'csv', ...db], { cwd: dir })).stdout);
    expect(listedCsv.map((r) => [r[1], r[3], r[4]])).toEqual([['name', 'messages', 'hits'], ['a', '2', '2'], ['b', '1', '1']]);
    expect((await phrasewatch(['conversation', 'list', '--format', 'xml', ...db], { cwd: dir })).stderr).toMatch(/--format must be table, json or csv/);
    // A store made here is its owner's alone: it holds transcripts and the key that signs API tokens.
    expect(statSync(join(dir, 'store.db')).mode & 0o777).toBe(0o600);
    const stats = JSON.parse((await phrasewatch(['stats', '--format', 'json', ...db], { cwd: dir })).stdout);
    expect(stats.trackers.map((t: any) => [t.name, t.hits])).toEqual([['Pricing', 2], ['Budget Concern', 1]]);
    expect(stats.speakers.map((s: any) => [s.speaker, s.name, s.hits])).toEqual([['Agent', 'Pricing', 2], ['Customer', 'Budget Concern', 1]]);
    const csv = parseCsv((await phrasewatch(['stats', '--format', 'csv', '--speaker', 'Customer', ...db], { cwd: dir })).stdout);
    expect(csv[0]).toEqual(['by', 'key', 'trackerId', 'tracker', 'hits']);
    expect(csv.filter((r) => r[0] === 'tracker').map((r) => [r[3], r[4]])).toEqual([['Budget Concern', '1']]);
    const table = (await phrasewatch(['stats', ...db], { cwd: dir })).stdout;
    expect(table).toMatch(/tracker\s+id\s+hits\n-+.*\nPricing\s+\d+\s+2\nBudget Concern\s+\d+\s+1/);
    expect(table).toMatch(/2024-01-01\s+Pricing\s+2/);
    const bad = await phrasewatch(['stats', '--from', 'yesterday', ...db], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"from" must be an ISO date/);
  });

  it('counts hits of subtitles without a known start under "undated", and a date range leaves them out', async () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Sam>How much does it cost?\n';
    const dir = fixtureDir({ 'trackers.json': [PRICING], 'call.vtt': vtt, 'dated.vtt': vtt });
    const db = ['--db', join(dir, 'store.db')];
    expect((await phrasewatch(['match', '--trackers', 'trackers.json', '--store', ...db, 'call.vtt'], { cwd: dir })).code).toBe(0);
    expect((await phrasewatch(['match', '--trackers', 'trackers.json', '--store', '--started-at', '2024-03-05T10:00:00Z', ...db, 'dated.vtt'], { cwd: dir })).code).toBe(0);
    const all = JSON.parse((await phrasewatch(['stats', '--format', 'json', ...db], { cwd: dir })).stdout);
    expect(all.days.map((d: any) => [d.day, d.hits])).toEqual([['2024-03-05', 1], ['undated', 1]]);
    const ranged = JSON.parse((await phrasewatch(['stats', '--format', 'json', '--from', '2024-03-01', ...db], { cwd: dir })).stdout);
    expect(ranged.days.map((d: any) => [d.day, d.hits])).toEqual([['2024-03-05', 1]]);
  });

  it('says an empty --trackers file holds no trackers, and counts one phrase as one', async () => {
    const dir = fixtureDir({ 'empty.json': [], 'one.json': { name: 'Solo', vocabulary: ['just this'] }, 'call.txt': 'hi' });
    const empty = await phrasewatch(['match', '--trackers', 'empty.json', 'call.txt'], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--trackers empty\.json: the file holds no trackers/);
    const created = JSON.parse((await phrasewatch(['trackers', 'create', 'one.json', '--db', join(dir, 's.db')], { cwd: dir })).stdout);
    expect(created.warnings).toEqual(['tracker "Solo" has 1 phrase; 5 to 50 are recommended']);
  });

  it('matches with the store\'s trackers with --all-trackers', async () => {
    const dir = fixtureDir({ 'b.json': BUDGET, 'call.txt': 'that is too expensive' });
    const db = ['--db', join(dir, 'store.db')];
    const empty = await phrasewatch(['match', '--all-trackers', ...db, 'call.txt'], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/the store has no trackers/);
    await phrasewatch(['trackers', 'create', 'b.json', ...db], { cwd: dir });
    const run = await phrasewatch(['match', '--all-trackers', ...db, 'call.txt'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)[0].trackers[0].name).toBe('Budget Concern');
    // Without --store, the store's trackers are read and nothing is written to it.
    expect(JSON.parse((await phrasewatch(['conversation', 'list', '--format', 'json', ...db], { cwd: dir })).stdout).conversations).toEqual([]);
  });
});

describe('conventions', () => {
  it.each([['match'], ['trackers', 'create'], ['trackers', 'list'], ['process'], ['job'], ['conversation'], ['stats'], ['report']])('"%s --help" shows an example', async (...command) => {
    const run = await phrasewatch([...command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Example:\n {2}.*phrasewatch /);
  });

  it('exits 2 on an unknown command or option, with the error and one line pointing at --help', async () => {
    expect((await phrasewatch(['frobnicate'])).code).toBe(2);
    const bad = await phrasewatch(['match', '--nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual(["error: unknown option '--nope'", '(add --help for usage and an example)']);
  });
});
