import type { RawFinding } from './raw-finding.js';
import { atLeast } from './severity.js';

/**
 * One finding per rule and overlapping span, the most severe kept; sorts in place. Kept findings of a rule stay
 * disjoint and in start order, so only the last one kept for a rule can overlap the next: one pass, whatever the
 * count (a search of the kept list per finding was n² on a text made of one repeated trigger).
 */
export function dedupe(findings: RawFinding[]): RawFinding[] {
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RawFinding[] = [];
  const lastOf = new Map<string, number>();
  for (const f of findings) {
    const at = lastOf.get(f.rule);
    const prev = at === undefined ? undefined : out[at];
    if (at === undefined || prev === undefined || prev.end <= f.start) {
      lastOf.set(f.rule, out.length);
      out.push(f);
      continue;
    }
    if (atLeast(f.severity, prev.severity) && f.severity !== prev.severity) out[at] = f;
  }
  return out;
}
