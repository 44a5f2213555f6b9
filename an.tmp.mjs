import { readFileSync, readdirSync } from 'node:fs';
const f = readdirSync('/tmp/qt-prof').filter(x=>x.endsWith('.cpuprofile')).sort().at(-1);
const p = JSON.parse(readFileSync('/tmp/qt-prof/'+f));
const byId = new Map(p.nodes.map(n => [n.id, n]));
const self = new Map(); const dt = p.timeDeltas; 
const counts = new Map(); for (const s of p.samples) counts.set(s, (counts.get(s)||0)+1);
const parent = new Map(); for (const n of p.nodes) for (const c of n.children||[]) parent.set(c, n.id);
const total = new Map();
for (const [id, c] of counts) { const n = byId.get(id); const k = `${n.callFrame.functionName||'(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`; self.set(k,(self.get(k)||0)+c);
  // inclusive
  const seen = new Set(); let cur = id; while (cur !== undefined) { const m = byId.get(cur); const kk = `${m.callFrame.functionName||'(anon)'} ${m.callFrame.url.split('/').slice(-2).join('/')}:${m.callFrame.lineNumber}`; if (!seen.has(kk)) { total.set(kk,(total.get(kk)||0)+c); seen.add(kk);} cur = parent.get(cur); } }
const n = p.samples.length;
console.log('samples', n);
console.log('--- self'); for (const [k,v] of [...self].sort((a,b)=>b[1]-a[1]).slice(0,25)) console.log((100*v/n).toFixed(1), k);
console.log('--- inclusive'); for (const [k,v] of [...total].sort((a,b)=>b[1]-a[1]).slice(0,45)) console.log((100*v/n).toFixed(1), k);
