/** A compiled `urlHost` entry: any host, one exact host, or the subdomains of one. */
export type HostPattern =
  | { readonly kind: 'any' }
  | { readonly kind: 'exact'; readonly host: string }
  | { readonly kind: 'subdomains'; readonly suffix: string };

/** A compiled host pattern, or why the text is not one. */
export type HostPatternResult = { ok: true; pattern: HostPattern } | { ok: false; message: string };

/**
 * Compiles `example.com`, `*.example.com` (subdomains only, on a label boundary), `*`, an IP
 * literal or an IDN; hosts go through WHATWG URL so case, IDNA and IPv4 forms are canonical.
 */
export function compileHostPattern(text: string): HostPatternResult {
  if (text === '*') return { ok: true, pattern: { kind: 'any' } };
  const wildcard = text.startsWith('*.');
  const rest = wildcard ? text.slice(2) : text;
  const bare = rest.includes(':') && !rest.startsWith('[') ? `[${rest}]` : rest;
  if (bare === '' || /[*/@?#\s\\%]/.test(bare) || bare.includes(']:')) {
    return {
      ok: false,
      message: `"${text}" is not a host pattern: write a host name, "*.example.com" or an IP (no scheme, port, path or other "*")`,
    };
  }
  const host = canonicalHost(bare);
  if (host === undefined) return { ok: false, message: `"${text}" is not a valid host name` };
  return {
    ok: true,
    pattern: wildcard ? { kind: 'subdomains', suffix: `.${host}` } : { kind: 'exact', host },
  };
}

/** The canonical host of a URL (lowercase, punycode, no trailing dot); '' when it has none. */
export function hostOfUrl(url: URL): string {
  return stripTrailingDots(url.hostname.toLowerCase());
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

function canonicalHost(host: string): string | undefined {
  const url = parseUrl(`http://${host}/`);
  if (url?.username !== '' || url.port !== '' || url.pathname !== '/') {
    return undefined;
  }
  const canonical = hostOfUrl(url);
  return canonical === '' ? undefined : canonical;
}

function stripTrailingDots(host: string): string {
  let end = host.length;
  while (end > 0 && host.charCodeAt(end - 1) === 46) end--;
  return end === host.length ? host : host.slice(0, end);
}
