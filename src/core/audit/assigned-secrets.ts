import type { SecretMatch } from './redact-secrets.js';
import { revealsSecret, secretKeyKind } from './secret-keys.js';

// Most strings name no secret at all: one cheap test skips them before any real work.
const MAY_NAME_SECRET = /pass|pwd|tok|secret|auth|cookie|key|credential|sess|mysql|mariadb/i;

// How a secret-named key ends (secretKeyKind has the final say): checked inside the regex, so
// the many keys that name nothing secret cost no trip back to JavaScript.
const SECRET_END =
  '(?<=pass(?:word|wd|phrase)s?|pwd|secrets?|tokens?|auth(?:orization)?|cookies?|credentials?|(?:api|access|secret|private)[-_]?keys?|sess(?:ion)?[-_]?id)';

// A key at the start of its identifier run (so each run is tried once: linear time), taken
// whole (the lookahead-and-backreference pair cannot backtrack into it), ending like a secret
// name, optionally quoted or backslash-quoted (JSON inside a JSON string), then `:` or `=`.
const ASSIGNMENT = new RegExp(
  `(?<![\\w.-])(\\\\?["']?)(?=(-{0,2}[A-Za-z][\\w.-]{0,63}))\\2${SECRET_END}(\\\\?["']?)[ \\t]{0,3}([:=])[ \\t]{0,3}`,
  'gi',
);

// `--password value`: a long flag that takes the next word.
const FLAG_WITH_VALUE = new RegExp(
  `(?<![\\w-])--(?=([A-Za-z][\\w-]{0,63}))\\1${SECRET_END}[ \\t]+`,
  'gi',
);

// Clients that take a password glued to `-p` (`mysql -phunter2`); `mkdir -p`, `ssh -p 22` do not.
const GLUED_P_COMMANDS =
  /\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mysqlcheck|mysqlpump|mysqlbinlog|mariadb(?:-dump|-admin|-import|-show|-check)?|sshpass)\b/g;

