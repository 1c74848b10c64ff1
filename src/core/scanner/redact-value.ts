import type { Finding } from './finding.js';
import { childPath, isBinaryPayload, keyField } from './json-path.js';
import { redactText } from './redact.js';
import { INCOMPLETE_RULE } from './scan-job.js';

const unscanned = `[blocked:${INCOMPLETE_RULE}]`;

/**
 * A copy of a JSON value in which every string and object key that has findings (by the `field`
 * paths scanValue reported from the same root) is redacted; untouched branches are shared, not
 * copied. A `scan.incomplete` finding marks where scanning stopped: that string is cut there, and
 * every later string value in walk order (keys first, then values, in insertion order) becomes
 * `[blocked:scan.incomplete]`. Keys after the cut and strings under `type` and `mimeType` keys
 * are kept, so the result keeps the shape its client validates (content items, object members).
 */
export const redactValue = <T>(value: T, findings: readonly Finding[], field: string): T => {
  const byField = new Map<string, Finding[]>();
  let cut: Finding | undefined;
  for (const finding of findings) {
    if (finding.rule === INCOMPLETE_RULE) {
      cut ??= finding;
      continue;
    }
    const list = byField.get(finding.field);
    if (list === undefined) byField.set(finding.field, [finding]);
    else list.push(finding);
  }
  if (byField.size === 0 && cut === undefined) return value;
  const prefixes = new Set<string>();
  for (const path of [...byField.keys(), ...(cut === undefined ? [] : [cut.field])]) {
    for (let i = 0; i < path.length; i++)
      if (path[i] === '.' || path[i] === '[' || path[i] === '#') prefixes.add(path.slice(0, i));
  }
  let past = false;

  const text = (node: string, path: string, structural: boolean): string => {
    const found = byField.get(path);
    if (cut?.field === path && !past) {
      past = true;
      const head = node.slice(0, cut.span[0]);
      return `${found === undefined ? head : redactText(head, found)}${unscanned}`;
    }
    if (past && !structural) return unscanned;
    return found === undefined ? node : redactText(node, found);
  };

  const visit = (node: unknown, path: string, key: string | number | undefined): unknown => {
    if (cut?.field === path && typeof node !== 'string' && !past) past = true;
    if (typeof node === 'string') return text(node, path, key === 'type' || key === 'mimeType');
    if (typeof node !== 'object' || node === null || !(past || prefixes.has(path))) return node;
    if (Array.isArray(node))
      return node.map((item: unknown, i) => visit(item, childPath(path, i), i));
    const out: Record<string, unknown> = {};
    const parent = node as Record<string, unknown>;
    for (const [k, item] of Object.entries(parent)) {
      const at = childPath(path, k);
      const name = k.length === 0 ? k : text(k, keyField(at), true);
      // Image and audio bytes were never scanned text; they stay whole on either side of a cut.
      const copy =
        typeof item === 'string' && isBinaryPayload(parent, k, item) ? item : visit(item, at, k);
      // defineProperty: a "__proto__" key stays a key instead of replacing the prototype.
      Object.defineProperty(out, unique(out, name), {
        value: copy,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
  return visit(value, field, undefined) as T;
};

// Two keys redacted to the same marker must not overwrite each other.
const unique = (out: Record<string, unknown>, name: string): string => {
  if (!Object.hasOwn(out, name)) return name;
  let n = 2;
  while (Object.hasOwn(out, `${name} (${n})`)) n++;
  return `${name} (${n})`;
};
