import type { Finding, Severity } from './finding.js';

const rank: Readonly<Record<Severity, number>> = { low: 1, medium: 2, high: 3 };

/** True when `severity` is at or above `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return rank[severity] >= rank[threshold];
}

/** The more severe of two severities. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return rank[a] >= rank[b] ? a : b;
}

// One strong poisoning cue in a tool definition blocks it (`descriptions: block` at `high`), whatever the
// combiner's learned intercept: the combiner's description score for a lone cue sat 0.03 logits above the
// `high` threshold, so any retraining could move it below. A cue is decisive when its own rule says `high`
// for a tool definition: a poisoning rule (each names what a real server's advice never asks) or an override
// phrase. Weak cues (call order, a bare mention of another server, obligations) stay with the combiner, which
// lets them block only together.
const decisivePrefixes = ['poison.', 'override.'];

/** True when a finding at its own severity blocks a tool definition by itself. */
export function isDecisiveDescriptionCue(finding: Pick<Finding, 'rule' | 'severity'>): boolean {
  return finding.severity === 'high' && decisivePrefixes.some((p) => finding.rule.startsWith(p));
}

const key = (f: Pick<Finding, 'rule' | 'field' | 'span'>): string =>
  `${f.rule}\0${f.field}\0${String(f.span[0])}\0${String(f.span[1])}`;

/**
 * The combiner's grading of a tool definition, with every decisive cue of the ungraded findings kept at
 * `high`: the combiner may raise weak cues that occur together, never lower a decisive one.
 */
export function keepDecisiveCues<F extends Finding>(ungraded: readonly F[], graded: F[]): F[] {
  const decisive = new Set(ungraded.filter(isDecisiveDescriptionCue).map(key));
  if (decisive.size === 0) return graded;
  return graded.map((f) =>
    f.severity !== 'high' && decisive.has(key(f)) ? { ...f, severity: 'high' } : f,
  );
}
