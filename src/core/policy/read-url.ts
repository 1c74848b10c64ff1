import { ipv4Value } from './ip-address.js';
import { canonicalHost, hostOfUrl, parseUrl, stripTrailingDots } from './url-host.js';
import { DEFAULT_IGNORABLE, inRanges, type CodePointRange } from '../unicode/invisible.js';

/** A URL argument as WHATWG (Node's `fetch`) reads it, and whether other parsers may differ. */
export interface UrlReading {
  readonly url: URL;
  /** The canonical host (see `hostOfUrl`); '' when the URL has none. */
  readonly host: string;
  /**
   * True when a common non-WHATWG reader (RFC 3986, Python's `urllib`, curl, Go) could take
   * another host from the same text: a backslash or several `@` in the authority, a host only
   * WHATWG finds (`https:evil.com`), percent-encoding or a non-canonical IPv4 (`0x7f.1`),
   * characters IDNA versions treat differently, or whitespace and controls WHATWG drops.
   */
  readonly ambiguous: boolean;
}

const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const plainUrl = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#\\[\]\s]*@)?([a-z0-9.-]+)(?::\d*)?(?:[/?#]|$)/;
// IDNA 2003 and UTS 46 (WHATWG) map the deviation characters (ß, ς, ZWJ, ZWNJ) differently, and
// parsers differ on dropping default-ignorable code points: either can name another host.
const idnaDifferences: readonly CodePointRange[] = [
  ...DEFAULT_IGNORABLE,
  [0x00df, 0x00df], // ß
  [0x03c2, 0x03c2], // ς
];

/** Reads a URL argument; undefined when WHATWG cannot parse it as an absolute URL. */
export function readUrl(value: string): UrlReading | undefined {
  const url = parseUrl(value);
  if (url === undefined) return undefined;
  const host = hostOfUrl(url);
  return { url, host, ambiguous: isAmbiguous(value, host) };
}

function isAmbiguous(value: string, host: string): boolean {
  if (strippedByWhatwg(value)) return true;
  // Fast path for the usual URL: a lowercase ASCII host, at most one plain userinfo.
  const plain = plainUrl.exec(value)?.[1];
  if (plain !== undefined && stripTrailingDots(plain) === host) return false;
  const schemeEnd = scheme.exec(value)?.[0].length;
  if (schemeEnd === undefined) return true;
  const other = rfcHost(value.slice(schemeEnd));
  if (other === undefined) return true;
  if (other === '') return host !== '';
  if (hasOddCharacter(other)) return true;
  const written = stripTrailingDots(other.toLowerCase());
  // The usual case, and no second parse: the host as written is already canonical.
  if (written === host) return false;
  if (written.startsWith('[')) return canonicalHost(written) !== host;
  // `0x7f.1`, `2130706433`, `0177.0.0.1`: WHATWG and inet_aton read 127.0.0.1, others a name.
  if (ipv4Value(host) !== undefined) return written !== host;
  return canonicalHost(written) !== host;
}

/**
 * The host an RFC 3986 reader (like Python's `urlsplit(...).hostname`) takes from what follows
 * the scheme: the authority runs from `//` to the first `/`, `?` or `#` (a `\` is not a
 * delimiter), userinfo ends at the last `@`. '' without an authority; undefined when the
 * authority itself is one parsers disagree on (a `\`, several `@`, brackets in the userinfo,
 * an unclosed `[`).
 */
function rfcHost(rest: string): string | undefined {
  if (!rest.startsWith('//')) return '';
  let end = 2;
  while (end < rest.length) {
    const code = rest.charCodeAt(end);
    if (code === 0x2f || code === 0x3f || code === 0x23) break;
    end++;
  }
  const authority = rest.slice(2, end);
  if (authority.includes('\\')) return undefined;
  const lastAt = authority.lastIndexOf('@');
  if (lastAt !== authority.indexOf('@')) return undefined;
  // Python's urlsplit rejects a `[` or `]` it cannot pair; WHATWG takes it as userinfo.
  if (/[[\]]/.test(authority.slice(0, lastAt + 1))) return undefined;
  const hostPort = authority.slice(lastAt + 1);
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    return close === -1 ? undefined : hostPort.slice(0, close + 1);
  }
  const colon = hostPort.indexOf(':');
  return colon === -1 ? hostPort : hostPort.slice(0, colon);
}

/** WHATWG trims leading/trailing C0 controls and spaces and deletes tabs and newlines anywhere. */
function strippedByWhatwg(value: string): boolean {
  if (value.charCodeAt(0) <= 0x20 || value.charCodeAt(value.length - 1) <= 0x20) return true;
  return value.includes('\t') || value.includes('\n') || value.includes('\r');
}

/** Controls, spaces, `%` escapes, or characters IDNA versions treat differently, in a host. */
function hasOddCharacter(host: string): boolean {
  for (let index = 0; index < host.length; index++) {
    const code = host.codePointAt(index) ?? 0;
    if (code <= 0x20 || code === 0x25 || code === 0x7f) return true;
    if (code < 0xad) continue;
    if (code > 0xffff) index++;
    if (inRanges(idnaDifferences, code)) return true;
  }
  return false;
}
