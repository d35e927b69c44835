import { compile, match } from './dist/index.js';
import { readFileSync, writeFileSync } from 'node:fs';
const trackers = JSON.parse(readFileSync('/work/shared/corpus/trackers-500x50.json', 'utf8'));
const convs = readFileSync('/work/shared/corpus/taskmaster4.jsonl', 'utf8').split('\n').filter(Boolean).map(JSON.parse).slice(0, 300);
const index = compile(trackers);
const rows = [];
for (const c of convs) for (const tr of match(index, c.messages, {details:true})) for (const m of tr.matches) for (const r of m.messageRefs) rows.push(`${tr.name}|${m.value}|${r.id}|${r.tier}|${r.score}|${r.offset}`);
writeFileSync(process.argv[2], rows.join('\n'));
console.log(rows.length);
