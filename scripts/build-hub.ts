/**
 * Compiles the hub into one ES module, dist/hub/main.js, that plain Node runs
 * (`npm start`, `npm run hub`, the systemd unit): no TypeScript loader in
 * production. Dependencies stay in node_modules (better-sqlite3 and the
 * canvas are native), so only our own code is bundled. `npm run build:hub`.
 *
 * Measured on the 2-core reference machine, demo centre, empty data
 * directory (start: spawn to "listening"; memory: the hub's RSS just after):
 * under the tsx loader 0.86–2.06 s and 151–164 MiB; compiled 0.54–1.03 s and
 * 116–118 MiB (three runs each, the first of each cold). `npm run bench`
 * measures both again in its own run ("hub start").
 */
import { build } from 'esbuild';

const OUT = 'dist/hub/main.js';

await build({
  entryPoints: ['hub/src/main.ts'],
  outfile: OUT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
process.stdout.write(`built the hub → ${OUT}\n`);
