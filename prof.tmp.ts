import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clerkCycles, desksOf, kiosksOf, fillTo } from './test/load/clerk-load.js';
const dir = mkdtempSync(join(tmpdir(), 'khiu-prof-'));
const child = spawn(process.execPath, ['dist/hub/main.js', '--demo', '--port', '0', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'ignore'] });
const url = await new Promise<string>((res) => { let b = ''; child.stdout!.on('data', (d) => { b += d; const m = /listening on (\S+)/.exec(b); if (m?.[1]) res(m[1]); }); });
const kiosks = await kiosksOf(url); const desks = await desksOf(url, true);
console.log('warm', await clerkCycles(desks, kiosks));
console.log('at0', await clerkCycles(desks, kiosks));
if (process.argv[2]) { await fillTo(kiosks, 5000); console.log('at5000', await clerkCycles(desks, kiosks)); }
child.kill('SIGINT'); await new Promise((r) => child.once('exit', r)); process.exit(0);
