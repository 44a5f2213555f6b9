/**
 * Chromium for the end-to-end tests, driven by playwright-core. No browser is
 * downloaded: it is CHROMIUM_PATH, else Debian's /usr/bin/chromium (which
 * .ci/run installs), else the one inside the npm package @sparticuz/chromium
 * when that happens to be installed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Where `npm run build` puts the web apps the test hub serves. */
export const WEB_ROOT = join(process.cwd(), 'dist', 'web');
/** Where the e2e run writes its screenshots, for a person to look at. */
export const SHOTS = join(process.cwd(), 'test-results', 'screenshots');

/** Fails the suite at once, saying what to do, when `app` is not built; makes the screenshot folder. */
export function requireBuiltApp(app: 'kiosk' | 'counter' | 'display' | 'console' | 'pair'): void {
  if (!existsSync(join(WEB_ROOT, app, 'index.html'))) {
    throw new Error(`dist/web/${app} is missing: run \`npm run build\` first (npm test does)`);
  }
  mkdirSync(SHOTS, { recursive: true });
}

/** Flags for a closed network: no background fetches that would be refused anyway. */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Like the station (and a TV set up per docs/hardware.md): sound may start without a tap. */
const AUTOPLAY_FREE = '--autoplay-policy=no-user-gesture-required';
/** Like a plain browser: sound only after someone touches the page. */
const AUTOPLAY_NEEDS_GESTURE = '--autoplay-policy=document-user-activation-required';

export interface LaunchOptions {
  /** Launch as a browser that blocks sound until a user gesture; default: sound allowed. */
  autoplayNeedsGesture?: boolean;
  /** A microphone that is always allowed and hears a steady tone (recording the voice pack). */
  fakeMicrophone?: boolean;
}

const FAKE_MICROPHONE = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

async function sparticuz(): Promise<{ executablePath: string; args: string[] } | null> {
  try {
    const name = '@sparticuz/chromium';
    const mod = (await import(name)) as {
      default: { executablePath(): Promise<string>; args: string[] };
    };
    return { executablePath: await mod.default.executablePath(), args: mod.default.args };
  } catch {
    return null;
  }
}

export async function launchChromium(opts: LaunchOptions = {}): Promise<Browser> {
  const flags = [
    ...QUIET_FLAGS,
    opts.autoplayNeedsGesture ? AUTOPLAY_NEEDS_GESTURE : AUTOPLAY_FREE,
    ...(opts.fakeMicrophone ? FAKE_MICROPHONE : []),
  ];
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return chromium.launch({ executablePath: explicit, args: flags });
  if (existsSync('/usr/bin/chromium')) {
    return chromium.launch({ executablePath: '/usr/bin/chromium', args: flags });
  }
  const packaged = await sparticuz();
  if (packaged) {
    return chromium.launch({
      executablePath: packaged.executablePath,
      args: [...packaged.args, ...flags],
    });
  }
  throw new Error(
    'No Chromium found: set CHROMIUM_PATH, or install Debian\'s "chromium" package (.ci/run does).',
  );
}
