// Normalised (lower case, no `-`/`_`) key suffixes whose values are secret, with the kind written
// in the marker. A suffix match catches `x-api-key`, `GITHUB_TOKEN`, `proxy-authorization`,
// `db_password` and `PGPASSWORD` without catching `max_tokens` counts or `tokenizer`.
const SECRET_KEY_SUFFIXES: readonly (readonly [string, string])[] = [
  ['clientsecret', 'client_secret'],
  ['privatekeys', 'private_key'],
  ['privatekey', 'private_key'],
  ['accesskeys', 'access_key'],
  ['accesskey', 'access_key'],
  ['secretkeys', 'secret_key'],
  ['secretkey', 'secret_key'],
  ['apikeys', 'api_key'],
  ['apikey', 'api_key'],
  ['authorization', 'authorization'],
  ['passwords', 'password'],
  ['password', 'password'],
  ['passwd', 'password'],
  ['passphrase', 'password'],
  ['pwd', 'password'],
  ['secrets', 'secret'],
  ['secret', 'secret'],
  ['tokens', 'token'],
  ['token', 'token'],
  ['cookies', 'cookie'],
  ['cookie', 'cookie'],
  ['credentials', 'credentials'],
  ['credential', 'credentials'],
  ['sessionid', 'session_id'],
  ['sessid', 'session_id'],
  ['auth', 'auth'],
];

// Pagination cursors end in "token" but are not credentials; redacting them hides useful detail.
const NOT_SECRET_KEYS: ReadonlySet<string> = new Set(['pagetoken', 'nextpagetoken', 'nexttoken']);

const normaliseKey = (key: string): string => key.toLowerCase().replace(/[-_\s]/g, '');

const kindOfSegment = (segment: string): string | undefined => {
  const normal = normaliseKey(segment);
  if (NOT_SECRET_KEYS.has(normal)) return undefined;
  for (const [suffix, kind] of SECRET_KEY_SUFFIXES) {
    if (normal.endsWith(suffix)) return kind;
  }
  return undefined;
};

// Argument names come back call after call (`message`, `path`, `url`): each one's kind is
// worked out once (lower-casing, a regex and ~30 suffix tests), up to this many names, and
// names no longer than this (a client that sends many or long names does not grow it).
const KNOWN_KEYS_MAX = 1024;
const KNOWN_KEY_LENGTH_MAX = 64;
const knownKinds = new Map<string, string | null>();

/**
 * The marker kind for a key whose value is secret by name, or undefined. A dotted key is a
 * flattened path (`secrets.db`, `spring.datasource.password`): any secret segment makes it one.
 */
export const secretKeyKind = (key: string): string | undefined => {
  const known = knownKinds.get(key);
  if (known !== undefined) return known ?? undefined;
  const kind = kindOfKey(key);
  if (key.length <= KNOWN_KEY_LENGTH_MAX) {
    if (knownKinds.size >= KNOWN_KEYS_MAX) knownKinds.clear();
    knownKinds.set(key, kind ?? null);
  }
  return kind;
};

const kindOfKey = (key: string): string | undefined => {
  if (!key.includes('.')) return kindOfSegment(key);
  for (const segment of key.split('.')) {
    const kind = kindOfSegment(segment);
    if (kind !== undefined) return kind;
  }
  return undefined;
};

/**
 * Whether a value under a secret-named key is worth hiding: booleans, null and empty strings
 * reveal nothing, and a number under a `…tokens` key is a count (`max_tokens`, `input_tokens`).
 */
export const revealsSecret = (key: string, value: unknown): boolean => {
  if (value === null || value === undefined || typeof value === 'boolean' || value === '') {
    return false;
  }
  const counted = typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));
  return !(counted && normaliseKey(key).endsWith('tokens'));
};
