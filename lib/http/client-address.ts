import 'server-only';
/**
 * The client address that rate limits count by (lib/sandbox/admission.ts). It must be one the
 * client cannot choose, or each request gets a fresh budget (finding M1 of issue 10):
 *
 * - Without KEYSPACE_TRUST_PROXY: the socket's address (peer-address.ts), whatever X-Forwarded-For says.
 * - With it: walk the hops from the socket leftwards through X-Forwarded-For, skipping the proxies in
 *   KEYSPACE_TRUSTED_PROXIES, and take the first address that is not one of them. Entries left of
 *   it were written by the client (appending proxies such as nginx or an AWS ALB keep them).
 *
 * IPv6 addresses count by /64 (one host usually holds a whole /64), IPv4-mapped IPv6 as IPv4.
 * Only the last MAX_HEADER_CHARS of the header are read, since its right end is the trusted part.
 */
import net from 'node:net';
import { keyspaceEnv, type KeyspaceEnv } from '@/lib/config/env';
import { peerAddress } from './peer-address';

export const MAX_HEADER_CHARS = 512;
const MAX_HOPS = 16;

/** A valid IP from an X-Forwarded-For entry or a socket (brackets, port and zone dropped), or null. */
export function normalizeAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1] as string;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.indexOf(':'));
  address = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) address = mapped[1] as string;
  return net.isIP(address) ? address : null;
}

/** The eight 16-bit groups of a valid IPv6 address. */
function ipv6Groups(address: string): number[] {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** What a rate limit counts: the IPv4 address, or the IPv6 address's /64 prefix. */
export function addressGroup(address: string): string {
  if (net.isIPv4(address)) return address;
  const prefix = ipv6Groups(address)
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':');
  return `${prefix}::/64`;
}

let trusted: { env: KeyspaceEnv; list: net.BlockList } | null = null;

/** KEYSPACE_TRUSTED_PROXIES as a BlockList (addresses and CIDR ranges, comma-separated). */
function trustedProxies(): net.BlockList {
  const env = keyspaceEnv();
  if (trusted?.env === env) return trusted.list;
  const list = new net.BlockList();
  for (const entry of env.KEYSPACE_TRUSTED_PROXIES.split(',').map((part) => part.trim())) {
    if (!entry) continue;
    const [ip = '', bits] = entry.split('/');
    const family = net.isIPv6(ip) ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(ip, family);
    else list.addSubnet(ip, Number(bits), family);
  }
  trusted = { env, list };
  return list;
}

function isTrustedProxy(address: string): boolean {
  return trustedProxies().check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4');
}

/** The right-most X-Forwarded-For entries, at most MAX_HOPS, read from at most MAX_HEADER_CHARS. */
function forwardedFor(header: string | null): string[] {
  if (!header) return [];
  const text =
    header.length > MAX_HEADER_CHARS ? header.slice(header.indexOf(',', header.length - MAX_HEADER_CHARS) + 1) : header;
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .slice(-MAX_HOPS);
}

export function clientAddress(headers: Headers): string {
  const forwarded = forwardedFor(headers.get('x-forwarded-for'));
  const peer = peerAddress(headers);
  if (!keyspaceEnv().KEYSPACE_TRUST_PROXY) {
    // Without the hook (not a Next server process) the last entry is what Next filled in, or the client's own.
    const address = normalizeAddress(peer ?? forwarded.at(-1));
    return address ? addressGroup(address) : 'unknown';
  }
  const hops = peer ? [...forwarded, peer] : forwarded;
  let nearest: string | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = normalizeAddress(hops[i]);
    // Garbage where an address should be: count the request against the nearest proxy that passed it on.
    if (!address) break;
    nearest = address;
    if (!isTrustedProxy(address)) break;
  }
  return nearest ? addressGroup(nearest) : 'unknown';
}
