// Raw braces, angle brackets and $ are not valid in URLs: they are template slots for the model to fill.
const placeholder = /[{}<>$]|\[[a-z_]{2,40}\]/i;
const sensitiveParam =
  /^(?:secret|token|password|pwd|pass|history|conversation|chat|prompt|memory|payload|leak|exfil|stolen|creds?|credentials?|apikey|api_key|ssn|cookie|session|data|msg|message|content|context|info)$/i;
const longValue = /^[A-Za-z0-9+/=_%.-]{40,}$/;

// Encoded data is dense: mixed case and digits (base64) or a long hex string, unlike slugs such as "databases-for-postgresql".
function dense(value: string): boolean {
  // Percent-encoded text (install links carrying JSON config) is readable data, not an opaque blob.
  if (value.split('%').length > 3) return false;
  return (
    longValue.test(value) &&
    ((/[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value)) ||
      /^[0-9a-f]{40,}$/i.test(value))
  );
}

/** True when a URL's query (or path) looks like it carries data: templated placeholders, long encoded values, or data-named parameters with content. */
export function urlCarriesData(url: string): boolean {
  if (placeholder.test(url)) return true;
  const q = url.indexOf('?');
  if (q < 0) return false;
  for (const pair of url.slice(q + 1, q + 2049).split('&')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    if (dense(value)) return true;
    if (sensitiveParam.test(name) && value.length >= 12 && /%20|\+|[a-z]{3,}/i.test(value))
      return true;
  }
  return false;
}
