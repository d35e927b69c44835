import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversation, fixtureDir, jsonLines, phrasewatch } from './helpers.js';

const TRACKERS = [
  { name: 'Budget Concern', vocabulary: ["I can't afford this", 'budget is tight', 'too expensive'] },
  { name: 'Follow Up', vocabulary: ['send me a calendar invite', "let's reconnect"] },
];

describe('phrasewatch match', () => {
  it('prints the README example: the seed tracker against the bundled sales call', async () => {
    const run = await phrasewatch(['match', '--trackers', 'examples/promotion-trackers.json', 'examples/sales-call.json']);
    expect(run.code).toBe(0);
    const [line, ...rest] = jsonLines(run.stdout);
    expect(rest).toEqual([]);
    expect(line.conversationId).toBe('sales-call');
    expect(line.source).toBe('examples/sales-call.json');
    const refs = line.trackers[0].matches.flatMap((m: any) => m.messageRefs.map((r: any) => [m.value, r.id, r.offset]));
    expect(refs).toContainEqual(['We have a sale right now on', 'sales-call-03', -1]);
    expect(refs).toContainEqual(['We have a special promotion going on if you book this before', 'sales-call-04', 6]);
  });

  it('prints one line per file in argument order, conversationId from the messages or else the file name', async () => {
    const dir = fixtureDir({
      'trackers.json': TRACKERS,
      'b.json': conversation('call-b', ['Is the budget tight this year?']),
      'a-file.json': { messages: [{ id: '1', text: "let's reconnect next week" }] },
    });
    const run = await phrasewatch(['match', '--trackers', 'trackers.json', 'b.json', 'a-file.json'], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => [l.conversationId, l.source])).toEqual([['call-b', 'b.json'], ['a-file', 'a-file.json']]);
    expect(lines[1].trackers).toEqual([
      {
        id: expect.stringMatching(/^\d{16}$/),
        name: 'Follow Up',
        matches: [{ type: 'vocabulary', value: "let's reconnect", messageRefs: [{ id: '1', text: "let's reconnect next week", offset: 0 }], insightRefs: [] }],
      },
    ]);
  });

  it('reports a bad file on stderr with its reason, still prints the others, and exits 1', async () => {
    const dir = fixtureDir({
      'trackers.json': TRACKERS,
      'good1.json': conversation('g1', ['that is too expensive']),
      'broken.json': '{"messages": [',
      'wrong.json': { messages: [{ id: 'x' }] },
      'good2.json': conversation('g2', ['send me a calendar invite']),
    });
    const run = await phrasewatch(['match', '--trackers', 'trackers.json', 'good1.json', 'broken.json', 'missing.json', 'wrong.json', 'good2.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(jsonLines(run.stdout).map((l) => l.conversationId)).toEqual(['g1', 'g2']);
    expect(run.stderr).toMatch(/broken\.json: malformed JSON/);
    expect(run.stderr).toMatch(/missing\.json: no such file/);
    expect(run.stderr).toMatch(/wrong\.json: messages\[0\]\.text must be a string/);
    expect(run.stderr).toMatch(/3 of 5 files failed/);
  });

  it('adds score and tier with --details and filters with --threshold', async () => {
    const dir = fixtureDir({ 'trackers.json': TRACKERS, 'c.json': conversation('c', ['Is the budget tight this year?', 'That is too expensive.']) });
    const detailed = jsonLines((await phrasewatch(['match', '--trackers', 'trackers.json', '--details', 'c.json'], { cwd: dir })).stdout)[0];
    const refs = detailed.trackers[0].matches.flatMap((m: any) => m.messageRefs);
    expect(refs).toEqual([
      expect.objectContaining({ id: 'c-1', offset: -1, tier: 'gap', score: expect.any(Number) }),
      expect.objectContaining({ id: 'c-2', offset: 8, tier: 'exact', score: 1 }),
    ]);
    const strict = jsonLines((await phrasewatch(['match', '--trackers', 'trackers.json', '--threshold', '0.95', 'c.json'], { cwd: dir })).stdout)[0];
    expect(strict.trackers[0].matches.flatMap((m: any) => m.messageRefs.map((r: any) => r.id))).toEqual(['c-2']);
  });

  it('gives the same lines with --workers 2 as on one thread', async () => {
    const files: Record<string, unknown> = { 'trackers.json': TRACKERS };
    const texts = ['Is the budget tight?', "we can't afford this", 'could you send me a calender invite', 'nothing here', "let's reconnect"];
    for (let i = 0; i < 12; i++) files[`c${i}.json`] = conversation(`c${i}`, [texts[i % 5], texts[(i + 2) % 5]]);
    const dir = fixtureDir(files);
    const names = Object.keys(files).filter((f) => f !== 'trackers.json');
    const single = await phrasewatch(['match', '--trackers', 'trackers.json', '--details', ...names], { cwd: dir });
    const pooled = await phrasewatch(['match', '--trackers', 'trackers.json', '--details', '--workers', '2', ...names], { cwd: dir });
    expect(single.code).toBe(0);
    expect(pooled.code).toBe(0);
    expect(jsonLines(single.stdout)).toHaveLength(12);
    expect(pooled.stdout).toBe(single.stdout);
  });

  it('gives the same lines with --workers 2 and --threshold as on one thread, the threads sharing the lines they matched', async () => {
    const files: Record<string, unknown> = { 'trackers.json': TRACKERS };
    const texts = ['Is the budget tight?', "we can't afford this", 'That is too expensive.', 'nothing here', "let's reconnect"];
    for (let i = 0; i < 70; i++) files[`c${String(i).padStart(2, '0')}.json`] = conversation(`c${i}`, [texts[i % 5], texts[(i + 2) % 5], texts[(i + 3) % 5]]);
    const dir = fixtureDir(files);
    const names = Object.keys(files).filter((f) => f !== 'trackers.json');
    const run = async (...flags: string[]) => {
      const { code, stdout } = await phrasewatch(['match', '--trackers', 'trackers.json', '--details', ...flags, ...names], { cwd: dir });
      expect(code).toBe(0);
      return stdout;
    };
    const refCount = (stdout: string) => jsonLines(stdout).reduce((n: number, r: any) => n + r.trackers.reduce((k: number, t: any) => k + t.matches.reduce((j: number, m: any) => j + m.messageRefs.length, 0), 0), 0);
    const strict = await run('--threshold', '0.95', '--workers', '1');
    expect(await run('--threshold', '0.95', '--workers', '2')).toBe(strict);
    const loose = await run('--workers', '2');
    expect(loose).toBe(await run('--workers', '1'));
    expect(refCount(strict)).toBeGreaterThan(0);
    expect(refCount(strict)).toBeLessThan(refCount(loose));
  });

  // 70 files are five batches: the worker and this thread both convert some of them.
  it.each(['jsonl', 'json', 'csv'])('gives the same --format %s output and the same failures with --workers 2 over many files', async (format) => {
    const files: Record<string, unknown> = { 'trackers.json': TRACKERS };
    const texts = ['Is the budget tight?', "we can't afford this", 'could you send me a calender invite', 'nothing here', "let's reconnect", 'That is “too expensive”, sadly']; 
    for (let i = 0; i < 70; i++) files[`c${String(i).padStart(2, '0')}.json`] = i === 33 ? '{"messages": [' : conversation(`c${i}`, [texts[i % 6], texts[(i + 2) % 6], texts[(i + 3) % 6]]);
    const dir = fixtureDir(files);
    const names = Object.keys(files).filter((f) => f !== 'trackers.json');
    const single = await phrasewatch(['match', '--trackers', 'trackers.json', '--format', format, '--workers', '1', ...names], { cwd: dir });
    const pooled = await phrasewatch(['match', '--trackers', 'trackers.json', '--format', format, '--workers', '2', ...names], { cwd: dir });
    expect(single.code).toBe(1);
    expect(single.stderr).toMatch(/1 of 70 files failed:\n  c33\.json: /);
    expect(pooled.code).toBe(1);
    expect(pooled.stdout).toBe(single.stdout);
    expect(pooled.stderr.replace(/ in [\d.]+ s/, '')).toBe(single.stderr.replace(/ in [\d.]+ s/, ''));
    if (format === 'jsonl') expect(jsonLines(pooled.stdout).map((r: any) => r.conversationId)).toEqual(names.filter((n) => n !== 'c33.json').map((n) => `c${Number(n.slice(1, 3))}`));
  });

  it.each([
    [['--trackers', 'nope.json', 'c.json'], /--trackers nope\.json: no such file/],
    [['--trackers', 'bad-trackers.json', 'c.json'], /--trackers bad-trackers\.json: tracker "A": "vocabulary" must hold at least one phrase/],
    [['--trackers', 'broken.json', 'c.json'], /--trackers broken\.json: malformed JSON/],
    // The workers start before the trackers compile: they are stopped, and the command exits.
    [['--trackers', 'wordless.json', '--workers', '2', 'c.json', 'd.json'], /--trackers wordless\.json: tracker "W": phrase "!!!" has no words to match/],
    [['--trackers', 'trackers.json', '--threshold', '2', 'c.json'], /option --threshold must be a number from 0.5 to 1, got "2"/],
    [['--trackers', 'trackers.json', '--workers', '0', 'c.json'], /option --workers must be a positive integer, got "0"/],
    [['c.json'], /give either --trackers FILE or --all-trackers/],
    [['--trackers', 'trackers.json'], /missing required argument 'paths'/],
  ])('exits 2 on a usage or tracker error: %j', async (args, message) => {
    const dir = fixtureDir({
      'trackers.json': TRACKERS,
      'bad-trackers.json': [{ name: 'A', vocabulary: [] }],
      'broken.json': '[{',
      'wordless.json': [{ name: 'W', vocabulary: ['!!!'] }],
      'c.json': conversation('c', ['hi']),
      'd.json': conversation('d', ['hello']),
    });
    const run = await phrasewatch(['match', ...args], { cwd: dir });
    // (Its stderr beside a wrong code: a run once ended by a signal here, seen once in CI, not reproduced.)
    expect(run.code, `${run.signal ?? ''} ${run.stderr}`).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('prints help with an example, and the version', async () => {
    const help = await phrasewatch(['match', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Example:\n {2}phrasewatch match --trackers/);
    const version = await phrasewatch(['--version']);
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../packages/cli/package.json'), 'utf8'));
    expect(version.stdout.trim()).toBe(pkg.version);
  });
});
