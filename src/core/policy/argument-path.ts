/** What resolving a path argument needs: where `~` and relative paths point, and symlinks. */
export interface PathResolution {
  readonly home: string;
  readonly cwd: string;
  readonly realpath: ((path: string) => string | undefined) | undefined;
}

const slash = 47;
const driveRoot = /^[A-Za-z]:(?:\/|$)/;
// `//`, a `.` or `..` segment, or a trailing `/` (other than the root itself).
const needsCollapse = /\/\/|\/\.\.?(?:\/|$)|.\/$/;

/**
 * Every absolute, normalized spelling a path argument can stand for: the lexical one, the one
 * with `\` read as a separator (when the value has one), and the real path of each when a
 * `realpath` is given. Undefined when the value is not a usable path (empty, NUL, `~user`,
 * a non-file URL); callers treat that as a predicate error.
 */
export function pathCandidates(value: string, resolution: PathResolution): string[] | undefined {
  const raws = [toAbsolute(value, resolution, false)];
  if (value.includes('\\')) raws.push(toAbsolute(value, resolution, true));
  const candidates: string[] = [];
  for (const raw of raws) {
    if (raw === undefined) return undefined;
    candidates.push(collapse(raw));
    if (resolution.realpath !== undefined) {
      // The OS resolves `link/..` through the link, so the raw (uncollapsed) path is resolved.
      const real = realpathDeep(raw, resolution.realpath);
      if (real !== undefined) candidates.push(collapse(real));
    }
  }
  return candidates;
}

/**
 * Normalizes a configured base folder (`~`, relative to `baseDir`, `\` as a separator when
 * present) plus its real path when a `realpath` is given; undefined when it is not a path.
 */
export function resolveBase(
  value: string,
  resolution: PathResolution,
  baseDir: string,
): string[] | undefined {
  const absolute = toAbsolute(value, { ...resolution, cwd: baseDir }, value.includes('\\'));
  if (absolute === undefined) return undefined;
  const bases = [collapse(absolute)];
  if (resolution.realpath !== undefined) {
    const real = realpathDeep(absolute, resolution.realpath);
    if (real !== undefined && collapse(real) !== bases[0]) bases.push(collapse(real));
  }
  return bases;
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
 * Turns a path argument into an absolute `/`-separated path with `..` still in it: expands `~`,
 * decodes `file:` URLs, and joins relative paths to the working directory.
 */
function toAbsolute(
  value: string,
  resolution: PathResolution,
  backslashSeparates: boolean,
): string | undefined {
  if (value === '' || value.includes('\0')) return undefined;
  let path = backslashSeparates ? value.replaceAll('\\', '/') : value;
  if (/^file:/i.test(path)) {
    const fromUrl = fileUrlPath(path);
    if (fromUrl === undefined) return undefined;
    path = fromUrl;
  }
  if (path.startsWith('~')) {
    if (path !== '~' && !path.startsWith('~/')) return undefined;
    return resolution.home + path.slice(1);
  }
  if (path.startsWith('/') || driveRoot.test(path)) return path;
  return `${resolution.cwd}/${path}`;
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
