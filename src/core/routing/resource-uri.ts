/** Scheme of the rewritten URIs the gateway exposes when two backends list the same URI. */
export const GATEWAY_URI_PREFIX = 'mcp-gateway://';

/** `mcp-gateway://<server>/<percent-encoded original URI>`: reversible, and a valid URI. */
export const toGatewayUri = (server: string, uri: string): string =>
  `${GATEWAY_URI_PREFIX}${server}/${encodeURIComponent(uri)}`;

/** The backend and original URI behind a rewritten URI; undefined for any other URI. */
export const parseGatewayUri = (uri: string): { server: string; uri: string } | undefined => {
  if (!uri.startsWith(GATEWAY_URI_PREFIX)) return undefined;
  const rest = uri.slice(GATEWAY_URI_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return undefined;
  try {
    return { server: rest.slice(0, slash), uri: decodeURIComponent(rest.slice(slash + 1)) };
  } catch {
    return undefined;
  }
};
