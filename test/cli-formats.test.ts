import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversation, fixtureDir, jsonLines, parseCsv, phrasewatch } from './helpers.js';

const TRACKERS = [
  { name: 'Pricing', vocabulary: ['how much does it cost', 'price per user'] },
  { name: 'Follow Up', vocabulary: ['send me a calendar invite', "let's reconnect"] },
];

const VTT = `WEBVTT

1
00:00:01.000 --> 00:00:04.500
<v Dana Reyes>Hi Sam, thanks for joining.

2
00:00:05.000 --> 00:00:08.250
<v Sam>So how much does it cost per seat?

00:00:09.000 --> 00:00:12.000
<v.loud Dana Reyes>It is <b>twenty</b> dollars, price per user.
`;

const SRT = `1
00:00:01,000 --> 00:00:03,000
Agent: Could you send me a calendar invite?

2
00:01:02,500 --> 00:01:05,000
Customer: Sure, let's reconnect Friday.
`;

const TXT = `Agent: How much does it cost for ten people?
Customer: Let's reconnect next week.
A line without a speaker, price per user.
`;

const ASYNC = {
  name: 'async-call',
  messages: [
    { payload: { content: 'What is the onboarding fee?' }, from: { name: 'Lead' }, duration: { startTime: '2024-05-01T10:00:00Z', endTime: '2024-05-01T10:00:03Z' } },
    { payload: { content: 'How much does it cost?' }, from: { name: 'Lead' } },
  ],
  trackers: [{ name: 'Onboarding', vocabulary: ['onboarding fee'] }],
};

