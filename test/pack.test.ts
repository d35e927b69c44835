// The packages outside this workspace: packed as they would be published, installed into a fresh npm
// project, and the core README's example run there as a newcomer would copy it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'phrasewatch-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('published packages', () => {
  it('install into a fresh npm project, run the core README example, and give the phrasewatch command', () => {
    const tarballs = join(dir, 'tarballs');
    mkdirSync(tarballs);
    for (const name of ['matcher', 'core', 'cli']) execFileSync('pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(ROOT, 'packages', name), stdio: 'ignore' });
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'newcomer-app', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', ...readdirSync(tarballs).map((f) => join(tarballs, f))], { cwd: app, stdio: 'ignore' });

    // The example exactly as the core README shows it.
    const readme = readFileSync(join(ROOT, 'packages/core/README.md'), 'utf8');
    const example = /```js\n([\s\S]*?)```/.exec(readme)![1];
    writeFileSync(join(app, 'example.mjs'), example);
    const printed = execFileSync(process.execPath, ['example.mjs'], { cwd: app, encoding: 'utf8' });
    const detected = JSON.parse(printed.trim().split('\n').at(-1)!);
    expect(detected).toEqual([expect.objectContaining({ name: 'Budget Concern', matches: [expect.objectContaining({ value: 'budget is tight' })] })]);

    const version = JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')).version;
    expect(execFileSync(join(app, 'node_modules/.bin/phrasewatch'), ['--version'], { cwd: app, encoding: 'utf8' }).trim()).toBe(version);

    // The installed command matches, and caches the compiled trackers, keyed by the installed matcher.
    const cache = join(dir, 'cache');
    const call = ['match', '--quiet', '--trackers', join(ROOT, 'examples/promotion-trackers.json'), join(ROOT, 'examples/sales-call.json')];
    const matched = (): string => execFileSync(join(app, 'node_modules/.bin/phrasewatch'), call, { cwd: app, encoding: 'utf8', env: { ...process.env, PHRASEWATCH_CACHE_DIR: cache } });
    const first = matched();
    expect(JSON.parse(first).trackers[0].name).toBe('Promotion Mention');
    expect(readdirSync(cache).filter((name) => name.endsWith('.pwix'))).toHaveLength(1);
    expect(matched()).toBe(first);
  }, 300_000);
});
