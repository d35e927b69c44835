import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultThreads, fileSize } from '../src/batch/threads.js';

const sizes = (map: Record<string, number>) => (file: string) => map[file] ?? 0;

describe('the default number of matching threads', () => {
  it('is one for a single file, however large', () => {
    expect(defaultThreads({ files: ['a.json'], cores: 8, sizeOf: sizes({ 'a.json': 1e9 }), minBytes: 100 })).toBe(1);
  });

  it('is one on a single core', () => {
    expect(defaultThreads({ files: ['a', 'b'], cores: 1, sizeOf: sizes({ a: 1e9, b: 1e9 }), minBytes: 100 })).toBe(1);
  });

  it('is one while the files together stay under the bar', () => {
    expect(defaultThreads({ files: ['a', 'b', 'c'], cores: 4, sizeOf: sizes({ a: 30, b: 30, c: 39 }), minBytes: 100 })).toBe(1);
  });

  it('is every core once the files together reach the bar, reading no more sizes than it needs', () => {
    const read: string[] = [];
    const sizeOf = (file: string) => (read.push(file), 60);
    expect(defaultThreads({ files: ['a', 'b', 'c', 'd'], cores: 4, sizeOf, minBytes: 100 })).toBe(4);
    expect(read).toEqual(['a', 'b']);
  });

  const dir = mkdtempSync(join(tmpdir(), 'phrasewatch-threads-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads file sizes from disk, and counts a file it cannot read as empty', () => {
    writeFileSync(join(dir, 'a.json'), 'x'.repeat(70));
    writeFileSync(join(dir, 'b.json'), 'x'.repeat(40));
    expect(fileSize(join(dir, 'a.json'))).toBe(70);
    expect(fileSize(join(dir, 'missing.json'))).toBe(0);
    expect(defaultThreads({ files: [join(dir, 'a.json'), join(dir, 'missing.json')], cores: 2, minBytes: 100 })).toBe(1);
    expect(defaultThreads({ files: [join(dir, 'a.json'), join(dir, 'b.json')], cores: 2, minBytes: 100 })).toBe(2);
  });
});
