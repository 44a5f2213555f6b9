/**
 * Announces the hub on the LAN with mDNS (`_khiu._tcp`), so a station's setup
 * screen can list it instead of making a technician type an address.
 */
import { Bonjour } from 'bonjour-service';
import type { Logger } from 'pino';
import { PROTOCOL_VERSION } from '../../../shared/protocol.js';

export const MDNS_SERVICE_TYPE = 'khiu';

export function announceHub(opts: { name: string; port: number; publicUrl: string; log: Logger }) {
  // bonjour-service throws from socket callbacks unless given an error handler; a lost
  // network must cost the centre its discovery, never its hub.
  const warn = (err: unknown) => opts.log.warn({ err }, 'mDNS error');
  const bonjour = new Bonjour({}, warn);
  const service = bonjour.publish({
    name: opts.name,
    type: MDNS_SERVICE_TYPE,
    port: opts.port,
    txt: { url: opts.publicUrl, protocol: String(PROTOCOL_VERSION) },
  });
  service.on('error', (err: unknown) => opts.log.warn({ err }, 'mDNS announcement failed'));
  opts.log.info({ type: `_${MDNS_SERVICE_TYPE}._tcp`, port: opts.port }, 'announced on the LAN');
  return () =>
    new Promise<void>((resolve) => bonjour.unpublishAll(() => (bonjour.destroy(), resolve())));
}
