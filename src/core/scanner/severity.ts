import type { Severity } from './finding.js';

const rank: Readonly<Record<Severity, number>> = { low: 1, medium: 2, high: 3 };

/** True when `severity` is at or above `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return rank[severity] >= rank[threshold];
}

/** The more severe of two severities. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return rank[a] >= rank[b] ? a : b;
}
