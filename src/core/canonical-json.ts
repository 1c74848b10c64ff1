/**
 * RFC 8785 (JCS) canonical JSON: object keys sorted by UTF-16 code units, numbers in
 * ECMAScript shortest form, strings escaped as JSON.stringify does.
 *
 * Lone surrogates, which I-JSON forbids, are written as `\uXXXX` escapes (JSON.stringify's
 * well-formed output) instead of throwing, so an agent's odd argument can never stop an
 * audit record from being written; the output stays deterministic.
 */
export const canonicalJson = (value: unknown): string => encode(value);

/** Whether `keys` is already in JCS order; the gateway's own records are built that way. */
export const isCanonicalOrder = (keys: readonly string[]): boolean => {
  let previous = '';
  for (const key of keys) {
    if (previous > key) return false;
    previous = key;
  }
  return true;
};

// String concatenation, not an array joined at the end: V8 builds the result as a rope and
// flattens it once (when it is hashed or written), which costs a fraction of the array pushes.
const encode = (value: unknown): string => {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`JCS cannot encode ${String(value)}`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value)
        ? encodeArray(value as readonly unknown[])
        : encodeObject(value as Readonly<Record<string, unknown>>);
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      throw new TypeError(`JCS cannot encode a value of type ${typeof value}`);
  }
};

const encodeArray = (value: readonly unknown[]): string => {
  if (value.length === 0) return '[]';
  let out = '[';
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    if (i > 0) out += ',';
    out += item === undefined ? 'null' : encode(item);
  }
  return `${out}]`;
};

const encodeObject = (record: Readonly<Record<string, unknown>>): string => {
  const keys = Object.keys(record);
  // Sorting is most of the cost of a small object; objects built in key order skip it.
  if (!isCanonicalOrder(keys)) keys.sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${encode(item)}`;
    first = false;
  }
  return `${out}}`;
};

/**
 * JCS of `fields` with `overrides` applied (an undefined override removes the member): the
 * same text as canonicalJson({ ...fields, ...overrides }) without building the merged object.
 * `overrideKeys` are the keys of `overrides`, already in JCS order.
 */
export const canonicalJsonWith = (
  fields: Readonly<Record<string, unknown>>,
  overrides: Readonly<Record<string, unknown>>,
  overrideKeys: readonly string[],
): string => {
  const keys = Object.keys(fields);
  if (!isCanonicalOrder(keys)) keys.sort();
  // Merges two sorted key lists; an override wins over a field of the same name.
  let out = '{';
  let first = true;
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
    out += `${first ? '' : ','}${JSON.stringify(key)}:${encode(value)}`;
    first = false;
  }
  return `${out}}`;
};
