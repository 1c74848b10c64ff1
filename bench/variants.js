// @ts-check
// What the benchmarks share: the configs that turn the gateway's features off one at a time, and
// the `--compare-bin` list of other builds to alternate with this one.
import path from 'node:path';

/** Scanning off on every surface. */
export const SCAN_OFF = { descriptions: 'off', responses: 'off', arguments: 'off' };

/**
 * The gateway's config on top of the defaults, per variant: `gateway` is the defaults (no policy;
 * scanning, audit with batch durability and pinning on), `gw-bare` plain forwarding.
 * @type {Record<string, Record<string, unknown>>}
 */
export const featureVariants = {
  gateway: {},
  'gw-no-audit': { audit: { enabled: false } },
  'gw-no-scan': { scanning: SCAN_OFF },
  'gw-no-pins': { pinning: { mode: 'off' } },
  'gw-bare': { audit: { enabled: false }, scanning: SCAN_OFF, pinning: { mode: 'off' } },
};

/**
 * The other builds of a `--compare-bin` list, each `[LABEL=]path/bin/mcp-gateway.js` (LABEL
 * defaults to `base`; only the first '=' separates it, a path may hold more), paths resolved.
 * @param {string | undefined} list
 * @returns {{ label: string; bin: string }[]}
 */
export function compareBins(list) {
  return (list ?? '')
    .split(',')
    .filter((entry) => entry !== '')
    .map((entry) => {
      const at = entry.indexOf('=');
      return at === -1
        ? { label: 'base', bin: path.resolve(entry) }
        : { label: entry.slice(0, at), bin: path.resolve(entry.slice(at + 1)) };
    });
}
