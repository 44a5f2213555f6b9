/**
 * Same-origin, really: a browser is served only when it reached the hub by a
 * name the hub is really reached by. Checking `Origin` against `Host` alone
 * is not enough: under DNS rebinding both say `evil.example`, and a JSONP
 * polling handshake sends no `Origin` at all.
 *
 * The names allowed: the public address's host, the addresses the hub
 * listens on (every interface's when it listens on all of them), this
 * machine's own name (and its mDNS `.local` name), and loopback when the hub
 * is reached over loopback or runs the demo.
 */
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';

const LOOPBACK = ['localhost', '127.0.0.1', '::1'];
const WILDCARD = new Set(['0.0.0.0', '::']);
/** How long the list of interface addresses is trusted before it is read again. */
const INTERFACES_TTL_MS = 10_000;

export interface HostGuardDeps {
  /** Where the HTTP server listens; null before it does. */
  address(): AddressInfo | string | null;
  /** The address phones reach the hub by (the centre's setting). */
  publicUrl(): string;
  demo: boolean;
  now(): number;
}

/** `Host: a.b:8470`, `Host: [::1]:8470` → `a.b`, `::1`; null when there is none or it is malformed. */
export function hostnameOf(host: string | undefined): string | null {
  if (!host) return null;
  try {
    return new URL(`http://${host}`).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return null;
  }
}

function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((i) => (i ? [i.address.toLowerCase()] : []));
}

export function createHostGuard(deps: HostGuardDeps) {
  const machine = hostname().toLowerCase(); // read once: not a system call per request
  const machineNames = [machine, `${machine}.local`];
  let interfaces: { at: number; list: string[] } | null = null;
  const listening = (): string[] => {
    const address = deps.address();
    if (address === null || typeof address === 'string') return [];
    if (!WILDCARD.has(address.address)) return [address.address.toLowerCase()];
    if (!interfaces || deps.now() - interfaces.at > INTERFACES_TTL_MS) {
      interfaces = { at: deps.now(), list: interfaceAddresses() };
    }
    return interfaces.list;
  };

  const allowedNames = (): Set<string> => {
    const names = new Set(listening());
    const publicHost = hostnameOf(
      URL.canParse(deps.publicUrl()) ? new URL(deps.publicUrl()).host : '',
    );
    if (publicHost) names.add(publicHost);
    for (const n of machineNames) names.add(n);
    const overLoopback = [...names].some((n) => n === '::1' || n.startsWith('127.'));
    if (deps.demo || overLoopback) for (const n of LOOPBACK) names.add(n);
    return names;
  };

  return {
    /** True when the request's `Host` names this hub. */
    allows(req: IncomingMessage): boolean {
      const name = hostnameOf(req.headers.host);
      return name !== null && allowedNames().has(name);
    },
  };
}
export type HostGuard = ReturnType<typeof createHostGuard>;

/** A JSONP polling request (`?j=`): a script tag's request, which no Khiu app makes. */
export function isJsonp(req: IncomingMessage): boolean {
  try {
    return new URL(req.url ?? '/', 'http://hub').searchParams.has('j');
  } catch {
    return true; // not a URL any app sends: refused with the tricks
  }
}
