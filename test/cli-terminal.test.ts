// Behaviour on a terminal: `script` gives the CLI a pseudo-terminal for stdout and stderr.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, fixtureDir } from './helpers.js';

function onTerminal(args: string[], cwd: string, env: Record<string, string | undefined>): string {
  const command = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  try {
    return execFileSync('script', ['-qec', command, '/dev/null'], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

describe('on a terminal', () => {
  const dir = () => fixtureDir({ 't.json': [{ name: 'P', vocabulary: ['how much does it cost'] }], 'a.txt': 'how much does it cost', 'b.txt': 'hello' });
  const clean = { NO_COLOR: undefined, TERM: 'xterm' };

  it('shows a progress bar (files, messages/s, ETA) and colours the error prefix', () => {
    const out = onTerminal(['match', '--trackers', 't.json', '--workers', '1', 'a.txt', 'b.txt', 'missing.txt'], dir(), clean);
    expect(out).toMatch(/\[#+\.*\] 1\/2 files · \d+ msg\/s · ETA \d+s/);
    expect(out).toContain('\u001b[31mphrasewatch:\u001b[39m');
  });

  it('counts the messages workers finish in the progress bar, and ends with one summary line', () => {
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`c${i}.txt`, 'A: how much does it cost\nB: ten\n']));
    const cwd = fixtureDir({ 't.json': [{ name: 'P', vocabulary: ['how much does it cost'] }], ...files });
    const out = onTerminal(['match', '--trackers', 't.json', '--workers', '2', ...Object.keys(files)], cwd, clean);
    expect(out).toMatch(/\] 40\/40 files · [1-9]\d* msg\/s/);
    // The bar is cleared (\r, erase line) and the summary is the last thing written.
    expect(out).toMatch(/\r\u001b\[Kphrasewatch: 40 files, 40 conversations, 80 messages, 40 matches, 0 failures in [\d.]+ s\s*$/);
  });

  it('shows no progress with --quiet and no colour with NO_COLOR', () => {
    const out = onTerminal(['match', '--trackers', 't.json', '--quiet', 'a.txt', 'missing.txt'], dir(), { ...clean, NO_COLOR: '1' });
    expect(out).not.toMatch(/files ·/);
    expect(out).not.toContain('\u001b[');
    expect(out).toMatch(/phrasewatch: 1 of 2 files failed/);
  });
});
