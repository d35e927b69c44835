// The labelled dev set, scored by the steering repo's own scorer on the CLI's output.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED, fixtureDir, phrasewatch } from './helpers.js';

const DEV = join(SHARED, 'eval/dev');

describe('dev set', () => {
  it('scores precision and recall of at least 0.95 (semantic excluded) with every offset right', async () => {
    const files = readdirSync(join(DEV, 'conversations')).map((f) => join(DEV, 'conversations', f));
    const run = await phrasewatch(['match', '--trackers', join(DEV, 'trackers.json'), ...files]);
    // Nothing on stderr but the closing summary line.
    expect(run.stderr).toMatch(/^phrasewatch: \d+ files, \d+ conversations, \d+ messages, \d+ match(es)?, 0 failures in [\d.]+ s\n$/);
    expect(run.code).toBe(0);
    const detections = join(fixtureDir({}), 'detections.jsonl');
    writeFileSync(detections, run.stdout);
    const report = execFileSync(process.execPath, [
      join(SHARED, 'eval/score.mjs'),
      '--expected', join(DEV, 'expected.json'),
      '--trackers', join(DEV, 'trackers.json'),
      '--detections', detections,
    ], { encoding: 'utf8' });
    const summary = report.trim().split('\n').at(-1)!;
    // Reported, not asserted: paraphrases with no shared words (kind "semantic").
    console.log(`dev set: ${summary}`);
    const value = (name: string): number => Number(new RegExp(`${name}=([\\d.]+)`).exec(summary)![1]);
    expect(value('precision')).toBeGreaterThanOrEqual(0.95);
    expect(value('recall')).toBeGreaterThanOrEqual(0.95);
    const [hit, total] = /offsets=(\d+)\/(\d+)/.exec(summary)!.slice(1).map(Number);
    expect(total).toBeGreaterThan(0);
    expect(hit).toBe(total);
  });
});

describe('wild pairs', () => {
  it('scores precision and recall of at least 0.95 on the hand-labelled pairs from real dialog', async () => {
    const { scorePairs } = await import('../bench/wild-score.js');
    const { pairs } = JSON.parse(readFileSync(join(SHARED, 'eval/wild-dev.json'), 'utf8'));
    const result = scorePairs(pairs);
    console.log(`wild pairs: tp=${result.tp} fp=${result.fp} fn=${result.fn} tn=${result.tn} precision=${result.precision.toFixed(3)} recall=${result.recall.toFixed(3)}`);
    expect(result.tp + result.fn).toBeGreaterThan(50);
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.recall).toBeGreaterThanOrEqual(0.95);
  });
});
