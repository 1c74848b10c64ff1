/** Where the full text of a cut result is read: `mcp-gateway://results/<id>`. */
export const RESULT_URI_PREFIX = 'mcp-gateway://results/';

/** The resource template clients find cut results by (RFC 6570: `offset` and `length` are query parameters). */
export const RESULT_URI_TEMPLATE = `${RESULT_URI_PREFIX}{id}{?offset,length}`;

// Ids are lower-case hex: never a percent-encoded URI, so a server named "results" whose
// duplicate URIs are rewritten to mcp-gateway://results/<encoded URI> is never mistaken for one.
const ID = /^[0-9a-f]{8,64}$/;

/** A request for part of a cut result: its id, and a byte range of its UTF-8 text if given. */
export interface ResultRange {
  readonly id: string;
  readonly offset: number | undefined;
  readonly length: number | undefined;
}

/** The URI of a kept result, with a byte range when given. */
export const toResultUri = (id: string, range?: { offset: number; length: number }): string =>
  range === undefined
    ? `${RESULT_URI_PREFIX}${id}`
    : `${RESULT_URI_PREFIX}${id}?offset=${range.offset}&length=${range.length}`;

/**
 * Reads a result URI: undefined when the URI is not one (it goes to the backends), an error
 * message when it is one but malformed.
 */
export const parseResultUri = (
  uri: string,
): ResultRange | { readonly error: string } | undefined => {
  if (!uri.startsWith(RESULT_URI_PREFIX)) return undefined;
  const rest = uri.slice(RESULT_URI_PREFIX.length);
  const question = rest.indexOf('?');
  const id = question === -1 ? rest : rest.slice(0, question);
  if (!ID.test(id)) return undefined;
  let offset: number | undefined;
  let length: number | undefined;
  if (question !== -1) {
    for (const pair of rest.slice(question + 1).split('&')) {
      if (pair === '') continue;
      const [key = '', value = ''] = pair.split('=', 2);
      if (key !== 'offset' && key !== 'length')
        return {
          error: `unknown query parameter "${key}": only offset and length (bytes) are read`,
        };
      if (!/^\d{1,15}$/.test(value))
        return { error: `${key} must be a whole number of bytes, not "${value}"` };
      if (key === 'offset') offset = Number(value);
      else length = Number(value);
    }
  }
  return { id, offset, length };
};
