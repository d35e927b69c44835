import { compile, match } from './dist/index.js';
import { readFileSync } from 'node:fs';
const trackers = JSON.parse(readFileSync('/work/shared/corpus/trackers-500x50.json', 'utf8'));
const convs = readFileSync('/work/shared/corpus/taskmaster4.jsonl', 'utf8').split('\n').filter(Boolean).map(JSON.parse).slice(0, 300);
const index = compile(trackers);
const tiers = {}; const perPhraseVal = new Map(); let msgs=0;
for (const c of convs) { msgs+=c.messages.length; const res = match(index, c.messages, {details:true}); for (const tr of res) for (const mm of tr.matches) for (const r of mm.messageRefs) { tiers[r.tier]=(tiers[r.tier]??0)+1; perPhraseVal.set(mm.value,(perPhraseVal.get(mm.value)??0)+1);} }
console.log(msgs, tiers);
console.log([...perPhraseVal].sort((a,b)=>b[1]-a[1]).slice(0,30));
const c = convs[0]; console.log(c.messages[1].text); const r = match(index, [c.messages[1]], {details:true});
const rows=[]; for (const tr of r) for (const mm of tr.matches) for (const x of mm.messageRefs) rows.push(`${x.tier} ${x.score} ${mm.value}`); console.log(rows.length, rows.slice(0,60).join('\n'));
