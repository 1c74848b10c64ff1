/** A compiled glob, or why the pattern is not one. */
export type GlobResult = { ok: true; regex: RegExp } | { ok: false; message: string };

const regexSpecials = new Set([
  '\\',
  '^',
  '$',
  '.',
  '|',
  '+',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '*',
  '?',
]);

/**
 * Compiles a glob to an anchored RegExp: `*` and `?` stay within one `/` segment, `**` crosses
 * segments, `{a,b}` are alternatives (nestable) and `\` escapes the next character.
 */
export function compileGlob(pattern: string): GlobResult {
  return compile(pattern, '[^/]');
}

/**
 * Compiles a `match` glob over a tool's identity `server/tool`: the server is one segment (server
 * names have no `/`) and the backend's own tool name is another, whatever it contains. So `*` and
 * `?` may cross a `/` once past the first one: a backend naming its tool `x/run` cannot step out
 * of `raw/*`.
 */
export function compileToolGlob(pattern: string): GlobResult {
  // A `/` is one of "any character" only when a `/` comes before it (the server/tool boundary);
  // the look-behind runs at `/` characters only and stops at the previous one, so it stays linear.
  return compile(pattern, '(?:[^/]|(?<!^[^/]*)/)');
}

function compile(pattern: string, anyChar: string): GlobResult {
  if (pattern === '') return { ok: false, message: 'a glob cannot be empty' };
  let source = '';
  let depth = 0;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern.charAt(index);
    if (char === '\\') {
      index++;
      if (index >= pattern.length) {
        return { ok: false, message: `glob "${pattern}" ends with a lone "\\"` };
      }
      source += escapeForRegex(pattern.charAt(index));
    } else if (char === '*') {
      if (pattern.charAt(index + 1) === '*') {
        index++;
        source += '[\\s\\S]*';
      } else {
        source += `${anyChar}*`;
      }
    } else if (char === '?') {
      source += anyChar;
    } else if (char === '{') {
      depth++;
      source += '(?:';
    } else if (char === '}') {
      if (depth === 0) return { ok: false, message: `glob "${pattern}" has a "}" without "{"` };
      depth--;
      source += ')';
    } else if (char === ',' && depth > 0) {
      source += '|';
    } else {
      source += escapeForRegex(char);
    }
  }
  if (depth > 0) return { ok: false, message: `glob "${pattern}" has a "{" without "}"` };
  return { ok: true, regex: new RegExp(`^${source}$`) };
}

/** True when the glob has no wildcard, alternative or escape, so it only matches itself. */
export function isLiteralGlob(pattern: string): boolean {
  return !/[*?{}\\]/.test(pattern);
}

/**
 * The server half of a `server/tool` glob (before the first `/` outside braces), or undefined
 * when the pattern has no such `/`.
 */
export function serverPartOf(pattern: string): string | undefined {
  let depth = 0;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern.charAt(index);
    if (char === '\\') index++;
    else if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (char === '/' && depth === 0) return pattern.slice(0, index);
  }
  return undefined;
}

/**
 * Expands `{a,b}` alternatives into the list of plain patterns they stand for (wildcards are
 * kept); gives up (undefined) past `limit` results so hostile patterns stay cheap.
 */
export function expandAlternatives(pattern: string, limit = 64): string[] | undefined {
  const open = findTopLevelBrace(pattern);
  if (open === undefined) return [pattern];
  const { start, end, options } = open;
  const results: string[] = [];
  for (const option of options) {
    const expanded = expandAlternatives(
      pattern.slice(0, start) + option + pattern.slice(end + 1),
      limit,
    );
    if (expanded === undefined) return undefined;
    results.push(...expanded);
    if (results.length > limit) return undefined;
  }
  return results;
}

function findTopLevelBrace(
  pattern: string,
): { start: number; end: number; options: string[] } | undefined {
  let depth = 0;
  let start = -1;
  let optionStart = -1;
  const options: string[] = [];
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern.charAt(index);
    if (char === '\\') {
      index++;
    } else if (char === '{') {
      if (depth === 0) {
        start = index;
        optionStart = index + 1;
      }
      depth++;
    } else if (char === ',' && depth === 1) {
      options.push(pattern.slice(optionStart, index));
      optionStart = index + 1;
    } else if (char === '}') {
      depth--;
      if (depth === 0) {
        options.push(pattern.slice(optionStart, index));
        return { start, end: index, options };
      }
    }
  }
  return undefined;
}

function escapeForRegex(char: string): string {
  return regexSpecials.has(char) ? `\\${char}` : char;
}
