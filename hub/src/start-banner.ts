/**
 * What the hub prints on its terminal once it listens: the address of each
 * app, and for the demo, how a phone on the same Wi-Fi reaches it.
 *
 * A demo hub on loopback (the default) cannot be opened from a phone: the QR
 * code on each ticket points at 127.0.0.1, which on the phone is the phone.
 * Started with `--host 0.0.0.0` it listens on the LAN too, and the QR codes
 * point at this machine's LAN address. The kiosk, counter, display and
 * console of the demo stay on 127.0.0.1: only clients on this machine may
 * claim those roles without pairing, so their addresses are printed that way.
 */
import { networkInterfaces } from 'node:os';

export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'];
const WILDCARD_HOSTS = ['0.0.0.0', '::'];

export interface BannerInput {
  /** Where the hub listens, as listeningUrl() gives it (a LAN address for 0.0.0.0). */
  url: string;
  /** The --host flag. */
  host: string;
  demo: boolean;
  /** --public-url, when given. */
  publicUrl: string | undefined;
  /** This machine's LAN address (IPv4), or null when it is on no network. */
  lanAddress: string | null;
  apps: readonly { name: string; built: boolean }[];
  dbFile: string;
  /**
   * The flags it was started with, as given: the restart the banner suggests keeps them (but
   * --host, --port and --demo, which it sets itself), or the demo would come back on another
   * database (--data-dir), without the tickets just taken, or without its printer.
   */
  flags: readonly string[];
}

/** `flags` without --demo, --host and --port (and their values), which the restart sets. */
export function keptFlags(flags: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i] ?? '';
    if (flag === '--demo' || /^--(host|port)=/.test(flag)) continue;
    if (flag === '--host' || flag === '--port') {
      i += 1;
      continue;
    }
    kept.push(flag);
  }
  return kept;
}

/** A flag value as a shell reads it back: quoted when it holds anything but plain path characters. */
const shellWord = (value: string) =>
  /^[\w./:@=-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;

/** The first IPv4 address of an interface that is not loopback: the one a phone on the LAN uses. */
export function lanAddress(): string | null {
  const found = Object.values(networkInterfaces())
    .flat()
    .find((i) => i?.family === 'IPv4' && !i.internal);
  return found?.address ?? null;
}

function phoneHint(input: BannerInput, port: string): string[] {
  if (LOOPBACK_HOSTS.includes(input.host)) {
    const lan = input.lanAddress
      ? [
          `QR codes then point at http://${input.lanAddress}:${port}, this machine's address on the`,
          `LAN; the kiosk, counter, display and console stay at http://127.0.0.1:${port} here.`,
        ]
      : ['This machine has no LAN address now: connect it to the Wi-Fi the phones use first.'];
    return [
      '',
      'Phones: this demo listens on this machine only, so a phone cannot open the QR code on',
      'a ticket. To try it with a phone on the same Wi-Fi, stop it (Ctrl+C) and start it with',
      `  npm start -- ${['--host', '0.0.0.0', ...(port === '8470' ? [] : ['--port', port]), ...keptFlags(input.flags)].map(shellWord).join(' ')}`,
      ...lan,
    ];
  }
  const phones = input.publicUrl ?? input.url;
  return [
    '',
    `Phones on the same Wi-Fi open ${phones}/t/… (the QR code on each ticket).`,
    'The kiosk, counter, display and console of the demo open on this machine only (above):',
    'from another machine they must be paired first (docs/operations.md, "Pairing a device").',
  ];
}

export function startBanner(input: BannerInput): string {
  const port = new URL(input.url).port;
  // A demo on every interface: its no-pairing roles are reached over loopback.
  const appBase =
    input.demo && WILDCARD_HOSTS.includes(input.host) ? `http://127.0.0.1:${port}` : input.url;
  // Booking is a citizen's page, for phones: at the address phones use, like the QR codes.
  const display = input.apps.find((app) => app.name === 'display');
  const lines = [
    `Khiu hub listening on ${input.url}${input.demo ? '  (demo mode: loopback clients may claim any role)' : ''}`,
    ...input.apps.map(
      (app) =>
        `  ${app.name.padEnd(8)} ${appBase}/${app.name}${app.built ? '' : '   (not built yet)'}`,
    ),
    `  book     ${input.publicUrl ?? input.url}/book${display?.built === false ? '   (not built yet)' : ''}`,
    `  api      ${appBase}/api/v1/health`,
    `  data     ${input.dbFile}`,
    ...(input.demo ? phoneHint(input, port) : []),
  ];
  return `${lines.join('\n')}\n`;
}
