/** How exposed names are built (DESIGN §4). */
export interface NamingOptions {
  readonly separator: string;
  readonly maxLength: number;
  readonly prefix: 'always' | 'never';
}

const UNSAFE = /[^A-Za-z0-9_-]/g;
const SUFFIX_LENGTH = 7; // "_" + 6 hex

/** 32-bit FNV-1a: a stable, dependency-free hash for name suffixes (not for security). */
export const shortHash = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0').slice(0, 6);
};

/**
 * The name an agent sees for a backend's tool or prompt: `server__tool`, odd characters
 * mapped to `_`, over-long names cut and ended with `_` plus 6 hex of a hash of the original.
 * `forceSuffix` disambiguates names that collided after mapping.
 */
export const toPublicName = (
  server: string,
  name: string,
  naming: NamingOptions,
  forceSuffix = false,
): string => {
  const raw = naming.prefix === 'never' ? name : `${server}${naming.separator}${name}`;
  const safe = raw.replace(UNSAFE, '_');
  if (!forceSuffix && safe.length <= naming.maxLength && safe.length > 0) return safe;
  const suffix = `_${shortHash(raw)}`;
  return safe.slice(0, Math.max(0, naming.maxLength - SUFFIX_LENGTH)) + suffix;
};

/** True when the public name is the plain, unmapped composition (nothing was lost). */
export const isLosslessName = (server: string, name: string, naming: NamingOptions): boolean => {
  const raw = naming.prefix === 'never' ? name : `${server}${naming.separator}${name}`;
  return raw.length <= naming.maxLength && raw.length > 0 && !/[^A-Za-z0-9_-]/.test(raw);
};
