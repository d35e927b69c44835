import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexFromBytes } from '@phrasewatch/matcher';
import { describe, expect, it } from 'vitest';
import { conversation, fixtureDir, jsonLines, phrasewatch } from './helpers.js';

const TRACKERS = [
  { name: 'Budget Concern', vocabulary: ["I can't afford this", 'budget is tight', 'too expensive'] },
  { name: 'Follow Up', vocabulary: ['send me a calendar invite', "let's reconnect"] },
];
const CALL = conversation('call', ["Honestly we can't afford this right now", 'Is the budget tight this year?', "Let's reconnect in May."]);

/** A folder with the trackers and a call, and an empty cache folder beside them. */
function setUp(): { dir: string; cache: string; env: Record<string, string> } {
  const dir = fixtureDir({ 'trackers.json': TRACKERS, 'call.json': CALL });
  const cache = fixtureDir({});
  return { dir, cache, env: { PHRASEWATCH_CACHE_DIR: cache } };
}

const entries = (cache: string): string[] => readdirSync(cache).filter((name) => name.endsWith('.pwix'));

describe('the compiled-trackers cache of phrasewatch match', () => {
  it('compiles the trackers once, owner-readable, and later runs match from the cached index with the same output', async () => {
    const { dir, cache, env } = setUp();
    const first = await phrasewatch(['match', '--trackers', 'trackers.json', 'call.json'], { cwd: dir, env });
    expect(first.code).toBe(0);
    expect(jsonLines(first.stdout)[0].trackers).toHaveLength(2);
    const [entry] = entries(cache);
    expect(entries(cache)).toHaveLength(1);
    expect(statSync(join(cache, entry)).mode & 0o777).toBe(0o600);
    expect(indexFromBytes(readFileSync(join(cache, entry)))).toMatchObject({ format: 2, trackerNames: ['Budget Concern', 'Follow Up'] });

    // A read marks the entry used: its time moves on.
    const old = new Date(Math.floor(Date.now() / 1000 - 3600) * 1000);
    utimesSync(join(cache, entry), old, old);
    const second = await phrasewatch(['match', '--trackers', 'trackers.json', 'call.json'], { cwd: dir, env });
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(join(cache, entry)).mtimeMs).toBeGreaterThan(old.getTime() + 60_000);

    utimesSync(join(cache, entry), old, old);
    const uncached = await phrasewatch(['match', '--no-index-cache', '--trackers', 'trackers.json', 'call.json'], { cwd: dir, env });
    expect(uncached.stdout).toBe(first.stdout);
    expect(Math.round(statSync(join(cache, entry)).mtimeMs)).toBe(old.getTime());
  });

  it('compiles again, with the same output, when the cached entry is damaged, and writes it whole', async () => {
    const { dir, cache, env } = setUp();
    const first = await phrasewatch(['match', '--trackers', 'trackers.json', 'call.json'], { cwd: dir, env });
    const [entry] = entries(cache);
    writeFileSync(join(cache, entry), 'not an index');
    const again = await phrasewatch(['match', '--trackers', 'trackers.json', 'call.json'], { cwd: dir, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(indexFromBytes(readFileSync(join(cache, entry)))).toMatchObject({ format: 2 });
  });

  it('compiles again when the trackers file changes, and matches with what it says now', async () => {
    const { dir, cache, env } = setUp();
    const first = await phrasewatch(['match', '--trackers', 'trackers.json', 'call.json'], { cwd: dir, env });
    expect(jsonLines(first.stdout)[0].trackers.map((t: { name: string }) => t.name)).toEqual(['Budget Concern', 'Follow Up']);
    writeFileSync(join(dir, 'trackers.json'), JSON.stringify([TRACKERS[0], { ...TRACKERS[1], vocabulary: ['send me a calendar invite'] }]));
    const edited = await phrasewatch(['match', '--trackers', 'trackers.json', 'call.json'], { cwd: dir, env });
    expect(jsonLines(edited.stdout)[0].trackers.map((t: { name: string }) => t.name)).toEqual(['Budget Concern']);
    expect(entries(cache)).toHaveLength(2);
  });

  it('keeps an entry per tracker set, the 8 most recently used', async () => {
    const { dir, cache, env } = setUp();
    for (let k = 0; k < 9; k++) {
      writeFileSync(join(dir, `t${k}.json`), JSON.stringify([{ name: `Tracker ${k}`, vocabulary: ["I can't afford this", `phrase number ${k}`] }]));
      const run = await phrasewatch(['match', '--trackers', `t${k}.json`, 'call.json'], { cwd: dir, env });
      expect(run.code).toBe(0);
      expect(jsonLines(run.stdout)[0].trackers[0].name).toBe(`Tracker ${k}`);
      // Entries written within one clock tick would tie on their time.
      for (const name of entries(cache)) {
        const at = statSync(join(cache, name)).mtimeMs;
        utimesSync(join(cache, name), new Date(at - 1000), new Date(at - 1000));
      }
    }
    expect(entries(cache)).toHaveLength(8);
  }, 120_000);

  it('lets an entry an older matcher wrote (.v8) age out with the rest', async () => {
    const { dir, cache, env } = setUp();
    const stale = join(cache, `index-${'0'.repeat(32)}.v8`);
    writeFileSync(stale, 'an older format');
    const old = new Date(Date.now() - 86_400_000);
    utimesSync(stale, old, old);
    for (let k = 0; k < 8; k++) {
      writeFileSync(join(dir, `t${k}.json`), JSON.stringify([{ name: `Tracker ${k}`, vocabulary: [`phrase number ${k}`] }]));
      expect((await phrasewatch(['match', '--trackers', `t${k}.json`, 'call.json'], { cwd: dir, env })).code).toBe(0);
    }
    expect(readdirSync(cache).filter((name) => name.endsWith('.v8'))).toEqual([]);
    expect(entries(cache)).toHaveLength(8);
  }, 120_000);

  it('still matches, and says nothing, when the cache folder cannot be written', async () => {
    const { dir } = setUp();
    const blocked = join(dir, 'call.json'); // a file, not a folder
    const run = await phrasewatch(['match', '--quiet', '--trackers', 'trackers.json', 'call.json'], { cwd: dir, env: { PHRASEWATCH_CACHE_DIR: blocked } });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(jsonLines(run.stdout)[0].trackers).toHaveLength(2);
  });
});
