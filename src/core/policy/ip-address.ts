/** The named address ranges a `urlHost` pattern can stand for. */
export type HostRange = 'loopback' | 'private';

const dottedQuad = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The 32-bit value of a dotted-decimal IPv4 address (WHATWG's canonical form), else undefined. */
export function ipv4Value(host: string): number | undefined {
  const parts = dottedQuad.exec(host);
  if (parts === null) return undefined;
  let value = 0;
  for (let index = 1; index <= 4; index++) {
    const octet = Number(parts[index]);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/**
 * The eight 16-bit groups of an IPv6 host as WHATWG serializes it (`[a:b::c]`: brackets,
 * lowercase hex, `::` compression, never a dotted tail), else undefined.
 */
export function ipv6Groups(host: string): number[] | undefined {
  if (!host.startsWith('[') || !host.endsWith(']')) return undefined;
  const body = host.slice(1, -1);
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const parse = (text: string): number[] | undefined => {
    if (text === '') return [];
    const groups: number[] = [];
    for (const group of text.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(group)) return undefined;
      groups.push(Number.parseInt(group, 16));
    }
    return groups;
  };
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return [...head, ...(new Array(missing).fill(0) as number[]), ...tail];
}

/**
 * An IPv4-mapped IPv6 host (`[::ffff:a9fe:a9fe]`, which WHATWG keeps in hex) as the IPv4
 * address a dual-stack socket reaches (`169.254.169.254`); any other host unchanged.
 */
export function unmapIPv4(host: string): string {
  if (!host.startsWith('[::ffff:')) return host;
  const groups = ipv6Groups(host);
  if (groups === undefined || !isZero(groups, 0, 5) || groups[5] !== 0xffff) return host;
  return ipv4Text(embeddedIPv4(groups));
}

/** Whether a canonical host is in the named range (IP literals by address, names by suffix). */
export function isInRange(host: string, range: HostRange): boolean {
  return range === 'loopback' ? isLoopback(host) : isPrivate(host);
}

/**
 * This machine: `localhost` and `*.localhost` (RFC 6761), 127.0.0.0/8, `0.0.0.0` and `[::]`
 * (connecting to the unspecified address reaches the local host), `[::1]`.
 */
function isLoopback(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const v4 = ipv4Value(host);
  if (v4 !== undefined) return v4 >>> 24 === 127 || v4 === 0;
  const v6 = ipv6Groups(host);
  return v6 !== undefined && isZero(v6, 0, 7) && (v6[7] === 0 || v6[7] === 1);
}

// [first address, prefix length]: "this network", RFC 1918, CGNAT (RFC 6598), loopback, link-local.
const privateIPv4: readonly (readonly [number, number])[] = [
  [0x00000000, 8],
  [0x0a000000, 8],
  [0x64400000, 10],
  [0x7f000000, 8],
  [0xa9fe0000, 16],
  [0xac100000, 12],
  [0xc0a80000, 16],
];

// Names reserved for local use: they never resolve to a public address on purpose.
const localSuffixes = ['.localhost', '.local', '.internal', '.home.arpa'];

/**
 * Loopback, link-local, RFC 1918, CGNAT, "this network", IPv6 ULA (fc00::/7), link-local
 * (fe80::/10) and the deprecated site-local (fec0::/10), IPv4 embedded in NAT64 (64:ff9b::/96)
 * or IPv4-compatible (::/96) addresses, and names meant for local use (`localhost`, `*.local`,
 * `*.internal`, `*.home.arpa`, single-label names). Names are not resolved.
 */
function isPrivate(host: string): boolean {
  if (isLoopback(host)) return true;
  const v4 = ipv4Value(host);
  if (v4 !== undefined) return isPrivateIPv4(v4);
  const v6 = ipv6Groups(host);
  if (v6 !== undefined) {
    const first = v6[0] ?? 0;
    if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xffc0) === 0xfec0)
      return true;
    const nat64 = first === 0x64 && v6[1] === 0xff9b && isZero(v6, 2, 6);
    if (nat64 || isZero(v6, 0, 6)) return isPrivateIPv4(embeddedIPv4(v6));
    return false;
  }
  if (host === '' || host.startsWith('[')) return false;
  return host === 'localhost' || !host.includes('.') || localSuffixes.some((s) => host.endsWith(s));
}

function isPrivateIPv4(value: number): boolean {
  for (const [base, bits] of privateIPv4) {
    if (value >>> (32 - bits) === base >>> (32 - bits)) return true;
  }
  return false;
}

function isZero(groups: readonly number[], from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (groups[index] !== 0) return false;
  return true;
}

function embeddedIPv4(groups: readonly number[]): number {
  return (groups[6] ?? 0) * 65536 + (groups[7] ?? 0);
}

function ipv4Text(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}
