/**
 * Where a backend resolves a relative path argument: under one of some folders (its working
 * directory, or the roots it resolves against), somewhere the gateway cannot know on this
 * machine, or on another machine.
 */
export type RelativeBase =
  | { readonly kind: 'folders'; readonly folders: readonly string[] }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'elsewhere' };

/** What resolving a path argument needs: where `~` and relative paths point, and symlinks. */
export interface PathResolution {
  readonly home: string;
  readonly relative: RelativeBase;
  readonly realpath: ((path: string) => string | undefined) | undefined;
}

/**
 * What a path argument stands for: every absolute spelling it may have, or, for a relative path
 * whose base is not known, `unknown` (could be anywhere on this machine) or `elsewhere` (on
 * another machine); undefined when it is not a usable path.
 */
export type PathCandidates = string[] | 'unknown' | 'elsewhere' | undefined;

const slash = 47;
const driveRoot = /^[A-Za-z]:(?:\/|$)/;
// `//`, a `.` or `..` segment, or a trailing `/` (other than the root itself).
const needsCollapse = /\/\/|\/\.\.?(?:\/|$)|.\/$/;

/**
 * Every absolute, normalized spelling a path argument can stand for: the lexical one, the one
 * with `\\` read as a separator (when the value has one), each joined to every folder a relative
 * path may resolve under, and the real path of each when a `realpath` is given. Undefined when
 * the value is not a usable path (empty, NUL, `~user`, a non-file URL); callers treat that as a
 * predicate error.
 */
export function pathCandidates(value: string, resolution: PathResolution): PathCandidates {
  const readings = value.includes('\\') ? [value, value.replaceAll('\\', '/')] : [value];
  const candidates: string[] = [];
  for (const reading of readings) {
    const path = expandPath(reading, resolution.home);
    if (path === undefined) return undefined;
    if (isAbsolute(path)) {
      addCandidate(path, resolution, candidates);
      continue;
    }
    const { relative } = resolution;
    if (relative.kind !== 'folders') return relative.kind;
    for (const folder of relative.folders)
      addCandidate(`${folder}/${path}`, resolution, candidates);
  }
  return candidates;
}

function addCandidate(raw: string, resolution: PathResolution, candidates: string[]): void {
  candidates.push(collapse(raw));
  if (resolution.realpath !== undefined) {
    // The OS resolves `link/..` through the link, so the raw (uncollapsed) path is resolved.
    const real = realpathDeep(raw, resolution.realpath);
    if (real !== undefined) candidates.push(collapse(real));
  }
}

/**
 * Normalizes a configured folder (`~`, relative to `baseDir`, `\\` as a separator when present)
 * plus its real path when a `realpath` is given; undefined when it is not a path.
 */
export function resolveBase(
  value: string,
  resolution: Pick<PathResolution, 'home' | 'realpath'>,
  baseDir: string,
): string[] | undefined {
  const absolute = absoluteFolder(value, resolution.home, baseDir);
  if (absolute === undefined) return undefined;
  const bases = [collapse(absolute)];
  if (resolution.realpath !== undefined) {
    const real = realpathDeep(absolute, resolution.realpath);
    if (real !== undefined && collapse(real) !== bases[0]) bases.push(collapse(real));
  }
  return bases;
}

/**
 * A folder written relative to `baseDir` (`~` expanded, `file:` decoded, `\\` a separator when
 * present) as a normalized absolute path, the way `path.resolve(baseDir, value)` reads it.
 */
export function absoluteFolder(value: string, home: string, baseDir: string): string | undefined {
  const path = expandPath(value.includes('\\') ? value.replaceAll('\\', '/') : value, home);
  if (path === undefined) return undefined;
  return collapse(isAbsolute(path) ? path : `${baseDir}/${path}`);
}

/** Segment-boundary containment of two normalized paths: `/a/src` covers `/a/src/x`, not `/a/srcX`. */
export function isPathUnder(path: string, base: string): boolean {
  if (!path.startsWith(base)) return false;
  if (path.length === base.length) return true;
  // A root (`/` or `c:/`) already ends in a separator.
  return base.charCodeAt(base.length - 1) === slash || path.charCodeAt(base.length) === slash;
}

/**
 * `isPathUnder` ignoring case, for a base already lowercased: ASCII is folded in place so the
 * common case allocates nothing.
 */
export function isPathUnderFolded(path: string, foldedBase: string): boolean {
  const length = foldedBase.length;
  if (path.length < length) return false;
  for (let index = 0; index < length; index++) {
    let code = path.charCodeAt(index);
    if (code > 127) return isPathUnder(path.toLowerCase(), foldedBase);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== foldedBase.charCodeAt(index)) return false;
  }
  if (path.length === length) return true;
  return foldedBase.charCodeAt(length - 1) === slash || path.charCodeAt(length) === slash;
}

/** Normalizes a folder the caller gives (home, cwd, a protected path) the same way as arguments. */
export function normalizeFolder(value: string): string {
  const unified = value.includes('\\') ? value.replaceAll('\\', '/') : value;
  return collapse(unified.startsWith('/') || driveRoot.test(unified) ? unified : `/${unified}`);
}

/**
 * Expands `~` and decodes `file:` URLs, leaving relative paths relative and `..` in place;
 * undefined for what is not a usable path.
 */
function expandPath(value: string, home: string): string | undefined {
  if (value === '' || value.includes('\0')) return undefined;
  let path = value;
  if (/^file:/i.test(path)) {
    const fromUrl = fileUrlPath(path);
    if (fromUrl === undefined) return undefined;
    path = fromUrl;
  }
  if (path.startsWith('~')) {
    if (path !== '~' && !path.startsWith('~/')) return undefined;
    return home + path.slice(1);
  }
  return path;
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || driveRoot.test(path);
}

function fileUrlPath(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.host !== '' && url.host !== 'localhost') return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  return /^\/[A-Za-z]:(?:\/|$)/.test(path) ? path.slice(1) : path;
}

/** Resolves `.`, `..` and repeated separators; never climbs above the root; lowercases a drive. */
function collapse(path: string): string {
  // Most paths are already clean; skip the split/join for them.
  if (path.charCodeAt(0) === slash && !needsCollapse.test(path)) return path;
  let root = '/';
  let rest = path;
  if (driveRoot.test(path)) {
    root = `${path.charAt(0).toLowerCase()}:/`;
    rest = path.slice(2);
  }
  const segments: string[] = [];
  for (const segment of rest.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return root + segments.join('/');
}

/**
 * The real path of `path`; a path that does not exist yet (a file about to be written) gets the
 * real path of its nearest existing parent plus the rest.
 */
function realpathDeep(
  path: string,
  realpath: (path: string) => string | undefined,
): string | undefined {
  let head = path;
  let tail = '';
  for (;;) {
    let real: string | undefined;
    try {
      real = realpath(head);
    } catch {
      real = undefined;
    }
    if (real !== undefined) {
      const unified = real.replaceAll('\\', '/');
      return tail === '' ? unified : `${unified}/${tail}`;
    }
    const cut = head.lastIndexOf('/');
    if (cut <= 0 || (cut === 2 && driveRoot.test(head))) return undefined;
    const segment = head.slice(cut + 1);
    tail = tail === '' ? segment : `${segment}/${tail}`;
    head = head.slice(0, cut);
  }
}
