const identifier = /^[A-Za-z_$][\w$]*$/;

/** The JSON path of a child, as findings name their field: `a.b`, `a[0]`, `a["odd key"]`. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (identifier.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** The field name under which an object key itself is reported. */
export const keyField = (path: string): string => `${path}#key`;

const base64Only = /^[A-Za-z0-9+/=\r\n]*$/;

/**
 * True for the base64 payload of an image or audio content item (`data`) or of a blob resource
 * (`blob`): the client decodes it to bytes, the model never reads it as text. Only payloads made
 * of base64 characters alone are skipped, so no readable text can hide under those names.
 */
export function isBinaryPayload(
  parent: Record<string, unknown>,
  key: string,
  value: string,
): boolean {
  const binary =
    (key === 'data' && (parent['type'] === 'image' || parent['type'] === 'audio')) ||
    (key === 'blob' && typeof parent['uri'] === 'string');
  return binary && base64Only.test(value);
}
