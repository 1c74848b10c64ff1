/** A secret found inside a string: its kind and UTF-16 span [start, end). */
export interface SecretMatch {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
}

/** Finds provider-specific secrets in text (the scanner's `findSecrets`, injected). */
export type FindSecrets = (text: string) => readonly SecretMatch[];

/** What `redactSecrets` needs: the secret finder, and the path prefix to report (e.g. `args`). */
export interface RedactSecretsOptions {
  readonly findSecrets: FindSecrets;
  /** Prefix of every reported path; `args` gives `args.headers.Authorization`. */
  readonly path?: string;
}

/** A redacted copy and the JSON paths that were changed. */
export interface RedactedValue<T> {
  readonly value: T;
  readonly paths: readonly string[];
}

// Normalised (lower case, no `-`/`_`) key suffixes whose values are always secret, with the
// kind written in the marker. A suffix match catches `x-api-key`, `GITHUB_TOKEN`,
// `proxy-authorization` and `db_password` without catching `max_tokens` or `tokenizer`.
const SECRET_KEY_SUFFIXES: readonly (readonly [string, string])[] = [
  ['clientsecret', 'client_secret'],
  ['privatekey', 'private_key'],
  ['accesskey', 'access_key'],
  ['secretkey', 'secret_key'],
  ['apikey', 'api_key'],
  ['authorization', 'authorization'],
  ['password', 'password'],
  ['passwd', 'password'],
  ['passphrase', 'password'],
  ['secret', 'secret'],
  ['token', 'token'],
  ['cookie', 'cookie'],
  ['credentials', 'credentials'],
  ['credential', 'credentials'],
];

// Pagination cursors end in "token" but are not credentials; redacting them hides useful detail.
const NOT_SECRET_KEYS: ReadonlySet<string> = new Set(['pagetoken', 'nextpagetoken', 'nexttoken']);

const normaliseKey = (key: string): string => key.toLowerCase().replace(/[-_]/g, '');

/** The marker kind for a key whose value is secret by name, or undefined. */
export const secretKeyKind = (key: string): string | undefined => {
  const normal = normaliseKey(key);
  if (NOT_SECRET_KEYS.has(normal)) return undefined;
  for (const [suffix, kind] of SECRET_KEY_SUFFIXES) {
    if (normal.endsWith(suffix)) return kind;
  }
  return undefined;
};

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

const childPath = (parent: string, key: string): string => {
  if (!IDENTIFIER.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
};

const marker = (kind: string): string => `[REDACTED:${kind}]`;

const redactText = (text: string, findSecrets: FindSecrets): string => {
  const matches = findSecrets(text)
    .filter((match) => match.start < match.end)
    .sort((a, b) => a.start - b.start);
  if (matches.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const match of matches) {
    if (match.end <= cursor) continue;
    // An overlapping match only extends the previous marker, so nothing of either leaks.
    if (match.start >= cursor) out += text.slice(cursor, match.start) + marker(match.kind);
    cursor = match.end;
  }
  return out + text.slice(cursor);
};

const isPlainObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const walk = (value: unknown, path: string, findSecrets: FindSecrets, paths: string[]): unknown => {
  if (typeof value === 'string') {
    const redacted = redactText(value, findSecrets);
    if (redacted !== value) paths.push(path);
    return redacted;
  }
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    let copy: unknown[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const next = walk(item, `${path}[${i}]`, findSecrets, paths);
      if (next !== item) {
        copy ??= [...items];
        copy[i] = next;
      }
    }
    return copy ?? items;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const item = value[key];
    const here = childPath(path, key);
    const kind = secretKeyKind(key);
    let next: unknown;
    // Booleans, null and empty strings carry no secret; anything else under a secret key goes.
    if (kind !== undefined && item !== null && typeof item !== 'boolean' && item !== '') {
      next = marker(kind);
      paths.push(here);
    } else {
      next = walk(item, here, findSecrets, paths);
    }
    if (next !== item) {
      copy ??= { ...value };
      copy[key] = next;
    }
  }
  return copy ?? value;
};

/**
 * Replaces secrets with `[REDACTED:<kind>]`: values under secret-sounding keys, and spans the
 * injected finder reports inside strings. Copies only what changes; never mutates the input.
 */
export const redactSecrets = <T>(value: T, options: RedactSecretsOptions): RedactedValue<T> => {
  const paths: string[] = [];
  const redacted = walk(value, options.path ?? '', options.findSecrets, paths) as T;
  return { value: redacted, paths };
};
