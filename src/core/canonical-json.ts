/**
 * RFC 8785 (JCS) canonical JSON: object keys sorted by UTF-16 code units, numbers in
 * ECMAScript shortest form, strings escaped as JSON.stringify does.
 *
 * Lone surrogates, which I-JSON forbids, are written as `\uXXXX` escapes (JSON.stringify's
 * well-formed output) instead of throwing, so an agent's odd argument can never stop an
 * audit record from being written; the output stays deterministic.
 */
export const canonicalJson = (value: unknown): string => {
  const encoded = encodeUnlessPlain(value);
  return encoded ?? JSON.stringify(value);
};

/** Whether `keys` is already in JCS order; the gateway's own records are built that way. */
export const isCanonicalOrder = (keys: readonly string[]): boolean => {
  let previous = '';
  for (const key of keys) {
    if (previous > key) return false;
    previous = key;
  }
  return true;
};

// Most of what the gateway hashes is already canonical as `JSON.stringify` writes it: its own
// records are built in key order, and small arguments usually are too. So each value is walked
// once, and a subtree whose objects are plain, in JCS key order and hold only JSON values comes
// back `undefined`: its caller serialises it with one native `JSON.stringify` (which writes
// strings and numbers exactly as JCS does) instead of string by string. Only the subtrees that
// are not (keys out of order, something JSON cannot carry) are encoded here, member by member.
//
// String concatenation, not an array joined at the end: V8 builds the result as a rope and
// flattens it once (when it is hashed or written), which costs a fraction of the array pushes.

/** Longest key list sorted in place by insertion; longer ones go to `Array.prototype.sort`. */
const INSERTION_SORT_MAX = 16;

/**
 * Sorts keys in JCS order (UTF-16 code units, which is how `<` compares strings). Most objects
 * out of order are small (every MCP content item: `{"type":"text","text":…}`), and for those
 * `sort()` costs more in the work arrays it allocates than in comparing.
 */
const sortKeys = (keys: string[]): void => {
  if (keys.length > INSERTION_SORT_MAX) {
    keys.sort();
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] ?? '';
    let j = i - 1;
    for (; j >= 0 && (keys[j] ?? '') > key; j--) keys[j + 1] = keys[j] ?? '';
    keys[j + 1] = key;
  }
};

/** JCS text of `value`, or undefined when `JSON.stringify(value)` is that text already. */
const encodeUnlessPlain = (value: unknown): string | undefined => {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`JCS cannot encode ${String(value)}`);
      return undefined;
    case 'object':
      if (value === null) return undefined;
      return Array.isArray(value)
        ? arrayUnlessPlain(value as readonly unknown[])
        : objectUnlessPlain(value as Readonly<Record<string, unknown>>);
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      throw new TypeError(`JCS cannot encode a value of type ${typeof value}`);
  }
};

/**
 * JCS text of `value`, or undefined when `JSON.stringify(value)` writes that text already (every
 * object plain and in JCS key order, nothing JSON cannot carry): the check without the
 * serialisation, for callers that serialise several plain values in one `JSON.stringify`.
 */
export const canonicalJsonUnlessPlain: (value: unknown) => string | undefined = encodeUnlessPlain;

/** What `encodeUnlessPlain` left to JSON.stringify, as text. */
const encode = (value: unknown): string => encodeUnlessPlain(value) ?? JSON.stringify(value);

const arrayUnlessPlain = (value: readonly unknown[]): string | undefined => {
  // An array of another prototype may carry a toJSON that JSON.stringify would call.
  let from = Object.getPrototypeOf(value) === Array.prototype ? 0 : -1;
  let encoded: string | undefined;
  for (; from >= 0 && from < value.length; from++) {
    const item = value[from];
    // A missing item is `null` in both encodings.
    if (item === undefined) continue;
    encoded = encodeUnlessPlain(item);
    if (encoded !== undefined) break;
  }
  if (from === value.length) return undefined;
  // Items before `from` are plain; the one at `from` is `encoded`; the rest are encoded now.
  let out = '[';
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    if (i > 0) out += ',';
    out +=
      item === undefined
        ? 'null'
        : i < from
          ? JSON.stringify(item)
          : i === from
            ? (encoded ?? '')
            : encode(item);
  }
  return `${out}]`;
};

const NO_OVERRIDES: Readonly<Record<string, unknown>> = Object.freeze({});

/** Whether `record`'s keys come in JCS order, without making an array of them. */
const keysInOrder = (record: Readonly<Record<string, unknown>>): boolean => {
  let previous = '';
  for (const key in record) {
    if (previous > key) return false;
    previous = key;
  }
  return true;
};

/**
 * JCS of an object whose own members are exactly `type` then `text`, both strings (an MCP text
 * content item as servers write it); undefined for any other object.
 */
