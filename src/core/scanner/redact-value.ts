import type { Finding } from './finding.js';
import { redactText } from './redact.js';

const identifier = /^[A-Za-z_$][\w$]*$/;

// The same JSON-path spelling scanValue uses, so findings find their strings again.
const childPath = (parent: string, key: string | number): string => {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (identifier.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
};

/**
 * A copy of a JSON value in which every string that has findings (by the `field` paths
 * scanValue reported from the same root) is redacted; untouched branches are shared, not copied.
 */
export const redactValue = <T>(value: T, findings: readonly Finding[], field: string): T => {
  const byField = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byField.get(finding.field);
    if (list === undefined) byField.set(finding.field, [finding]);
    else list.push(finding);
  }
  if (byField.size === 0) return value;
  const prefixes = new Set<string>();
  for (const path of byField.keys()) {
    for (let i = 0; i < path.length; i++)
      if (path[i] === '.' || path[i] === '[') prefixes.add(path.slice(0, i));
  }
  const visit = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      const found = byField.get(path);
      return found === undefined ? node : redactText(node, found);
    }
    if (typeof node !== 'object' || node === null || !prefixes.has(path)) return node;
    if (Array.isArray(node)) return node.map((item: unknown, i) => visit(item, childPath(path, i)));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(node)) out[key] = visit(item, childPath(path, key));
    return out;
  };
  return visit(value, field) as T;
};
