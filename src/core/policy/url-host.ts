import { isInRange, unmapIPv4, type HostRange } from './ip-address.js';

/** A compiled `urlHost` entry: any host, one exact host, the subdomains of one, or a named range. */
export type HostPattern =
  | { readonly kind: 'any' }
  | { readonly kind: 'exact'; readonly host: string }
  | { readonly kind: 'subdomains'; readonly suffix: string }
  | { readonly kind: 'range'; readonly range: HostRange };

/** A compiled host pattern, or why the text is not one. */
export type HostPatternResult = { ok: true; pattern: HostPattern } | { ok: false; message: string };

// The usual names of this machine: a rule naming one means every spelling of loopback.
const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/**
 * Compiles `example.com`, `*.example.com` (subdomains only, on a label boundary), `*`, an IP
 * literal, an IDN, or a named range (`private`, `loopback`); hosts go through WHATWG URL so case,
 * IDNA and IPv4 forms are canonical. `localhost`, `127.0.0.1`, `[::1]` and `0.0.0.0` stand for
 * every loopback host. (A host literally named `private` is written `private.`.)
 */
export function compileHostPattern(text: string): HostPatternResult {
  if (text === '*') return { ok: true, pattern: { kind: 'any' } };
  if (text === 'private' || text === 'loopback')
    return { ok: true, pattern: { kind: 'range', range: text } };
  const wildcard = text.startsWith('*.');
  const rest = wildcard ? text.slice(2) : text;
  const bare = rest.includes(':') && !rest.startsWith('[') ? `[${rest}]` : rest;
  if (bare === '' || /[*/@?#\s\\%]/.test(bare) || bare.includes(']:')) {
    return {
      ok: false,
      message: `"${text}" is not a host pattern: write a host name, "*.example.com", an IP, "private" or "loopback" (no scheme, port, path or other "*")`,
    };
  }
  const host = canonicalHost(bare);
  if (host === undefined) return { ok: false, message: `"${text}" is not a valid host name` };
  if (wildcard) return { ok: true, pattern: { kind: 'subdomains', suffix: `.${host}` } };
  if (loopbackNames.has(host)) return { ok: true, pattern: { kind: 'range', range: 'loopback' } };
  return { ok: true, pattern: { kind: 'exact', host } };
}

/**
 * The canonical host of a URL: lowercase, punycode, no trailing dot, IPv4-mapped IPv6 as the
 * IPv4 address it reaches; '' when it has none.
 */
export function hostOfUrl(url: URL): string {
  return unmapIPv4(stripTrailingDots(url.hostname.toLowerCase()));
}

/** True when a canonical host matches the pattern; never a prefix or raw-string comparison. */
export function hostMatches(host: string, pattern: HostPattern): boolean {
  switch (pattern.kind) {
    case 'any':
      return host !== '';
    case 'exact':
      return host === pattern.host;
    case 'subdomains':
      return host.length > pattern.suffix.length && host.endsWith(pattern.suffix);
    case 'range':
      return host !== '' && isInRange(host, pattern.range);
  }
}

/** Parses a URL argument; undefined when it is not an absolute URL. */
export function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** A host written on its own (`example.com`, `[::1]`) in canonical form, or undefined. */
export function canonicalHost(host: string): string | undefined {
  const url = parseUrl(`http://${host}/`);
  if (url?.username !== '' || url.port !== '' || url.pathname !== '/') {
    return undefined;
  }
  const canonical = hostOfUrl(url);
  return canonical === '' ? undefined : canonical;
}

/** `host` without trailing dots (`example.com.` names the same host as `example.com`). */
export function stripTrailingDots(host: string): string {
  let end = host.length;
  while (end > 0 && host.charCodeAt(end - 1) === 46) end--;
  return end === host.length ? host : host.slice(0, end);
}
