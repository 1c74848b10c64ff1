import { SERVER_NAME_PATTERN } from '../config/schema.js';

const MAX = 32;

/**
 * A valid gateway server name for what a client called a server: 1-32 letters, digits or
 * single dashes (an `_` would make `server__tool` ambiguous). Deterministic.
 */
export const toServerName = (name: string): string => {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX)
    .replace(/-+$/, '');
  return cleaned === '' ? 'server' : cleaned;
};

/** Picks `name`, else `name-2`, `name-3`, … (still within 32 characters) not in `taken`. */
export const uniqueServerName = (name: string, taken: ReadonlySet<string>): string => {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${name.slice(0, MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
};

/** True when a name is already valid for the gateway. */
export const isValidServerName = (name: string): boolean => SERVER_NAME_PATTERN.test(name);