function csvRows(stdout: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(stdout);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe('phrasewatch match: input formats', () => {
  it('reads a multi-speaker WebVTT file: speakers from <v> tags, tags stripped, times kept', async () => {
    const dir = fixtureDir({ 'trackers.json': TRACKERS, 'call.vtt': VTT });
    const run = await phrasewatch(['match', '--trackers', 'trackers.json', '--format', 'csv', 'call.vtt'], { cwd: dir });
    expect(run.code).toBe(0);
    // Cue times are offsets from the start of the recording: no wall-clock time unless it is given.
    expect(csvRows(run.stdout).map((r) => [r.conversationId, r.tracker, r.messageId, r.speaker, r.startTime, r.timeOffset, r.text])).toEqual([
      ['call', 'Pricing', 'call-2', 'Sam', '', '5', 'So how much does it cost per seat?'],
      ['call', 'Pricing', 'call-3', 'Dana Reyes', '', '9', 'It is twenty dollars, price per user.'],
    ]);
    const started = await phrasewatch(['match', '--trackers', 'trackers.json', '--format', 'csv', '--started-at', '2024-03-01T09:30:00Z', 'call.vtt'], { cwd: dir });
    expect(csvRows(started.stdout).map((r) => [r.startTime, r.timeOffset])).toEqual([['2024-03-01T09:30:05.000Z', '5'], ['2024-03-01T09:30:09.000Z', '9']]);
    const bad = await phrasewatch(['match', '--trackers', 'trackers.json', '--started-at', 'soon', 'call.vtt'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--started-at must be an ISO time/);
  });

  it('reads SubRip with timestamps and "Speaker:" prefixes', async () => {
    const dir = fixtureDir({ 'trackers.json': TRACKERS, 'call.srt': SRT });
    const run = await phrasewatch(['match', '--trackers', 'trackers.json', '--format', 'csv', 'call.srt'], { cwd: dir });
    expect(csvRows(run.stdout).map((r) => [r.phrase, r.speaker, r.timeOffset, r.offset, r.text])).toEqual([
      ['send me a calendar invite', 'Agent', '1', '10', 'Could you send me a calendar invite?'],
      ["let's reconnect", 'Customer', '62.5', '6', "Sure, let's reconnect Friday."],
    ]);
  });

  it('reads plain text, one message per line, with and without a speaker', async () => {
    const dir = fixtureDir({ 'trackers.json': TRACKERS, 'notes.txt': TXT });
    const rows = csvRows((await phrasewatch(['match', '--trackers', 'trackers.json', '--format', 'csv', 'notes.txt'], { cwd: dir })).stdout);
    expect(rows.map((r) => [r.messageId, r.speaker, r.offset])).toEqual([
      ['notes-1', 'Agent', '0'],
      ['notes-3', '', '26'],
      ['notes-2', 'Customer', '0'],
    ]);
  });

  it('reads an Async Text API body and applies its inline trackers to that file only', async () => {
    const dir = fixtureDir({ 'trackers.json': TRACKERS, 'async.json': ASYNC, 'plain.json': conversation('plain', ['What is the onboarding fee?']) });
    const lines = jsonLines((await phrasewatch(['match', '--trackers', 'trackers.json', 'async.json', 'plain.json'], { cwd: dir })).stdout);
    expect(lines[0].conversationId).toBe('async-call');
    expect(lines[0].trackers.map((t: any) => t.name)).toEqual(['Pricing', 'Onboarding']);
    expect(lines[0].trackers[1].matches[0].messageRefs[0]).toEqual({ id: 'async-call-1', text: 'What is the onboarding fee?', offset: 12 });
    expect(lines[1].trackers).toEqual([]);
  });

  it('reads JSON Lines of both shapes, one record per conversation', async () => {
    const jsonl = [JSON.stringify(conversation('one', ['how much does it cost'])), '', JSON.stringify({ messages: [{ payload: { content: "let's reconnect" } }] })].join('\n');
    const dir = fixtureDir({ 'trackers.json': TRACKERS, 'batch.jsonl': jsonl });
    const lines = jsonLines((await phrasewatch(['match', '--trackers', 'trackers.json', 'batch.jsonl'], { cwd: dir })).stdout);
    expect(lines.map((l) => [l.conversationId, l.source, l.trackers[0]?.name])).toEqual([
      ['one', 'batch.jsonl', 'Pricing'],
      ['batch-3', 'batch.jsonl', 'Follow Up'],
    ]);
  });

  it('takes --input-format over the extension', async () => {
    const dir = fixtureDir({ 'trackers.json': TRACKERS, 'call.log': 'Agent: how much does it cost\n' });
    const run = await phrasewatch(['match', '--trackers', 'trackers.json', '--input-format', 'txt', 'call.log'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)[0].trackers[0].name).toBe('Pricing');
  });

  it('names an unknown format and a broken subtitle file, and goes on with the others', async () => {
    const dir = fixtureDir({ 'trackers.json': TRACKERS, 'slides.pdf': '%PDF-1.4 \u0000\u0001', 'README.md': '# notes', 'bad.vtt': 'not a vtt file', 'ok.txt': 'how much does it cost' });
    const run = await phrasewatch(['match', '--trackers', 'trackers.json', 'slides.pdf', 'README.md', 'bad.vtt', 'ok.txt'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(jsonLines(run.stdout).map((l) => l.source)).toEqual(['ok.txt']);
    expect(run.stderr).toMatch(/slides\.pdf: unknown format: the file is binary; give --input-format/);
    expect(run.stderr).toMatch(/README\.md: unknown format: ".md" files are not transcripts/);
    expect(run.stderr).toMatch(/bad\.vtt: WebVTT: the file does not start with "WEBVTT"/);
  });
});

describe('phrasewatch match: paths', () => {
  it('walks folders recursively and expands globs, in a stable order', async () => {
    const dir = fixtureDir({ 'trackers.json': TRACKERS });
    const calls = join(dir, 'calls');
    for (const [name, text] of [['b/2.txt', "let's reconnect"], ['a.txt', 'how much does it cost'], ['b/1.srt', SRT], ['.hidden.txt', 'x']]) {
      const path = join(calls, name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
    }
    const walked = jsonLines((await phrasewatch(['match', '--trackers', 'trackers.json', 'calls'], { cwd: dir })).stdout);
    expect(walked.map((l) => l.source)).toEqual(['calls/a.txt', 'calls/b/1.srt', 'calls/b/2.txt']);
    const globbed = jsonLines((await phrasewatch(['match', '--trackers', 'trackers.json', 'calls/**/*.txt'], { cwd: dir })).stdout);
    expect(globbed.map((l) => l.source)).toEqual(['calls/a.txt', 'calls/b/2.txt']);
    const none = await phrasewatch(['match', '--trackers', 'trackers.json', 'calls/*.vtt'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/calls\/\*\.vtt: no files match this pattern/);
  });

  it('keeps the good lines of a JSON Lines file, reports each bad one as FILE:LINE, and still exits 1', async () => {
    const dir = fixtureDir({
      'trackers.json': TRACKERS,
      'mixed.jsonl': '{"messages": [{"text": "how much does it cost"}]}\n{bad json\n{"conversationId": "c3", "messages": [{"text": "how much does it cost"}]}\n{"messages": 5}\n',
    });
    const run = await phrasewatch(['match', '--trackers', 'trackers.json', 'mixed.jsonl'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(jsonLines(run.stdout).map((l) => l.conversationId)).toEqual(['mixed-1', 'c3']);
    expect(run.stderr).toMatch(/2 lines could not be read \(the others were\):\n {2}mixed\.jsonl:2: malformed JSON at line 1, column 2: .*\n {2}mixed\.jsonl:4: /);
  });

  it('gives messages without ids the ids <conversation>-<n>, and uses a top-level conversationId', async () => {
    const dir = fixtureDir({ 'trackers.json': TRACKERS, 'noids.json': { messages: [{ text: 'hello' }, { text: 'how much does it cost' }] }, 'named.jsonl': '{"conversationId": "call-7", "messages": [{"text": "how much does it cost"}]}\n' });
    const run = await phrasewatch(['match', '--trackers', 'trackers.json', 'noids.json', 'named.jsonl'], { cwd: dir });
    expect(run.code).toBe(0);
    const [noids, named] = jsonLines(run.stdout);
    expect(noids.conversationId).toBe('noids');
    expect(noids.trackers[0].matches[0].messageRefs[0].id).toBe('noids-2');
    expect(named.conversationId).toBe('call-7');
    expect(named.trackers[0].matches[0].messageRefs[0].id).toBe('call-7-1');
  });

  it('reads a transcript from standard input with -, its format sniffed or given', async () => {
    const dir = fixtureDir({ 'trackers.json': TRACKERS });
    const text = await phrasewatch(['match', '--trackers', 'trackers.json', '-'], { cwd: dir, input: 'Lead: how much does it cost\nRep: ten dollars\n' });
    expect(text.code).toBe(0);
    expect(jsonLines(text.stdout)).toEqual([expect.objectContaining({ conversationId: 'stdin', source: '-' })]);
    expect(jsonLines(text.stdout)[0].trackers[0].matches[0].messageRefs[0]).toMatchObject({ id: 'stdin-1', offset: 0 });
    const json = await phrasewatch(['match', '--trackers', 'trackers.json', '--input-format', 'conversation', '-'], { cwd: dir, input: JSON.stringify(conversation('piped', ['how much does it cost'])) });
    expect(jsonLines(json.stdout)[0].conversationId).toBe('piped');
  });

  it('takes only transcripts from a walked folder, says how many other files it skipped, and reads a named file whatever its extension', async () => {
    const dir = fixtureDir({ 'trackers.json': TRACKERS });
    const calls = join(dir, 'calls');
    mkdirSync(calls);
    for (const [name, text] of [['a.txt', 'how much does it cost'], ['NOTES.md', '# notes'], ['data.csv', 'a,b\n1,2']]) writeFileSync(join(calls, name), text);
    const run = await phrasewatch(['match', '--trackers', 'trackers.json', 'calls'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout).map((l) => l.source)).toEqual(['calls/a.txt']);
    expect(run.stderr).toMatch(/skipped 2 files in folders that are not transcripts \(\.json \.jsonl \.ndjson \.vtt \.srt \.txt\)/);
    const named = await phrasewatch(['match', '--trackers', 'trackers.json', 'calls/NOTES.md'], { cwd: dir });
    expect(named.code).toBe(1);
    expect(named.stderr).toMatch(/calls\/NOTES\.md: unknown format/);
  });
});

describe('phrasewatch match: output', () => {
  const files = () =>
    fixtureDir({
      'trackers.json': TRACKERS,
      'a.json': conversation('a', ['How much does it cost, "roughly"?', 'send me a calendar invite,\nplease']),
      'b.json': conversation('b', ['nothing to see']),
    });

  it('writes one JSON array with --format json', async () => {
    const dir = files();
    const run = await phrasewatch(['match', '--trackers', 'trackers.json', '--format', 'json', 'a.json', 'b.json'], { cwd: dir });
    const parsed = JSON.parse(run.stdout);
    expect(parsed.map((r: any) => r.conversationId)).toEqual(['a', 'b']);
    expect(parsed).toEqual(jsonLines((await phrasewatch(['match', '--trackers', 'trackers.json', 'a.json', 'b.json'], { cwd: dir })).stdout));
  });

  it('writes CSV that parses back, quotes, commas and line breaks included', async () => {
    const dir = files();
    const run = await phrasewatch(['match', '--trackers', 'trackers.json', '--format', 'csv', 'a.json', 'b.json'], { cwd: dir });
    const rows = parseCsv(run.stdout);
    expect(rows[0]).toEqual(['conversationId', 'source', 'tracker', 'phrase', 'messageId', 'offset', 'speaker', 'startTime', 'timeOffset', 'text']);
    expect(rows.slice(1)).toEqual([
      ['a', 'a.json', 'Pricing', 'how much does it cost', 'a-1', '0', 'Agent', '2024-01-01T09:00:00.000Z', '', 'How much does it cost, "roughly"?'],
      ['a', 'a.json', 'Follow Up', 'send me a calendar invite', 'a-2', '0', 'Customer', '2024-01-01T09:00:05.000Z', '', 'send me a calendar invite,\nplease'],
    ]);
  });

  it('prints a human summary with --format table', async () => {
    const run = await phrasewatch(['match', '--trackers', 'trackers.json', '--format', 'table', 'a.json', 'b.json'], { cwd: files() });
    expect(run.stdout).toMatch(/^Matches\ntracker\s+phrase\s+message\s+where\s+text\n/);
    expect(run.stdout).toMatch(/Pricing\s+\S.*\s+a-\d+\s+(at \d+|similar)\s+\S/);
    expect(run.stdout).toMatch(/conversation\s+source\s+messages\s+trackers/);
    expect(run.stdout).toMatch(/a\s+a\.json\s+2\s+Pricing ×1, Follow Up ×1/);
    expect(run.stdout).toMatch(/Trackers\ntracker\s+messages matched\n-+\s+-+\nFollow Up\s+1\nPricing\s+1/);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('writes --out atomically: all of it or, on a usage error, nothing, and no temporary file left', async () => {
    const dir = files();
    const out = join(dir, 'out.jsonl');
    const run = await phrasewatch(['match', '--trackers', 'trackers.json', '--out', 'out.jsonl', 'a.json', 'b.json'], { cwd: dir });
    expect(run.stdout).toBe('');
    expect(jsonLines(readFileSync(out, 'utf8')).map((l) => l.conversationId)).toEqual(['a', 'b']);
    writeFileSync(out, 'previous result\n');
    const failed = await phrasewatch(['match', '--trackers', 'missing.json', '--out', 'out.jsonl', 'a.json'], { cwd: dir });
    expect(failed.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous result\n');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    const bad = await phrasewatch(['match', '--trackers', 'trackers.json', '--out', join(dir, 'no-such-dir', 'x.jsonl'), 'a.json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--out .*no-such-dir.*: no such file/);
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
  });

  it('stops at the first bad file with --fail-fast, and lists every bad file otherwise', async () => {
    const dir = fixtureDir({ 'trackers.json': TRACKERS, '1.txt': 'how much does it cost', '2.json': '{"messages": [', '3.txt': "let's reconnect", '4.json': '{}' });
    const all = await phrasewatch(['match', '--trackers', 'trackers.json', '1.txt', '2.json', '3.txt', '4.json'], { cwd: dir });
    expect(all.code).toBe(1);
    expect(jsonLines(all.stdout).map((l) => l.source)).toEqual(['1.txt', '3.txt']);
    expect(all.stderr).toMatch(/2 of 4 files failed:\n {2}2\.json: malformed JSON.*\n {2}4\.json: unknown format: JSON without a "messages" array/);
    const fast = await phrasewatch(['match', '--trackers', 'trackers.json', '--fail-fast', '1.txt', '2.json', '3.txt', '4.json'], { cwd: dir });
    expect(fast.code).toBe(1);
    expect(jsonLines(fast.stdout).map((l) => l.source)).toEqual(['1.txt']);
    expect(fast.stderr).toMatch(/stopped at the first failure \(--fail-fast\):\n {2}2\.json: malformed JSON/);
    expect(fast.stderr).not.toMatch(/4\.json/);
  });
});
