import { isDeepStrictEqual } from 'node:util';
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import { parseTOML } from 'toml-eslint-parser';
import type { AST } from 'toml-eslint-parser';
import { GatewayError } from '../core/errors.js';
import { isObject, type ClientFormat } from './client-locations.js';
import { parseClientText } from './parse-client-file.js';

/** One change to a client file: set (add or replace) or remove the value at a key path. */
export type EditOperation =
  | { readonly kind: 'set'; readonly path: readonly string[]; readonly value: unknown }
  | { readonly kind: 'remove'; readonly path: readonly string[] };

const BOM = '\uFEFF';

/**
 * Applies the operations to a client file's text, touching only the entries involved so
 * comments, order and formatting stay as they were. The result is parsed again and must hold
 * exactly the expected data, or nothing is written. Pure.
 */
export const editClientText = (
  text: string | undefined,
  format: ClientFormat,
  operations: readonly EditOperation[],
  file: string,
): string => {
  const original = text ?? '';
  const bom = original.startsWith(BOM) ? BOM : '';
  const body = bom === '' ? original : original.slice(1);
  const before = body.trim() === '' ? {} : parseClientText(body, format, file);
  const expected = applyToData(before, operations);
  const edited =
    format === 'codex' ? editToml(body, operations, file) : editJson(body, operations, expected);
  let after: unknown;
  try {
    after = parseClientText(edited, format, file);
  } catch (error) {
    throw cannotEdit(file, 'the edited text did not parse', error);
  }
  const prune = format === 'codex';
  if (!isDeepStrictEqual(normalize(after, prune), normalize(expected, prune))) {
    throw cannotEdit(file, 'the edited text did not hold exactly the intended change');
  }
  return bom + edited;
};

const cannotEdit = (file: string, why: string, cause?: unknown): GatewayError =>
  new GatewayError(
    'CONFIG_INVALID',
    `Cannot edit ${file} safely (${why}); nothing was changed. Add the entry by hand with the snippet from --dry-run.`,
    { cause, details: { file } },
  );

/** The same operations on plain data: what the file must hold afterwards. */
export const applyToData = (data: unknown, operations: readonly EditOperation[]): unknown => {
  const root: unknown = structuredClone(isObject(data) ? data : {});
  for (const operation of operations) {
    let node = root as Record<string, unknown>;
    const keys = operation.path;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      if (!isObject(next)) {
        if (operation.kind === 'remove') {
          node = {};
          break;
        }
        node[key] = {};
      }
      node = node[key] as Record<string, unknown>;
    }
    const last = keys.at(-1);
    if (last === undefined) continue;
    if (operation.kind === 'set') node[last] = structuredClone(operation.value);
    else Reflect.deleteProperty(node, last);
  }
  return root;
};

// TOML integers come back as bigint or number depending on size; compare them as numbers.
// In TOML a table left empty by a removal simply disappears (`prune`).
const normalize = (value: unknown, prune: boolean): unknown => {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map((item) => normalize(item, prune));
  if (value instanceof Date) return value.toISOString();
  if (isObject(value)) {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, normalize(v, prune)] as const)
      .filter(([, v]) => !(prune && isObject(v) && Object.keys(v).length === 0));
    return Object.fromEntries(entries);
  }
  return value;
};

/** Indentation and line ends as the file already uses them. */
export const detectFormatting = (text: string): FormattingOptions => {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indent === undefined) return { insertSpaces: true, tabSize: 2, eol };
  if (indent.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent.length, eol };
};

const editJson = (
  text: string,
  operations: readonly EditOperation[],
  expected: unknown,
): string => {
  // A missing or empty file is written whole, in the common two-space style.
  if (text.trim() === '') return `${JSON.stringify(expected, null, 2)}\n`;
  const formattingOptions = detectFormatting(text);
  let out = text;
  for (const operation of operations) {
    const edits = modify(
      out,
      [...operation.path],
      operation.kind === 'set' ? operation.value : undefined,
      {
        formattingOptions,
      },
    );
    out = applyEdits(out, edits);
  }
  return out;
};

type TopLevelNode = AST.TOMLKeyValue | AST.TOMLTable;

/** The `mcp_servers.NAME` server an operation is about; TOML edits are only ever these. */
const serverOf = (operation: EditOperation, file: string): string => {
  const [table, name, ...rest] = operation.path;
  if (table !== 'mcp_servers' || name === undefined || rest.length > 0) {
    throw cannotEdit(file, `unsupported TOML path ${operation.path.join('.')}`);
  }
  return name;
};

