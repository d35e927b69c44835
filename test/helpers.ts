import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '..');
export const CLI = join(ROOT, 'packages/cli/bin/phrasewatch.js');
/** The steering repo's shared folder sits beside the checkout, here and in CI. */
export const SHARED = resolve(ROOT, '../shared');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** The signal that ended the process, where one did (code is then -1). */
  signal?: string;
}

export function phrasewatch(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', ...options.env } });
    let stdout = '';
    let stderr = '';
    // Decoded as a whole, so a character split between two chunks stays one character.
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code: code ?? -1, stdout, stderr, ...(signal ? { signal } : {}) }));
    child.stdin.end(options.input ?? '');
  });
}

let fixtures: string | undefined;
// Registered when a test file imports this module, so it runs after that file's tests.
afterAll(() => {
  if (fixtures !== undefined) rmSync(fixtures, { recursive: true, force: true });
});

/** A fresh temporary folder holding the given files (objects are written as JSON); removed after the file's tests. */
export function fixtureDir(files: Record<string, unknown>): string {
  fixtures ??= mkdtempSync(join(tmpdir(), 'phrasewatch-test-'));
  const dir = mkdtempSync(join(fixtures, 'case-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

export const jsonLines = (text: string): Array<Record<string, any>> =>
  text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));

export const conversation = (id: string, texts: string[]): { messages: Array<Record<string, unknown>> } => ({
  messages: texts.map((text, i) => ({
    id: `${id}-${i + 1}`,
    text,
    from: { name: i % 2 ? 'Customer' : 'Agent' },
    startTime: new Date(Date.UTC(2024, 0, 1, 9, 0, i * 5)).toISOString(),
    endTime: new Date(Date.UTC(2024, 0, 1, 9, 0, i * 5 + 4)).toISOString(),
    conversationId: id,
  })),
});

/** RFC 4180 CSV -> rows of fields (quotes, doubled quotes, CRLF and newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}
