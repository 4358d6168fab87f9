import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'dns';
import { BlockList, isIP } from 'net';

/**
 * Addresses a webhook must not reach unless `webhooks.allowPrivateNetworks` (SSRF, docs/spec.md
 * §10): private, loopback, link-local (the cloud metadata service 169.254.169.254 among them),
 * "this network", carrier-grade NAT, multicast and reserved ranges, IPv4 and IPv6. An IPv6
 * address that carries an IPv4 one (::ffff:a.b.c.d) is judged by the IPv4 address.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  // IPv4-compatible (::a.b.c.d, deprecated) and IPv4-translated (::ffff:0:a.b.c.d) forms, which
  // carry an IPv4 address the mapped-address rule below does not see; site-local (deprecated,
  // still routable where configured); discard-only.
  ['::', 96],
  ['::ffff:0:0:0', 96],
  ['fec0::', 10],
  ['100::', 64],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2002::', 16],
] as const)
  blocked.addSubnet(network, prefix, 'ipv6');

const MAPPED_IPV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;
const MAPPED_IPV4_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;

/** Whether `address` (an IP literal) is private, loopback, link-local or otherwise not public. */
export const isBlockedAddress = (address: string): boolean => {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const version = isIP(bare);
  if (version === 4) return blocked.check(bare, 'ipv4');
  if (version !== 6) return true;
  const dotted = MAPPED_IPV4.exec(bare);
  if (dotted) return blocked.check(dotted[1], 'ipv4');
  const hex = MAPPED_IPV4_HEX.exec(bare);
  if (hex) {
    const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
    return blocked.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, 'ipv4');
  }
  return blocked.check(bare, 'ipv6');
};

export class BlockedAddressError extends Error {
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a private, loopback or link-local address (webhooks.allowPrivateNetworks is off)`);
    this.name = 'BlockedAddressError';
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that refuses blocked addresses: the check is made on the very
 * addresses the socket connects to, so a name that resolves elsewhere at send time than when it
 * was saved (DNS rebinding) is refused too.
 */
export const guardedLookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    const bad = list.find((entry) => isBlockedAddress(entry.address));
    if (bad) return callback(Object.assign(new BlockedAddressError(hostname, bad.address), { code: 'EBLOCKED' }), []);
    if (options.all) return callback(null, list);
    return callback(null, list[0].address, list[0].family);
  });
};

/** Every address `host` resolves to (an IP literal is itself); an empty list when it does not resolve. */
export const resolveHost = async (host: string): Promise<string[]> => {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return [bare];
  return new Promise((resolve) => {
    dnsLookup(bare, { all: true }, (error, addresses) => resolve(error ? [] : (addresses as LookupAddress[]).map((entry) => entry.address)));
  });
};
