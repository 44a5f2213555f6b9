/**
 * Whether a client's address is the centre's own network: loopback or a
 * private LAN range (RFC 1918, link-local, IPv6 unique-local), IPv4 also as
 * IPv6-mapped. Check-in on the phone page is open from here only: a citizen
 * at home cannot check in and hold a place in the hall.
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';

const local = new BlockList();
local.addSubnet('127.0.0.0', 8, 'ipv4');
local.addSubnet('10.0.0.0', 8, 'ipv4');
local.addSubnet('172.16.0.0', 12, 'ipv4');
local.addSubnet('192.168.0.0', 16, 'ipv4');
local.addSubnet('169.254.0.0', 16, 'ipv4');
local.addAddress('::1', 'ipv6');
local.addSubnet('fc00::', 7, 'ipv6');
local.addSubnet('fe80::', 10, 'ipv6');

export function isLocalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return local.check(mapped, 'ipv4');
  if (isIPv4(address)) return local.check(address, 'ipv4');
  return isIPv6(address) && local.check(address, 'ipv6');
}