const textItemJson = (record: Readonly<Record<string, unknown>>): string | undefined => {
  let n = 0;
  for (const key in record) {
    if (n === 0 ? key !== 'type' : n === 1 ? key !== 'text' : true) return undefined;
    n++;
  }
  const { type, text } = record;
  if (n !== 2 || typeof type !== 'string' || typeof text !== 'string') return undefined;
  // One object literal in JCS order and one JSON.stringify: a flat string, not a rope of five.
  return JSON.stringify({ text, type });
};

const objectUnlessPlain = (record: Readonly<Record<string, unknown>>): string | undefined => {
  const proto: unknown = Object.getPrototypeOf(record);
  // Another prototype may carry a toJSON (a Date) that JSON.stringify would call.
  const plainProto = proto === Object.prototype || proto === null;
  // Most objects are plain: `for…in` walks them without the array Object.keys allocates (the
  // prototype is Object.prototype or null, so only own keys are listed, as Object.keys would).
  const inOrder = plainProto && keysInOrder(record);
  if (inOrder) {
    let fromKey: string | undefined;
    let encoded: string | undefined;
    for (const key in record) {
      const item = record[key];
      if (item === undefined) continue;
      encoded = encodeUnlessPlain(item);
      if (encoded !== undefined) {
        fromKey = key;
        break;
      }
    }
    if (fromKey === undefined) return undefined;
    // In order, with a member that is not plain: written member by member as `for…in` lists
    // them (the order Object.keys gives), without an array of the keys.
    let out = '{';
    let before = true;
    for (const key in record) {
      const item = record[key];
      if (item === undefined) continue;
      let text: string;
      if (!before) text = encode(item);
      else if (key === fromKey) {
        text = encoded ?? '';
        before = false;
      } else text = JSON.stringify(item);
      out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${text}`;
    }
    return `${out}}`;
  } else if (plainProto) {
    // An MCP text item, `{"type":"text","text":…}`, the content of most results: its two
    // members written in JCS order straight away.
    const item = textItemJson(record);
    if (item !== undefined) return item;
    // Out of order (every MCP content item: `type` is written before `text`): the members go
    // into an object in JCS order and one JSON.stringify writes it, instead of a string per key
    // and per member, and a rope that a 1 MB text would be copied into again.
    return canonicalJsonWith(record, NO_OVERRIDES, []);
  }
  // Another prototype (which may carry a toJSON): every own member encoded here, keys sorted.
  const keys = Object.keys(record);
  sortKeys(keys);
  let out = '{';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${encode(item)}`;
  }
  return `${out}}`;
};

/**
 * JCS of `fields` with `overrides` applied (an undefined override removes the member): the
 * same text as canonicalJson({ ...fields, ...overrides }). `overrideKeys` are the keys of
 * `overrides`, already in JCS order.
 *
 * The members are merged in JCS order into a new object; while every member is plain (see
 * above), that object is serialised by one `JSON.stringify`, which costs about half of
 * serialising each member on its own. From the first member that is not, or whose key an
 * object cannot hold in insertion order (integer-like keys, which objects list first) or at all
 * (`__proto__`), the text goes on member by member after what the merged object held so far.
 */
export const canonicalJsonWith = (
  fields: Readonly<Record<string, unknown>>,
  overrides: Readonly<Record<string, unknown>>,
  overrideKeys: readonly string[],
): string => {
  const keys = Object.keys(fields);
  if (!isCanonicalOrder(keys)) sortKeys(keys);
  // Undefined once given up; `out` then holds the text so far, without its closing brace.
  let merged: Record<string, unknown> | undefined = {};
  let out = '';
  // Merges two sorted key lists; an override wins over a field of the same name.
  let i = 0;
  let j = 0;
  while (i < keys.length || j < overrideKeys.length) {
    const field = keys[i];
    const override = overrideKeys[j];
    let key: string;
    let value: unknown;
    if (field !== undefined && (override === undefined || field < override)) {
      key = field;
      value = fields[key];
      i++;
    } else if (override !== undefined) {
      if (field === override) i++;
      key = override;
      value = overrides[key];
      j++;
    } else break; // unreachable: the loop runs while either list has keys left
    if (value === undefined) continue;
    if (merged === undefined) {
      out += `,${JSON.stringify(key)}:${encode(value)}`;
      continue;
    }
    const text = encodeUnlessPlain(value);
    const c = key.charCodeAt(0);
    if (text === undefined && !(c >= 0x30 && c <= 0x39) && key !== '__proto__') {
      merged[key] = value;
      continue;
    }
    // Every member so far is plain, in JCS order: their text is the merged object's.
    out = JSON.stringify(merged).slice(0, -1);
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${text ?? JSON.stringify(value)}`;
    merged = undefined;
  }
  return merged === undefined ? `${out}}` : JSON.stringify(merged);
};