const editToml = (text: string, operations: readonly EditOperation[], file: string): string => {
  let out = text;
  for (const operation of operations) {
    const name = serverOf(operation, file);
    const { text: without, at } = removeTomlServer(out, name, file);
    if (operation.kind === 'remove') {
      out = without;
      continue;
    }
    const table = tomlTable(['mcp_servers', name], operation.value);
    if (at !== undefined) {
      const rest = without.slice(at);
      out = without.slice(0, at) + table + (rest === '' ? '' : '\n') + rest;
    } else {
      const eol = without.includes('\r\n') ? '\r\n' : '\n';
      const trimmed = without.replace(/\s*$/, '');
      out = `${trimmed}${trimmed === '' ? '' : `${eol}${eol}`}${table.replaceAll('\n', eol)}`;
    }
  }
  return out;
};

/** Removes every line that defines `mcp_servers.NAME` (its tables and dotted keys). */
const removeTomlServer = (
  text: string,
  name: string,
  file: string,
): { text: string; at: number | undefined } => {
  const ast = parseTOML(text);
  const top = ast.body[0];
  const spans: [number, number][] = [];
  for (const node of top.body as TopLevelNode[]) {
    if (node.type === 'TOMLTable') {
      const key = node.resolvedKey;
      if (key[0] === 'mcp_servers' && key[1] === name) spans.push(lineSpan(text, node.range));
      else if (key.length === 1 && key[0] === 'mcp_servers') {
        for (const pair of node.body) {
          if (keyNames(pair)[0] === name) spans.push(lineSpan(text, pair.range));
        }
      }
    } else {
      const keys = keyNames(node);
      if (keys[0] !== 'mcp_servers') continue;
      // `mcp_servers = { … }` cannot be extended by a table: the user rewrites it, not us.
      if (keys.length === 1) throw cannotEdit(file, 'mcp_servers is written as one inline table');
      if (keys[1] === name) spans.push(lineSpan(text, node.range));
    }
  }
  if (spans.length === 0) return { text, at: undefined };
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let cursor = 0;
  for (const [start, end] of spans) {
    if (start < cursor) continue;
    out += text.slice(cursor, start);
    cursor = end;
  }
  out += text.slice(cursor);
  return { text: out, at: spans[0]?.[0] };
};

const keyNames = (pair: AST.TOMLKeyValue): string[] =>
  pair.key.keys.map((key) => (key.type === 'TOMLBare' ? key.name : key.value));

/** From the start of the node's first line to after the end of its last line. */
const lineSpan = (text: string, range: readonly [number, number]): [number, number] => {
  const start = text.lastIndexOf('\n', range[0] - 1) + 1;
  const newline = text.indexOf('\n', Math.max(range[1] - 1, range[0]));
  let end = newline === -1 ? text.length : newline + 1;
  // The blank lines after a removed table go with it, so no gap is left behind.
  for (
    let blank = /^[ \t]*\r?\n/.exec(text.slice(end));
    blank !== null;
    blank = /^[ \t]*\r?\n/.exec(text.slice(end))
  ) {
    end += blank[0].length;
  }
  return [start, end];
};

/** A `[a.b]` table with string, string-array and string-map values, always ending in a newline. */
export const tomlTable = (path: readonly string[], value: unknown): string => {
  const lines = [`[${path.map(tomlKey).join('.')}]`];
  if (isObject(value)) {
    for (const [key, item] of Object.entries(value))
      lines.push(`${tomlKey(key)} = ${tomlValue(item)}`);
  }
  return `${lines.join('\n')}\n`;
};

const tomlKey = (key: string): string => (/^[A-Za-z0-9_-]+$/.test(key) ? key : tomlString(key));

const tomlValue = (value: unknown): string => {
  if (typeof value === 'string') return tomlString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(', ')}]`;
  if (isObject(value)) {
    const pairs = Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v)}`);
    return pairs.length === 0 ? '{}' : `{ ${pairs.join(', ')} }`;
  }
  throw new Error(`cannot write ${typeof value} as TOML`);
};

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\f': '\\f',
  '\r': '\\r',
};

/** A TOML basic string: quotes, backslashes and control characters escaped. */
const tomlString = (value: string): string =>
  `"${value.replace(/["\\]|[^ -~\u0080-\uffff]/g, (char) => ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
