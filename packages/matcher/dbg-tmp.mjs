import { compile, match } from './dist/index.js';
const find = (p, t) => { const r = match(compile([{name:'T', vocabulary:[p]}]), [{id:'m', text:t}], {details:true}); return r[0]?.matches[0].messageRefs[0]; };
for (const [p, t] of JSON.parse(process.argv[2])) console.log(p, '|', t, '=>', JSON.stringify(find(p, t)));
