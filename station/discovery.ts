/**
 * Finding the hub on the LAN by mDNS (`_khiu._tcp`), so a technician picks
 * it from a list instead of typing an IP address. The search sits behind
 * `MdnsBrowser`, so tests give it services by hand.
 */
import { Bonjour } from 'bonjour-service';
import { HubUrlSchema } from './config.js';
import type { FoundHub } from './ipc.js';
import { sleep, type Timers } from './timers.js';

/** Browsed as `_khiu._tcp`. The hub advertises TXT `url=<its --public-url>`. */
export const HUB_SERVICE_TYPE = 'khiu';
/** Long enough for every responder on a LAN to answer one query. */
export const DISCOVERY_WINDOW_MS = 3_000;

/** The parts of a bonjour-service `Service` the station reads. */
export interface MdnsService {
  name: string;
  host: string;
  port: number;
  addresses?: string[];
  txt?: unknown;
}

export interface MdnsBrowser {
  /** Starts browsing; returns the function that stops it. */
  start(onUp: (service: MdnsService) => void): () => void;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/;
const isUsableIpv4 = (address: string) => {
  const match = IPV4.exec(address);
  // 169.254/16 is link-local: the host has no real address on this network.
  return match !== null && !(match[1] === '169' && match[2] === '254');
};

function advertisedUrl(txt: unknown): string | null {
  if (typeof txt !== 'object' || txt === null) return null;
  const parsed = HubUrlSchema.safeParse(Reflect.get(txt, 'url'));
  return parsed.success ? parsed.data : null;
}

/**
 * The address a station should use for a service: the hub's own public URL
 * when it advertises one, else its first usable IPv4 address (Chromium on
 * Linux cannot resolve `.local` names without nss-mdns), else its host name.
 */
export function hubFromService(service: MdnsService): FoundHub | null {
  const name = service.name.trim() || service.host;
  const advertised = advertisedUrl(service.txt);
  if (advertised) return { name, url: advertised };
  const host = service.addresses?.find(isUsableIpv4) ?? service.host;
  const parsed = HubUrlSchema.safeParse(`http://${host}:${service.port}`);
  return parsed.success ? { name, url: parsed.data } : null;
}

/** Browses for `windowMs`, then answers every distinct hub heard, sorted by name. */
export async function discoverHubs(
  browser: MdnsBrowser,
  timers: Timers,
  windowMs = DISCOVERY_WINDOW_MS,
): Promise<FoundHub[]> {
  const byUrl = new Map<string, FoundHub>();
  const stop = browser.start((service) => {
    const hub = hubFromService(service);
    if (hub && !byUrl.has(hub.url)) byUrl.set(hub.url, hub);
  });
  try {
    await sleep(timers, windowMs);
  } finally {
    stop();
  }
  return [...byUrl.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.url.localeCompare(b.url),
  );
}

/** The real browser: one multicast socket per search, closed when it stops. */
export function createBonjourBrowser(onError: (error: unknown) => void): MdnsBrowser {
  return {
    start(onUp) {
      const bonjour = new Bonjour(undefined, onError);
      const browser = bonjour.find({ type: HUB_SERVICE_TYPE, protocol: 'tcp' }, onUp);
      return () => {
        browser.stop();
        bonjour.destroy();
      };
    },
  };
}
