import type { Surface } from './detector.js';
import type { Finding, Severity } from './finding.js';

/** Logit cut-offs of one surface: a text whose score reaches one gets that severity. */
export interface SurfaceThresholds {
  readonly low: number;
  readonly medium: number;
  readonly high: number;
}

/** A logistic model over signals (rule hits), trained by `scripts/train-scanner-combiner.js`. */
export interface CombinerModel {
  readonly bias: number;
  /** Added to the score of a tool definition. */
  readonly descriptionBias: number;
  /** Feature name (see `signalFeatures`) to weight; a rule absent here keeps its own severity. */
  readonly weights: Readonly<Record<string, number>>;
  readonly thresholds: Readonly<Record<Surface, SurfaceThresholds>>;
}

/** What the combiner reads of a finding. */
export type Signal = Pick<Finding, 'rule' | 'severity' | 'message' | 'field' | 'span'>;

// Rules whose meaning differs by surface although their own severity does not: a task or an obligation
// is ordinary in a tool description and out of place in a tool result, and so is an order about the reply
// ("always mention the time zone in your answer").
const surfaceSpecific = new Set([
  'directive.user-task',
  'directive.output-manipulation',
  'address.obligation',
  'intent.tool-invocation',
  'intent.shell-command',
  'place.other-tools',
]);

/** The feature a finding contributes: its rule and own severity (variants of a rule differ in strength), per surface where that matters. */
export function featureKey(rule: string, severity: Severity, surface: Surface): string {
  const key = `${rule}/${severity}`;
  return surface === 'description' && surfaceSpecific.has(rule) ? `${key}@description` : key;
}

/** Weak signals that are reported only when the text as a whole scores at least `low`. */
export function isWeakSignal(rule: string): boolean {
  return (
    rule.startsWith('address.') ||
    rule.startsWith('intent.') ||
    rule.startsWith('place.') ||
    rule.startsWith('obfuscation.')
  );
}

const decodedPrefix = /^[a-z0-9-]{2,20}-decoded text:/;

// Signal families for the conjunction features: who is addressed, what is asked, and markers of authority.
function groupOf(rule: string): 'address' | 'ask' | 'marker' | undefined {
  if (rule.startsWith('address.') || rule === 'role.agent-address' || rule === 'role.persona')
    return 'address';
  if (
    rule.startsWith('intent.') ||
    rule.startsWith('poison.') ||
    rule.startsWith('directive.') ||
    rule.startsWith('exfil.')
  )
    return 'ask';
  if (rule.startsWith('role.') || rule.startsWith('override.')) return 'marker';
  return undefined;
}

// An injection is a compact cluster of cues; a long benign document (a prompt template, a README) scatters
// the same cues over pages. Cues count together only within this many characters of one field.
const clusterSpan = 400;

/** Feature names present in a set of findings (binary features): rule ids, surface variants, clusters of cues. */
export function signalFeatures(findings: readonly Signal[], surface: Surface): Set<string> {
  const out = new Set<string>();
  const cues: Signal[] = [];
  for (const f of findings) {
    if (f.rule.startsWith('secret.')) continue;
    out.add(featureKey(f.rule, f.severity, surface));
    if (decodedPrefix.test(f.message)) out.add('obfuscation.encoded');
    if (groupOf(f.rule) !== undefined) cues.push(f);
  }
  addClusterFeatures(cues, out);
  return out;
}

function addClusterFeatures(cues: Signal[], out: Set<string>): void {
  if (cues.length < 2) return;
  cues.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : a.span[0] - b.span[0]));
  let best = 0;
  let from = 0;
  for (let i = 0; i < cues.length; i++) {
    const here = cues[i];
    if (!here) continue;
    while (from < i) {
      const first = cues[from];
      if (first?.field === here.field && here.span[0] - first.span[0] <= clusterSpan) break;
      from++;
    }
    const rules = new Set<string>();
    const groups = new Set<string>();
    // At most the 32 latest cues of a window count: the cost stays linear in the number of findings.
    for (let j = Math.max(from, i - 31); j <= i; j++) {
      const c = cues[j];
      if (!c) continue;
      rules.add(c.rule);
      groups.add(groupOf(c.rule) ?? '');
    }
    best = Math.max(best, rules.size);
    if (groups.has('address') && groups.has('ask')) out.add('cluster.address+ask');
    if (groups.has('marker') && groups.has('ask')) out.add('cluster.marker+ask');
  }
  if (best >= 2) out.add('cluster.two-rules');
  if (best >= 3) out.add('cluster.three-rules');
  if (best >= 4) out.add('cluster.four-rules');
}

/** The model's logit for a set of features. */
export function combinerScore(
  features: Iterable<string>,
  surface: Surface,
  model: CombinerModel,
): number {
  let z = model.bias + (surface === 'description' ? model.descriptionBias : 0);
  for (const name of features) z += model.weights[name] ?? 0;
  return z;
}

/** The severity a score earns on a surface, or undefined below `low`. */
export function levelOf(
  score: number,
  surface: Surface,
  model: CombinerModel,
): Severity | undefined {
  const t = model.thresholds[surface];
  if (score >= t.high) return 'high';
  if (score >= t.medium) return 'medium';
  if (score >= t.low) return 'low';
  return undefined;
}

/**
 * Grade the findings of one text (or one tool) as a whole: the model scores which signals occur together,
 * and every rule it knows takes the severity of that score. Rules it does not know (hidden characters,
 * secrets, shadowing) keep their own severity; weak signals are dropped when the text scores below `low`.
 */
export function gradeFindings<F extends Finding>(
  findings: readonly F[],
  surface: Surface,
  model: CombinerModel,
): F[] {
  if (findings.length === 0) return [];
  const level = levelOf(
    combinerScore(signalFeatures(findings, surface), surface, model),
    surface,
    model,
  );
  const out: F[] = [];
  for (const f of findings) {
    const w = model.weights[featureKey(f.rule, f.severity, surface)];
    if (w === undefined) {
      out.push(f);
      continue;
    }
    if (level === undefined && isWeakSignal(f.rule)) continue;
    const severity: Severity = w > 0 && level !== undefined ? level : 'low';
    out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}
