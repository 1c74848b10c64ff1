/** One step of a selector path: a key, an array index, or every element/value (`[*]`). */
export type SelectorStep = string | number | typeof everyElement;

/** Where a predicate looks in the arguments. */
export type Selector =
  | { readonly kind: 'strings' }
  | { readonly kind: 'paths' }
  | { readonly kind: 'steps'; readonly steps: readonly SelectorStep[] };

/** A parsed selector, or why the text is not one. */
export type SelectorResult = { ok: true; selector: Selector } | { ok: false; message: string };

/** The `[*]` step. */
export const everyElement: unique symbol = Symbol('every element');

/**
 * Stands for a value nested too deep to inspect; string predicates see a non-string, which is a
 * predicate error (a match for deny/ask, no match for allow).
 */
export const unreadable: unique symbol = Symbol('unreadable');

const maxDepth = 64;
const segmentPattern = /^([^.[\]]+)((?:\[(?:\*|\d+)\])*)$/;

/** Parses `a.b`, `items[*].path`, `list[0]`, `$strings` or `$paths`. */
export function parseSelector(text: string): SelectorResult {
  if (text === '$strings') return { ok: true, selector: { kind: 'strings' } };
  if (text === '$paths') return { ok: true, selector: { kind: 'paths' } };
  const steps: SelectorStep[] = [];
  for (const segment of text.split('.')) {
    const parts = segmentPattern.exec(segment);
    const [, key, brackets] = parts ?? [];
    if (key === undefined || key.startsWith('$')) {
      return {
        ok: false,
        message: `"${text}" is not a selector: use "a.b", "items[*].path", "$strings" or "$paths"`,
      };
    }
    steps.push(key);
    for (const [, index] of (brackets ?? '').matchAll(/\[(\*|\d+)\]/g)) {
      steps.push(index === '*' ? everyElement : Number(index));
    }
  }
  return { ok: true, selector: { kind: 'steps', steps } };
}

/** The values a selector picks out of the arguments (never `undefined`). */
export function selectValues(args: unknown, selector: Selector): unknown[] {
  const out: unknown[] = [];
  switch (selector.kind) {
    case 'strings':
      collectStrings(args, out, 0);
      break;
    case 'paths':
      collectPaths(args, undefined, out, 0);
      break;
    case 'steps':
      followSteps(args, selector.steps, 0, out);
      break;
  }
  return out;
}

/** One selected value and where it sits in the arguments (`path`, `edits[0].path`, `["a.b"]`). */
export interface LocatedValue {
  readonly at: string;
  readonly value: unknown;
}

/**
 * Like `selectValues`, with each value's location; for showing a human what a rule looked at
 * (slower: only used when asking for approval).
 */
