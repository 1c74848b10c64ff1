// RFC 8785 (JCS) by its plain definition, for property tests of the canonical JSON writers.

/** The plain definition, as an oracle: keys sorted at every level, undefined members dropped. */
export const reference = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map((item) => reference(item ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${reference(record[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
};
