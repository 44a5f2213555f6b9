/**
 * "Say which Node": package.json's `engines`, the README and
 * docs/operations.md agree with what the installed dependencies ask for.
 * Each line of `engines` is checked at its lowest version against the
 * packages the hub, the web build and the tests need; the station's
 * Electron tooling is the part that needs 22.12 or newer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const pkg = (name: string) =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
    engines?: { node?: string };
  };
const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
};

type Version = [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v.split('.').map((n) => (n === 'x' ? 0 : Number(n)));
  return [a, b, c];
};
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The range forms the engines fields here use: `^X.Y.Z`, `>=X.Y.Z`, `X.x`, `X`, joined by `||`. */
function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((part) => {
    const r = part.trim().replace(/^>=\s*/, '>=');
    if (r.startsWith('>=')) return compare(v, parse(r.slice(2))) >= 0;
    const base = parse(r.replace(/^\^/, ''));
    if (r.startsWith('^') || /^\d+(\.x)?$/.test(r))
      return v[0] === base[0] && compare(v, base) >= 0;
    throw new Error(`a range form this check does not know: ${r}`);
  });
}

/** The lowest version of each line `engines` allows: 20.19.0, 22.13.0, … */
const lowest = own.engines.node.split('||').map((r) => r.trim().replace(/^\^/, ''));

/** What the hub runs on, and what builds and tests it. */
const HUB_AND_BUILD = [
  'better-sqlite3',
  'vite',
  'rolldown',
  '@vitejs/plugin-react',
  'eslint',
  'vitest',
  'tsx',
];
/** Only `npm run dist:station` needs these. */
const STATION_TOOLING = ['electron', '@electron/get', '@electron/rebuild'];

describe('which Node.js', () => {
  it('every line in engines, at its lowest version, runs the hub, the build and the tests', () => {
    for (const version of lowest) {
      for (const name of HUB_AND_BUILD) {
        const wanted = pkg(name).engines?.node ?? '*';
        expect(
          wanted === '*' || satisfies(version, wanted),
          `${name} (${wanted}) on ${version}`,
        ).toBe(true);
      }
    }
  });

  it('the station tooling needs 22.12 or newer, as the docs say, and the recommended 26 LTS has it', () => {
    for (const name of STATION_TOOLING) {
      const wanted = pkg(name).engines?.node ?? '*';
      expect(satisfies('20.19.0', wanted), `${name} on Node 20`).toBe(false);
      expect(satisfies('22.12.0', wanted), `${name} on 22.12`).toBe(true);
      expect(satisfies('26.0.0', wanted), `${name} on 26`).toBe(true);
    }
  });

  it('this machine runs a Node.js that engines allows', () => {
    expect(satisfies(process.versions.node, own.engines.node)).toBe(true);
  });

  it('the README and docs/operations.md say the same', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const ops = readFileSync(join(root, 'docs', 'operations.md'), 'utf8');
    expect(ops).toContain(`"engines": { "node": "${own.engines.node}" }`);
    for (const doc of [readme, ops]) {
      expect(doc).toMatch(/26 LTS/);
      expect(doc).toMatch(/22\.12 or newer|22\.12\+/);
      expect(doc).toMatch(/20\.19/);
      expect(doc).not.toMatch(/Node\.js 20 or newer/);
    }
  });
});
