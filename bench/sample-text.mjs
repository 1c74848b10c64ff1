// @ts-check
// Text of the kind real tools return, shared by the benchmark's backend and the scanner's speed
// and eval scripts, so every figure that says "log/prose/code" measures the same text.

/**
 * Lines of the kind a real tool returns (logs, prose, code, a listing), cycled with a counter
 * so the text does not repeat exactly and a scanner cannot shortcut on one line.
 */
export const LINES = [
  (/** @type {number} */ i) =>
    `2026-11-23T10:${String(i % 60).padStart(2, '0')}:07.${i % 1000}Z INFO request handled method=GET path=/api/items/${i} status=200 duration_ms=${i % 97}`,
  (/** @type {number} */ i) =>
    `The build finished in ${i % 40} seconds; ${i % 7} warnings were reported by the type checker and none by the linter.`,
  (/** @type {number} */ i) =>
    `export function item${i}(input: string): number { return input.length + ${i % 13}; }`,
  (/** @type {number} */ i) =>
    `-rw-r--r--  1 dev dev ${(i * 37) % 100000} Nov 23 10:07 src/module-${i}/index.ts`,
  (/** @type {number} */ i) =>
    `Section ${i}: the configuration file lists servers by name; each one starts on demand and is listed once.`,
];

/** Exactly `bytes` characters (ASCII) of `LINES`, in order. */
export function linesText(/** @type {number} */ bytes) {
  const parts = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const line = `${/** @type {(i: number) => string} */ (LINES[i % LINES.length])(i)}\n`;
    parts.push(line);
    length += line.length;
  }
  return parts.join('').slice(0, bytes);
}

/** A short mix of log lines, prose and code, repeated to size by the scanner eval. */
export const MIXED_SAMPLE = [
  '2024-05-01T12:00:03Z INFO server started on port 8080 (pid 4121)',
  'The quarterly report was reviewed by the finance team before release; totals are in the appendix.',
  'function add(a, b) {',
  '  return a + b; // simple helper',
  '}',
  'GET /api/items?page=2 200 12ms',
  'WARN cache miss for key user:42, falling back to database',
  '',
].join('\n');
