// Hand-written probe messages for the dev trackers (bench/dev-probes.txt): which trackers each should
// set off, against what the matcher finds at the default threshold. Labels are our judgement; the scored
// dev set is ../shared/eval/dev (bench/dev-score.js).
// Usage: node bench/dev-probes.js [--all]   (--all also lists the lines found as labelled)
import { readFileSync } from 'node:fs';
import { compile, match } from '@phrasewatch/matcher';
import { devTrackers } from './dev-score.js';

const index = compile(devTrackers);
const lines = readFileSync(new URL('./dev-probes.txt', import.meta.url), 'utf8').split('\n').filter((line) => line.includes('|') && !line.startsWith('#'));
let found = 0, missed = 0, falseAlarms = 0;
for (const line of lines) {
  const bar = line.indexOf('|');
  const label = line.slice(0, bar).trim(), text = line.slice(bar + 1).trim();
  const want = label === '-' ? [] : label.split(',').map((name) => name.trim());
  const got = match(index, [{ id: '1', text }]);
  const names = got.map((t) => t.name);
  const missing = want.filter((name) => !names.includes(name)), extra = names.filter((name) => !want.includes(name));
  missed += missing.length;
  falseAlarms += extra.length;
  found += want.length - missing.length;
  if (missing.length + extra.length > 0 || process.argv.includes('--all')) {
    const refs = got.map((t) => `${t.name} [${t.matches.map((m) => `${m.value} @${m.messageRefs[0].offset}`).join('; ')}]`).join(', ');
    console.log(`${missing.length + extra.length > 0 ? 'WRONG' : 'ok   '} ${label.padEnd(20)} ${JSON.stringify(text)} -> ${refs || 'nothing'}`);
  }
}
console.log(`${lines.length} probes: ${found} of ${found + missed} labelled trackers found, ${falseAlarms} false alarms`);
