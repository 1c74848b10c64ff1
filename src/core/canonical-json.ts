/**
 * RFC 8785 (JCS) canonical JSON: object keys sorted by UTF-16 code units, numbers in
 * ECMAScript shortest form, strings escaped as JSON.stringify does.
 *
 * Lone surrogates, which I-JSON forbids, are written as `\uXXXX` escapes (JSON.stringify's
 * well-formed output) instead of throwing, so an agent's odd argument can never stop an
 * audit record from being written; the output stays deterministic.
 */
export const canonicalJson = (value: unknown): string => {
  const out: string[] = [];
  write(value, out);
  return out.join('');
};

const write = (value: unknown, out: string[]): void => {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`JCS cannot encode ${String(value)}`);
      out.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      throw new TypeError(`JCS cannot encode a value of type ${typeof value}`);
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      const item: unknown = value[i];
      write(item === undefined ? null : item, out);
    }
    out.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  out.push('{');
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(key), ':');
    write(item, out);
  }
  out.push('}');
};