export function locateValues(args: unknown, selector: Selector): LocatedValue[] {
  const out: LocatedValue[] = [];
  const visit = (value: unknown, at: string, key: string | undefined, depth: number): void => {
    if (typeof value === 'string') {
      if (selector.kind === 'strings' || isPathLike(key, value)) out.push({ at, value });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (depth >= maxDepth) {
      out.push({ at, value: unreadable });
      return;
    }
    if (Array.isArray(value)) {
      // Array elements inherit their array's key: `paths: ["a", "b"]` are paths.
      (value as unknown[]).forEach((child, index) => {
        visit(child, `${at}[${index}]`, key, depth + 1);
      });
      return;
    }
    for (const [childKey, child] of Object.entries(value as Record<string, unknown>))
      visit(child, childLocation(at, childKey), childKey, depth + 1);
  };
  if (selector.kind !== 'steps') {
    visit(args, '', undefined, 0);
    return out;
  }
  const follow = (value: unknown, index: number, at: string): void => {
    if (value === undefined) return;
    const step = selector.steps[index];
    if (step === undefined) {
      out.push({ at, value });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (step === everyElement) {
      if (Array.isArray(value)) {
        (value as unknown[]).forEach((child, i) => {
          follow(child, index + 1, `${at}[${i}]`);
        });
      } else {
        for (const [key, child] of Object.entries(value as Record<string, unknown>))
          follow(child, index + 1, childLocation(at, key));
      }
    } else if (typeof step === 'number') {
      if (Array.isArray(value)) follow(value[step], index + 1, `${at}[${step}]`);
    } else if (!Array.isArray(value) && Object.hasOwn(value, step)) {
      follow((value as Record<string, unknown>)[step], index + 1, childLocation(at, step));
    }
  };
  follow(args, 0, '');
  return out;
}

/** The location of `key` inside the value at `at`: `a.b`, or `a["odd key"]` for other keys. */
export function childLocation(at: string, key: string): string {
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return at === '' ? key : `${at}.${key}`;
  return `${at}[${JSON.stringify(key)}]`;
}

/**
 * The `$paths` heuristic: a string is a path when its key names one (a word of the key, split at
 * camelCase, `_`, `-`, `.`, is path/file/dir/folder/directory/cwd/root/src/source/dest/dst/
 * destination, singular or plural) or when the value starts like a path: `/`, `~/`, `~user/`, `./`,
 * `../`, `.\`, `..\`, `\\`, a drive letter (`C:\`, `C:/`) or `file:`.
 */
export function isPathLike(key: string | undefined, value: string): boolean {
  return looksLikePath(value) || (key !== undefined && isPathKey(key) && !hasNonFileScheme(value));
}

const pathWords = new Set([
  'path',
  'pathname',
  'file',
  'filename',
  'filepath',
  'dir',
  'dirname',
  'directory',
  'directories',
  'folder',
  'cwd',
  'root',
  'src',
  'source',
  'dest',
  'dst',
  'destination',
]);
const pathKeyCache = new Map<string, boolean>();

function isPathKey(key: string): boolean {
  let known = pathKeyCache.get(key);
  if (known === undefined) {
    known = key
      .replaceAll(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .some(
        (word) => pathWords.has(word) || (word.endsWith('s') && pathWords.has(word.slice(0, -1))),
      );
    // Keys come from tool schemas, a bounded set; the cap keeps hostile arguments from growing it.
    if (pathKeyCache.size < 4096) pathKeyCache.set(key, known);
  }
  return known;
}

function looksLikePath(value: string): boolean {
  const first = value.charAt(0);
  if (first === '/') return true;
  if (first === '~') return /^~[\w.-]*(?:[/\\]|$)/.test(value);
  if (first === '.') return /^\.\.?(?:[/\\]|$)/.test(value);
  if (first === '\\') return value.charAt(1) === '\\';
  if (/^[A-Za-z]:[/\\]/.test(value)) return true;
  return /^file:/i.test(value);
}

function hasNonFileScheme(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value) && !/^file:/i.test(value);
}

function collectStrings(value: unknown, out: unknown[], depth: number): void {
  if (typeof value === 'string') {
    out.push(value);
  } else if (typeof value === 'object' && value !== null) {
    if (depth >= maxDepth) {
      out.push(unreadable);
      return;
    }
    const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) collectStrings(child, out, depth + 1);
  }
}

function collectPaths(
  value: unknown,
  key: string | undefined,
  out: unknown[],
  depth: number,
): void {
  if (typeof value === 'string') {
    if (isPathLike(key, value)) out.push(value);
  } else if (typeof value === 'object' && value !== null) {
    if (depth >= maxDepth) {
      out.push(unreadable);
      return;
    }
    if (Array.isArray(value)) {
      // Array elements inherit their array's key: `paths: ["a", "b"]` are paths.
      for (const child of value as unknown[]) collectPaths(child, key, out, depth + 1);
    } else {
      const record = value as Record<string, unknown>;
      for (const childKey in record) {
        if (Object.hasOwn(record, childKey))
          collectPaths(record[childKey], childKey, out, depth + 1);
      }
    }
  }
}

function followSteps(
  value: unknown,
  steps: readonly SelectorStep[],
  index: number,
  out: unknown[],
): void {
  if (value === undefined) return;
  const step = steps[index];
  if (step === undefined) {
    out.push(value);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (step === everyElement) {
    const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) followSteps(child, steps, index + 1, out);
  } else if (typeof step === 'number') {
    if (Array.isArray(value)) followSteps(value[step], steps, index + 1, out);
  } else if (!Array.isArray(value) && Object.hasOwn(value, step)) {
    followSteps((value as Record<string, unknown>)[step], steps, index + 1, out);
  }
}
