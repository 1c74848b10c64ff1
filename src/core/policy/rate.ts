/** A parsed `rate`: so many calls per window. */
export interface Rate {
  readonly count: number;
  readonly windowMs: number;
}

const unitMs: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Parses `30/1m`, `5/s`, `100/10s`, `1000/1d`; undefined when the text is not a rate. */
export function parseRate(text: string): Rate | undefined {
  const parts = /^(\d+)\/(\d*)([smhd])$/.exec(text);
  if (parts === null) return undefined;
  const [, count = '', amount = '', unit = ''] = parts;
  const windowMs = (amount === '' ? 1 : Number(amount)) * (unitMs[unit] ?? 0);
  const calls = Number(count);
  if (calls < 1 || windowMs <= 0) return undefined;
  return { count: calls, windowMs };
}
