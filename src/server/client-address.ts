import { isIPv4, isIPv6 } from 'node:net';

/**
 * The unit that per-address limits count: an IPv4 address, or an IPv6 /64. One IPv6 host is
 * usually handed a whole /64, so counting single IPv6 addresses would give an attacker 2^64 of them.
 * IPv4-mapped IPv6 (`::ffff:10.0.0.1`, from a dual-stack listener) counts as the IPv4 address.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(ip: string): string[] {
  const withoutZone = ip.split('%')[0]!;
  const [head = '', tail] = withoutZone.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0');
  return [...left, ...(tail === undefined ? [] : zeros), ...right].map((part) => part.toLowerCase().replace(/^0+(?=.)/, ''));
}
