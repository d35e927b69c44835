// `match --out PATH` replaces regular files atomically, and writes straight into anything else: a rename
// over a device or a FIFO would turn it into a plain file, and one over a symbolic link would replace the
// link instead of its target.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, lstatSync, mkdirSync, openSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, conversation, fixtureDir, phrasewatch } from './helpers.js';

const files = () => fixtureDir({
  'call.json': conversation('call', ['How much does it cost?']),
  'p.json': [{ name: 'Pricing', vocabulary: ['how much does it cost'] }],
});
const isRoot = process.getuid?.() === 0;

describe('match --out', () => {
  it('writes through a symbolic link to its target, and the link stays a link', async () => {
    const dir = files();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'hits.csv'), 'old');
    symlinkSync(join(dir, 'real', 'hits.csv'), join(dir, 'link.csv'));
    const run = await phrasewatch(['match', '--trackers', 'p.json', 'call.json', '--format', 'csv', '--out', 'link.csv'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.csv'))).toBe(join(dir, 'real', 'hits.csv'));
    expect(readFileSync(join(dir, 'real', 'hits.csv'), 'utf8')).toMatch(/Pricing/);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const dir = files();
    writeFileSync(join(dir, 'hits.jsonl'), 'old', { mode: 0o640 });
    expect((await phrasewatch(['match', '--trackers', 'p.json', 'call.json', '--out', 'hits.jsonl'], { cwd: dir })).code).toBe(0);
    expect(statSync(join(dir, 'hits.jsonl')).mode & 0o777).toBe(0o640);
  });

  it('writes straight into a FIFO, which stays a FIFO', async () => {
    const dir = files();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const read = new Promise<void>((resolve, reject) => createReadStream(fifo).on('data', (c) => chunks.push(c as Buffer)).on('end', resolve).on('error', reject));
    const run = await phrasewatch(['match', '--trackers', 'p.json', 'call.json', '--out', fifo], { cwd: dir });
    await read;
    expect(run.code).toBe(0);
    expect(Buffer.concat(chunks).toString()).toMatch(/"name":"Pricing"/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it.skipIf(!isRoot)('writes straight into a character device, which stays a device (as root)', async () => {
    const dir = files();
    const device = join(dir, 'null');
    execFileSync('mknod', ['-m', '666', device, 'c', '1', '3']);
    const run = await phrasewatch(['match', '--trackers', 'p.json', 'call.json', '--out', device], { cwd: dir });
    expect(run.code).toBe(0);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });
});

const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Runs the CLI with its standard output on the file `path` opened for writing, as `> path` does. */
async function redirected(args: string[], cwd: string, path: string): Promise<{ code: number | null; stderr: string }> {
  const fd = openSync(path, 'w');
  try {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stderr };
  } finally {
    closeSync(fd);
  }
}

describe('standard output redirected to a file', () => {
  // Text with multi-byte characters, and one record longer than the writer's reused buffer holds (1 MiB,
  // a third of that in characters): four phrases, each quoting a 110,000-character message.
  const long = 'How much does it cost? Ça coûte combien, 価格? '.repeat(2400);
  const phrases = ['how much does it cost', 'what is the price', 'how much is it', 'what does it cost', 'how expensive is it', 'what is the cost', 'how much will it cost', 'how much do you charge', 'what are the prices', 'how much does this cost'];
  const fixture = () => fixtureDir({
    'a.json': conversation('a', ['How much does it cost? Ça coûte combien?', 'Thanks — 谢谢.']),
    'b.json': conversation('b', [long]),
    'p.json': [{ name: 'Pricing', vocabulary: phrases }],
  });

  it('holds the same text as a pipe gets, multi-byte characters and a record too long for the buffer included', async () => {
    const dir = fixture();
    const args = ['match', '--quiet', '--trackers', 'p.json', 'a.json', 'b.json'];
    const piped = await phrasewatch(args, { cwd: dir });
    expect(piped.code).toBe(0);
    const run = await redirected(args, dir, join(dir, 'out.jsonl'));
    expect(run).toEqual({ code: 0, stderr: '' });
    const written = readFileSync(join(dir, 'out.jsonl'), 'utf8');
    // Compared by length and digest: a failure printing both would be a megabyte long.
    expect([written.length, digest(written)]).toEqual([piped.stdout.length, digest(piped.stdout)]);
    expect(written.split('\n')[1].length).toBeGreaterThan(2 ** 20 / 3);
    expect(JSON.parse(written.split('\n')[0]).trackers[0].matches[0].messageRefs[0].text).toBe('How much does it cost? Ça coûte combien?');
  });

  it.skipIf(!existsSync('/dev/full'))('reports a full disk as an error that names it, with status 1 and no stack trace (> /dev/full)', async () => {
    const dir = fixture();
    const run = await redirected(['match', '--quiet', '--trackers', 'p.json', 'a.json'], dir, '/dev/full');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('phrasewatch: ENOSPC: no space left on device, write\n');
  });
});

describe('a reader of standard output that stops early', () => {
  it('ends phrasewatch match quietly with status 141, as Unix tools end on a closed pipe ("| head")', async () => {
    const lines = Array.from({ length: 3000 }, (_, k) => JSON.stringify({ conversationId: `c${k}`, messages: [{ id: `m${k}`, text: 'How much does it cost? '.repeat(4) }] }));
    const dir = fixtureDir({ 'calls.jsonl': lines.join('\n'), 'p.json': [{ name: 'Pricing', vocabulary: ['how much does it cost'] }] });
    const child = spawn(process.execPath, [CLI, 'match', '--quiet', '--workers', '1', '--trackers', 'p.json', 'calls.jsonl'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(String(d))));
    expect(first).toContain('"conversationId":"c0"');
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(141);
    expect(stderr).toBe('');
  });
});
