import { compile, match } from './dist/index.js';
import { readFileSync } from 'node:fs';
const trackers = JSON.parse(readFileSync('/work/shared/corpus/trackers-500x50.json', 'utf8'));
const convs = readFileSync('/work/shared/corpus/taskmaster4.jsonl', 'utf8').split('\n').filter(Boolean).map(JSON.parse).slice(0, 500);
const index = compile(trackers);
let msgs=0, t=performance.now(); for (const c of convs) { msgs+=c.messages.length; match(index, c.messages); }
console.log(msgs, 'ms', (performance.now()-t).toFixed(0), 'align calls', globalThis.__a, 'success', globalThis.__s, 'per msg', (globalThis.__a/msgs).toFixed(0));
