import { findAssignedSecrets, takesGluedPassword } from './assigned-secrets.js';
import { revealsSecret, secretKeyKind } from './secret-keys.js';

export { secretKeyKind };

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

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

const childPath = (parent: string, key: string): string => {
  if (!IDENTIFIER.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
};

const marker = (kind: string): string => `[REDACTED:${kind}]`;

const redactText = (text: string, findSecrets: FindSecrets): string => {
  const found = findSecrets(text);
  const assigned = findAssignedSecrets(text);
  // Most strings hold no secret: no merged, filtered and sorted copies of two empty lists.
  if (found.length === 0 && assigned.length === 0) return text;
  const matches = [...found, ...assigned]
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

/** What a walk carries down: the finder and the paths changed so far (made at the first). */
interface Walk {
  readonly findSecrets: FindSecrets;
  paths: string[] | undefined;
}

/** Notes a changed path; the list is made by the first (most values have none). */
const changed = (walk: Walk, path: string): void => {
  if (walk.paths === undefined) walk.paths = [path];
  else walk.paths.push(path);
};

/** What `paths` is when nothing changed: one frozen list, not a new empty one per value. */
const NO_PATHS: readonly string[] = Object.freeze([]);

/** What an array's position tells about its strings. */
interface ArrayContext {
  /** Its owner names a program that takes `-p<password>` (`{ command: "mysql", args: [...] }`). */
  readonly gluedP: boolean;
  /** It is one entry of a list of `[name, value]` pairs. */
  readonly inPairList: boolean;
}

const PLAIN: ArrayContext = { gluedP: false, inPairList: false };
const GLUED: ArrayContext = { gluedP: true, inPairList: false };
const IN_PAIR_LIST: ArrayContext = { gluedP: false, inPairList: true };

const FLAG = /^--?([A-Za-z][\w-]*)$/;

// A `[name, value]` pair alone is a header only when the name is one: `["password", "email"]`
// is more likely a list of field names. In a list of pairs (`[[k, v], …]`) any secret name counts.
const HEADER_KINDS: ReadonlySet<string> = new Set(['authorization', 'cookie']);

const isPairList = (items: readonly unknown[]): boolean =>
  items.length > 0 &&
  items.every((item) => Array.isArray(item) && item.length === 2 && typeof item[0] === 'string');

/**
 * Secrets an array of strings holds by position: `["Authorization", "Bearer …"]` (a header as a
 * pair), `["--password", "…"]` (a flag and its value), `["mysql", "-p…"]`. The kinds by index.
 */
const positionalSecrets = (
  items: readonly unknown[],
  context: ArrayContext,
): Map<number, string> => {
  const found = new Map<number, string>();
  const [first, second] = items;
  if (items.length === 2 && typeof first === 'string' && typeof second === 'string') {
    const kind = secretKeyKind(first);
    if (
      kind !== undefined &&
      (context.inPairList || HEADER_KINDS.has(kind)) &&
      revealsSecret(first, second)
    ) {
      found.set(1, kind);
    }
  }
  const glued =
    context.gluedP || items.some((item) => typeof item === 'string' && takesGluedPassword(item));
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item !== 'string') continue;
    if (glued && item.length > 2 && item.startsWith('-p')) {
      found.set(i, 'password');
      continue;
    }
    const flag = FLAG.exec(item)?.[1];
    const next = items[i + 1];
    // `["--password", "--verbose"]`: the next word is another flag, not a value.
    if (flag === undefined || typeof next !== 'string' || next.startsWith('-')) continue;
    const kind = secretKeyKind(flag);
    if (kind !== undefined && revealsSecret(flag, next)) found.set(i + 1, kind);
  }
  return found;
};

const walkArray = (
  items: readonly unknown[],
  path: string,
  walk: Walk,
  context: ArrayContext,
): unknown => {
  const positional = items.some((item) => typeof item === 'string')
    ? positionalSecrets(items, context)
    : undefined;
  const childContext = isPairList(items) ? IN_PAIR_LIST : PLAIN;
  let copy: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const here = `${path}[${i}]`;
    const kind = positional?.get(i);
    let next: unknown;
    if (kind !== undefined) {
      // `-p<password>` keeps its flag, so the command line still reads as one.
      next =
        kind === 'password' && typeof item === 'string' && item.startsWith('-p')
          ? `-p${marker(kind)}`
          : marker(kind);
      changed(walk, here);
    } else {
      next = walkValue(item, here, walk, childContext);
    }
    if (next !== item) {
      copy ??= [...items];
      copy[i] = next;
    }
  }
  return copy ?? items;
};

