import type { Finding, Severity } from './finding.js';
import type { RawFinding } from './raw-finding.js';

/** Findings listed one by one per field; the rest are summed up per rule. */
export const maxFindingsPerField = 20;

/** Findings of one result or argument set that audit records and notices list one by one. */
export const maxFindingsReported = 100;

/** A raw finding, or the summary of `more` findings of its rule that were not listed one by one. */
export interface TalliedFinding extends RawFinding {
  readonly more?: number;
  /** The message of the most severe finding a summary stands for. */
  readonly sample?: string;
}

const severityRank = (s: Severity): number => (s === 'high' ? 3 : s === 'medium' ? 2 : 1);

/**
 * Caps the findings of one field: the most severe `max` are kept as they are, and the rest
 * collapse into one finding per rule whose span runs from the first to the last it stands for
 * and whose message says how many it stands for. The rule id and the highest severity survive,
 * so thresholds, `scanning.allow` and redaction still see them (redaction then covers the whole
 * span, text between included). A field made of one trigger repeated a million times then costs
 * the audit log a few records, not a million. Summaries can be capped again: their counts add up,
 * so a long string can be compacted piece by piece.
 */
export function capFindings(
  findings: readonly TalliedFinding[],
  max = maxFindingsPerField,
): TalliedFinding[] {
  const singles = findings.filter((f) => f.more === undefined);
  if (singles.length === findings.length && findings.length <= max) return [...findings];
  // In severity order, so the first of each rule's group is its most severe.
  const order = singles.sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || a.start - b.start,
  );
  const kept: TalliedFinding[] = order.slice(0, max);
  const rest = new Map<
    string,
    { first: TalliedFinding; start: number; end: number; more: number }
  >();
  const tally = (f: TalliedFinding, count: number): void => {
    const group = rest.get(f.rule);
    if (group === undefined) {
      rest.set(f.rule, { first: f, start: f.start, end: f.end, more: count });
      return;
    }
    group.start = Math.min(group.start, f.start);
    group.end = Math.max(group.end, f.end);
    group.more += count;
    if (severityRank(f.severity) > severityRank(group.first.severity)) group.first = f;
  };
  for (const f of order.slice(max)) tally(f, 1);
  for (const f of findings) if (f.more !== undefined) tally(f, f.more);
  for (const [rule, { first, start, end, more }] of rest) {
    const sample = first.sample ?? first.message;
    kept.push({
      rule,
      severity: first.severity,
      start,
      end,
      more,
      sample,
      message: `${more} more ${rule} finding${more === 1 ? '' : 's'} in this field, not listed one by one (${sample})`,
    });
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The findings to report for a whole value: the most severe `max` as they are, then one summary
 * per rule for the rest, on the first field they were found in, saying how many there were and
 * in how many fields. Redaction uses the full list; this one is for the audit log and notices.
 */
export function summariseFindings(
  findings: readonly Finding[],
  max = maxFindingsReported,
): Finding[] {
  if (findings.length <= max) return [...findings];
  const byRank = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(b.f.severity) - severityRank(a.f.severity) || a.i - b.i);
  const kept = byRank.slice(0, max);
  const rest = new Map<string, { first: Finding; count: number; fields: Set<string> }>();
  for (const { f } of byRank.slice(max)) {
    const group = rest.get(f.rule);
    if (group === undefined) rest.set(f.rule, { first: f, count: 1, fields: new Set([f.field]) });
    else {
      group.count++;
      group.fields.add(f.field);
    }
  }
  const out = kept.sort((a, b) => a.i - b.i).map(({ f }) => f);
  for (const [rule, { first, count, fields }] of rest) {
    out.push({
      ...first,
      rule,
      message: `${count} more ${rule} finding${count === 1 ? '' : 's'} in ${fields.size} field${fields.size === 1 ? '' : 's'}, not listed one by one`,
    });
  }
  return out;
}
