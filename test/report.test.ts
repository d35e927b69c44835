// The HTML report, opened in headless Chromium (Debian's package; `pnpm test` installs it when missing).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, conversation, fixtureDir, phrasewatch } from './helpers.js';

const CHROMIUM = process.env.PHRASEWATCH_CHROMIUM ?? '/usr/bin/chromium';
const TRACKERS = [
  { name: 'Pricing', vocabulary: ['how much does it cost', 'price per user'] },
  { name: 'Budget Concern', vocabulary: ['too expensive', 'budget is tight'] },
];

describe('phrasewatch report', () => {
  it('writes one self-contained HTML file that Chromium renders without errors or requests', async () => {
    const dir = fixtureDir({
      'trackers.json': TRACKERS,
      'a.json': conversation('renewal-call', ['How much does it cost <for> "us"?', 'That is too expensive.', 'Is the budget tight this year?', 'What is the price per user?']),
      'b.json': conversation('second-call', ['Hello there', 'too expensive again']),
    });
    const db = ['--db', join(dir, 'store.db')];
    expect((await phrasewatch(['match', '--trackers', 'trackers.json', '--store', ...db, 'a.json', 'b.json'], { cwd: dir })).code).toBe(0);
    const run = await phrasewatch(['report', '--out', 'report.html', ...db], { cwd: dir });
    expect(run.code).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(html).toContain('How much does it cost &lt;for&gt; &quot;us&quot;?');

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => requests.push(request.url()));
      const url = pathToFileURL(join(dir, 'report.html')).href;
      await page.goto(url);
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
      expect(await page.locator('h1').textContent()).toBe('phrasewatch report');
      expect(await page.locator('section h2').allTextContents()).toEqual([expect.stringContaining('renewal-call'), expect.stringContaining('second-call')]);
      expect(await page.locator('svg.bars rect').count()).toBe(2);
      expect(await page.locator('svg.timeline').count()).toBe(2);
      expect(await page.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['How much does it cost', 'too expensive', 'price per user']));
      // "What is the price per user?" asks "how much does it cost"; "budget is tight" matches its question.
      expect(await page.locator('.similar').allTextContents()).toEqual(['What is the price per user?', 'Is the budget tight this year?']);
      const artifacts = join(ROOT, 'test/.artifacts');
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });

  it('reports only the conversations asked for, and names an unknown one', async () => {
    const dir = fixtureDir({ 'trackers.json': TRACKERS, 'a.json': conversation('a', ['too expensive']) });
    const db = ['--db', join(dir, 'store.db')];
    await phrasewatch(['match', '--trackers', 'trackers.json', '--store', ...db, 'a.json'], { cwd: dir });
    const missing = await phrasewatch(['report', '--out', 'r.html', '--conversation', '123', ...db], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/conversation "123" does not exist/);
  });
});