// Keys under which an object names the program its `args` array is for.
const COMMAND_KEYS: ReadonlySet<string> = new Set(['command', 'cmd', 'program', 'executable']);

/**
 * A key that is itself a secret (a token used as a map key) becomes a marker, unique among
 * `taken` (the object's keys and the markers given so far), which it joins.
 */
const uniqueKey = (redacted: string, taken: Set<string>): string => {
  let unique = redacted;
  for (let n = 2; taken.has(unique); n++) unique = `${redacted}#${String(n)}`;
  taken.add(unique);
  return unique;
};

const walkObject = (
  value: Readonly<Record<string, unknown>>,
  path: string,
  walk: Walk,
): unknown => {
  const keys = Object.keys(value);
  let commandValue: unknown;
  for (const key of keys) {
    if (COMMAND_KEYS.has(key.toLowerCase())) {
      commandValue = value[key];
      break;
    }
  }
  const arrays =
    typeof commandValue === 'string' && takesGluedPassword(commandValue) ? GLUED : PLAIN;
  // Made only once something changes: most objects hold no secret and come back as they are,
  // without a set of their keys or a list of their members for the collector.
  let taken: Set<string> | undefined;
  let entries: [string, unknown][] | undefined;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] ?? '';
    const item = value[key];
    const redactedKey = redactText(key, walk.findSecrets);
    // The first renamed key sees every key as taken, as none was renamed before it.
    const outKey = redactedKey === key ? key : uniqueKey(redactedKey, (taken ??= new Set(keys)));
    // The member's path is made only when it is reported or walked into: a string member
    // (most arguments) that holds no secret needs none.
    let here = outKey === key ? undefined : childPath(path, outKey);
    if (here !== undefined) changed(walk, here);
    const kind = secretKeyKind(key);
    let next: unknown;
    if (kind !== undefined && revealsSecret(key, item)) {
      // Anything else under a secret key goes, whatever its type.
      next = marker(kind);
      changed(walk, here ?? childPath(path, outKey));
    } else if (typeof item === 'string') {
      next = redactText(item, walk.findSecrets);
      if (next !== item) changed(walk, here ?? childPath(path, outKey));
    } else {
      here ??= childPath(path, outKey);
      next = walkValue(item, here, walk, arrays);
    }
    if (entries === undefined && (next !== item || outKey !== key)) {
      // The members before this one are unchanged.
      entries = [];
      for (let j = 0; j < k; j++) {
        const before = keys[j] ?? '';
        entries.push([before, value[before]]);
      }
    }
    entries?.push([outKey, next]);
  }
  return entries === undefined ? value : Object.fromEntries(entries);
};

const walkValue = (value: unknown, path: string, walk: Walk, context: ArrayContext): unknown => {
  if (typeof value === 'string') {
    const redacted = redactText(value, walk.findSecrets);
    if (redacted !== value) changed(walk, path);
    return redacted;
  }
  if (Array.isArray(value)) return walkArray(value, path, walk, context);
  if (!isPlainObject(value)) return value;
  return walkObject(value, path, walk);
};

/**
 * Replaces secrets with `[REDACTED:<kind>]`: values under secret-sounding keys, values assigned
 * to them inside strings (`password=…`, `"token": "…"`, `Authorization: …`), spans the
 * injected finder reports, and keys that are themselves secrets. Copies only what changes;
 * never mutates the input.
 */
export const redactSecrets = <T>(value: T, options: RedactSecretsOptions): RedactedValue<T> => {
  const walk: Walk = { findSecrets: options.findSecrets, paths: undefined };
  const redacted = walkValue(value, options.path ?? '', walk, PLAIN) as T;
  return { value: redacted, paths: walk.paths ?? NO_PATHS };
};
