import { canonicalJson } from '../canonical-json.js';
import { displayValue, revealInvisible } from './display-value.js';
import { describeTextChange } from './text-change.js';

/** One change between two definitions, at a JSON path, with values shown for a human reviewer. */
export interface DiffLine {
  /** Where the change is, e.g. `description` or `inputSchema.properties.path.description`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** The old value as compact JSON (a change excerpt for long strings); absent when added. */
  before?: string;
  /** The new value as compact JSON (a change excerpt for long strings); absent when removed. */
  after?: string;
}

// Removed values cannot reach the model any more, so a long one is cut; added ones never are.
const REMOVED_VALUE_LENGTH = 200;

/** Lists what changed between two pinned definitions, path by path, in key order. */
export const diffDefinitions = (
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): DiffLine[] => {
  const lines: DiffLine[] = [];
  diffValues('', before, after, lines);
  return lines;
};

const diffValues = (path: string, before: unknown, after: unknown, lines: DiffLine[]): void => {
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    lines.push({ path, kind: 'added', after: displayValue(after) });
    return;
  }
  if (after === undefined) {
    lines.push({ path, kind: 'removed', before: displayValue(before, REMOVED_VALUE_LENGTH) });
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) diffValues(childPath(path, key), before[key], after[key], lines);
    return;
  }
  // Arrays of objects (anyOf, oneOf, prefixItems) are compared item by item; arrays of plain
  // values (required, enum) read better as one before/after pair.
  if (
    Array.isArray(before) &&
    Array.isArray(after) &&
    (hasContainer(before) || hasContainer(after))
  ) {
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index++) {
      diffValues(`${path}[${index}]`, before[index], after[index], lines);
    }
    return;
  }
  if (canonicalJson(before) === canonicalJson(after)) return;
  if (typeof before === 'string' && typeof after === 'string') {
    lines.push({ path, kind: 'changed', ...describeTextChange(before, after) });
    return;
  }
  lines.push({ path, kind: 'changed', before: displayValue(before), after: displayValue(after) });
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasContainer = (items: readonly unknown[]): boolean =>
  items.some((item) => typeof item === 'object' && item !== null);

const childPath = (parent: string, key: string): string => {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return parent === '' ? key : `${parent}.${key}`;
  // Keys are untrusted backend text: quote them and reveal hidden characters.
  return `${parent}[${revealInvisible(JSON.stringify(key))}]`;
};