const MAX_VALUE = 4096;
// Where an unquoted value ends: whitespace, separators of URLs, cookies and lists, quotes.
const UNQUOTED_END = /[\s&;,"'`<>{}()[\]#\\]/;
const LINE_END = /[\r\n]/;

const isLineStart = (text: string, index: number): boolean => {
  for (let i = index - 1; i >= 0; i--) {
    const c = text[i] ?? '';
    if (c === '\n' || c === '\r') return true;
    // Structure that may open a line of YAML, JS or a header list: `- key:`, `{key:`, `[key:`.
    if (!/[ \t\-{[,(]/.test(c)) return false;
  }
  return true;
};

/** The end of a quoted value starting after its opening quote at `from`, escapes honoured. */
const closingQuote = (text: string, from: number, quote: string, escaped: boolean): number => {
  const limit = Math.min(text.length, from + MAX_VALUE);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (escaped) {
      // Inside a JSON string a quote is `\"`, and `\\` is a backslash.
      if (c === '\\' && text[i + 1] === quote) return i;
      if (c === '\\') i++;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === quote) return i;
  }
  return -1;
};

const runUntil = (text: string, from: number, stop: RegExp): number => {
  const limit = Math.min(text.length, from + MAX_VALUE);
  let i = from;
  while (i < limit && !stop.test(text[i] ?? '')) i++;
  return i;
};

/** The span of the value at `from` (quoted or not), or undefined when there is none. */
const valueSpan = (
  text: string,
  from: number,
  options: { toLineEnd: boolean; openQuote: string },
): { start: number; end: number } | undefined => {
  const escaped = text[from] === '\\' && (text[from + 1] === '"' || text[from + 1] === "'");
  const quote = escaped ? (text[from + 1] ?? '') : (text[from] ?? '');
  if (quote === '"' || quote === "'") {
    const start = from + (escaped ? 2 : 1);
    const end = closingQuote(text, start, quote, escaped);
    return end === -1 ? { start, end: runUntil(text, start, LINE_END) } : { start, end };
  }
  if (options.toLineEnd) {
    // A header value runs to the end of its line, or to the quote that opened `"Key: value"`.
    const stop = options.openQuote === '' ? LINE_END : new RegExp(`[\\r\\n${options.openQuote}]`);
    let end = runUntil(text, from, stop);
    while (end > from && /\s/.test(text[end - 1] ?? '')) end--;
    return { start: from, end };
  }
  return { start: from, end: runUntil(text, from, UNQUOTED_END) };
};

const kept = (
  out: SecretMatch[],
  key: string,
  kind: string,
  text: string,
  span: { start: number; end: number } | undefined,
): number | undefined => {
  if (span === undefined || span.end <= span.start) return undefined;
  const value = text.slice(span.start, span.end);
  // Already redacted, or a count under a `…tokens` key.
  if (value.startsWith('[REDACTED:') || !revealsSecret(key, value)) return span.end;
  out.push({ kind, start: span.start, end: span.end });
  return span.end;
};

const findAssignments = (text: string, out: SecretMatch[]): void => {
  ASSIGNMENT.lastIndex = 0;
  for (let match = ASSIGNMENT.exec(text); match !== null; match = ASSIGNMENT.exec(text)) {
    const [whole, openQuote = '', rawKey = '', closeQuote = '', separator = ''] = match;
    const key = rawKey.replace(/^-+/, '');
    const kind = secretKeyKind(key);
    const after = match.index + whole.length;
    if (kind === undefined) continue;
    if (separator === '=' && (text[after] === '=' || text[after] === '>')) continue;
    const quotedKey = openQuote !== '' && closeQuote !== '';
    // `key: value` in prose ("reset your password: click here") is not an assignment; quoted
    // keys (JSON, JS), keys that start a line (YAML, headers) and `"Header: value"` are.
    if (separator === ':' && !quotedKey && openQuote === '' && !isLineStart(text, match.index)) {
      continue;
    }
    const header =
      separator === ':' && !quotedKey && (kind === 'authorization' || kind === 'cookie');
    let span = valueSpan(text, after, {
      toLineEnd: header,
      openQuote: header ? openQuote.slice(-1) : '',
    });
    // `token = getToken();` is code, not a secret: with spaces around `=`, an unquoted value
    // counts only when it is the whole rest of the line (`password = hunter2` in an INI file).
    const quotedValue = /^\\?["']/.test(text.slice(after, after + 2));
    if (separator === '=' && /[ \t]/.test(whole) && !quotedValue && span !== undefined) {
      const next = text[span.end];
      if (next !== undefined && next !== '\n' && next !== '\r') span = undefined;
    }
    const end = kept(out, key, kind, text, span);
    if (end !== undefined && end > ASSIGNMENT.lastIndex) ASSIGNMENT.lastIndex = end;
  }
};

const findFlagValues = (text: string, out: SecretMatch[]): void => {
  FLAG_WITH_VALUE.lastIndex = 0;
  for (let match = FLAG_WITH_VALUE.exec(text); match !== null; match = FLAG_WITH_VALUE.exec(text)) {
    const flag = match[1] ?? '';
    const kind = secretKeyKind(flag);
    const after = match.index + match[0].length;
    // `--password --verbose`: the next word is another flag, not a value.
    if (kind === undefined || text[after] === '-') continue;
    const end = kept(
      out,
      flag,
      kind,
      text,
      valueSpan(text, after, { toLineEnd: false, openQuote: '' }),
    );
    if (end !== undefined && end > FLAG_WITH_VALUE.lastIndex) FLAG_WITH_VALUE.lastIndex = end;
  }
};

const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r';

const findGluedPasswords = (text: string, out: SecretMatch[]): void => {
  GLUED_P_COMMANDS.lastIndex = 0;
  for (
    let match = GLUED_P_COMMANDS.exec(text);
    match !== null;
    match = GLUED_P_COMMANDS.exec(text)
  ) {
    // The command's own words: up to the end of the line or the next `;`, `|` or `&`. Only that
    // segment is walked (segments never overlap), so the work stays linear.
    const from = match.index + match[0].length;
    const segmentEnd = runUntil(text, from, /[\r\n;|&]/);
    // sshpass also takes `-p password`; the database clients only `-ppassword`.
    const spaced = match[0] === 'sshpass';
    for (let i = from; i + 2 < segmentEnd; i++) {
      if (text[i] !== '-' || text[i + 1] !== 'p' || !isSpace(text[i - 1])) continue;
      let start = i + 2;
      if (spaced)
        while (start < segmentEnd && (text[start] === ' ' || text[start] === '\t')) start++;
      let end = start;
      while (end < segmentEnd && !isSpace(text[end]) && text[end] !== '"' && text[end] !== "'") {
        end++;
      }
      if (end > start) out.push({ kind: 'password', start, end });
      i = end;
    }
    GLUED_P_COMMANDS.lastIndex = Math.max(GLUED_P_COMMANDS.lastIndex, segmentEnd);
  }
};

const NO_MATCHES: readonly SecretMatch[] = Object.freeze([]);

/**
 * Values that text assigns to secret-named keys: `password=…` and `PGPASSWORD=…` in command
 * lines, `?access_token=…` in URLs, `"password": "…"` in a JSON body held in a string,
 * `Authorization: …` headers, `--token …` flags and `mysql -p…`. Linear in the text.
 */
export const findAssignedSecrets = (text: string): readonly SecretMatch[] => {
  // Most strings name no secret: one shared empty list, not a new one per string.
  if (!MAY_NAME_SECRET.test(text)) return NO_MATCHES;
  const out: SecretMatch[] = [];
  findAssignments(text, out);
  findFlagValues(text, out);
  findGluedPasswords(text, out);
  return out;
};

/** True when a command word (`mysql`, `/usr/bin/mysqldump`) takes its password glued to `-p`. */
export const takesGluedPassword = (word: string): boolean => {
  const name = word.slice(word.lastIndexOf('/') + 1).replace(/\.exe$/i, '');
  GLUED_P_COMMANDS.lastIndex = 0;
  const match = GLUED_P_COMMANDS.exec(name);
  return match?.index === 0 && match[0].length === name.length;
};
