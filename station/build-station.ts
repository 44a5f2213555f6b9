/**
 * Builds the station into `dist/station/`, the folder electron-builder
 * packages (`directories.app` in electron-builder.yml):
 *
 *   main.js       the main process (ESM; everything bundled but 'electron')
 *   preload.cjs   the preload (CommonJS: a sandboxed preload cannot load ESM)
 *   pages/        setup and offline pages, their scripts (IIFE), CSS, fonts
 *   package.json  the app's own manifest, with no dependencies, so the hub's
 *                 native modules (better-sqlite3) never enter the installer;
 *                 author and homepage come from electron-builder.yml
 *
 * Run: `tsx station/build-station.ts`.
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { z } from 'zod';

const here = import.meta.dirname;
const root = join(here, '..');
const out = join(root, 'dist', 'station');
const pages = join(out, 'pages');
const require = createRequire(import.meta.url);

/** Electron 45 ships Node 22 and Chromium 140. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

const FONTS = [
  '@fontsource/noto-sans-lao/files/noto-sans-lao-lao-400-normal.woff2',
  '@fontsource/noto-sans-lao/files/noto-sans-lao-lao-700-normal.woff2',
  '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2',
  '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2',
];

/** main.js, preload.cjs and the pages' scripts, each for where it runs. */
async function bundle() {
  const common = {
    bundle: true,
    sourcemap: true,
    logLevel: 'warning',
    legalComments: 'none',
  } as const;
  await build({
    ...common,
    entryPoints: [join(here, 'main.main.ts')],
    outfile: join(out, 'main.js'),
    platform: 'node',
    format: 'esm',
    target: NODE_TARGET,
    // serialport's native binding cannot be bundled; the print agent loads it only for a
    // serial printer, from the station's node_modules (docs/hardware.md).
    external: ['electron', 'serialport'],
    // Bundled CommonJS dependencies (bonjour-service) call require() for Node built-ins.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  await build({
    ...common,
    entryPoints: [join(here, 'preload.preload.ts')],
    outfile: join(out, 'preload.cjs'),
    platform: 'node',
    format: 'cjs',
    target: NODE_TARGET,
    external: ['electron'],
  });
  await build({
    ...common,
    entryPoints: [join(here, 'setup.dom.ts'), join(here, 'offline.dom.ts')],
    outdir: pages,
    platform: 'browser',
    format: 'iife',
    target: CHROME_TARGET,
  });
}

async function copyPageFiles() {
  for (const file of ['setup.html', 'offline.html', 'station.css']) {
    await copyFile(join(here, file), join(pages, file));
  }
  for (const font of FONTS) {
    const source = require.resolve(font);
    await copyFile(source, join(pages, 'fonts', source.slice(dirname(source).length + 1)));
  }
}

async function writeManifest() {
  const { version, license } = z
    .object({ version: z.string(), license: z.string() })
    .parse(JSON.parse(await readFile(join(root, 'package.json'), 'utf8')));
  await writeFile(
    join(out, 'package.json'),
    `${JSON.stringify(
      {
        name: 'khiu-station',
        // Electron names the userData folder after it: ~/.config/Khiu, %APPDATA%\Khiu.
        productName: 'Khiu',
        version,
        description: 'Khiu (ຄິວ) station: kiosk, counter, display and feedback screens',
        license,
        type: 'module',
        main: 'main.js',
      },
      null,
      2,
    )}\n`,
  );
}

await rm(out, { recursive: true, force: true });
await mkdir(join(pages, 'fonts'), { recursive: true });
await bundle();
await copyPageFiles();
await writeManifest();
console.log(`Station built in ${out}`);
