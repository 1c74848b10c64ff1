import type { FindSecrets } from '../audit/redact-secrets.js';
import type { PolicyEffect } from '../policy/decision.js';
import type { CompiledFlowRule, CompiledFlows } from './compile-flows.js';
import type { DecisionFlow, DecisionSource } from './flow-decision.js';
import { labelsOf, SENSITIVE, UNTRUSTED, type LabelBits, type SessionLabel } from './flow-label.js';
import type { CarriedData, FlowSession, FlowSource } from './flow-session.js';

/** One tools/call as flow control sees it. */
export interface FlowCall {
  readonly server: string;
  readonly tool: string;
  readonly agent: string | undefined;
  /** The called tool's labels. */
  readonly toolLabels: LabelBits;
  readonly args: Readonly<Record<string, unknown>>;
}

/** What the flow rules say about a call; combined with the ordinary decision by `withFlows`. */
export interface FlowVerdict {
  /** The strongest enforced flow rule, if any matched. */
  readonly rule: CompiledFlowRule | undefined;
  /** The strongest matching flow rule, enforced or not. */
  readonly wholeRule: CompiledFlowRule;
  /** The sentence for `rule` (or `wholeRule`), naming the calls it is about. */
  readonly message: string;
  readonly wholeMessage: string;
  readonly trial: 'audit mode' | 'not enforced';
  readonly flow: DecisionFlow;
}

const RANK: Readonly<Record<PolicyEffect, number>> = { allow: 0, ask: 1, deny: 2 };
const LABEL_NAMES: readonly (readonly [LabelBits, SessionLabel])[] = [
  [UNTRUSTED, 'untrusted'],
  [SENSITIVE, 'sensitive'],
];

/**
 * Evaluates the flow rules for one call in one session: undefined (no allocation) when none
 * matches. Value tracking runs only when a `carries` rule otherwise matches, at most once.
 */
export function evaluateFlows(
  flows: CompiledFlows,
  session: FlowSession,
  call: FlowCall,
  findSecrets: FindSecrets,
): FlowVerdict | undefined {
  if (flows.mode === 'off') return undefined;
  const labels = session.labels;
  let matched: CompiledFlowRule[] | undefined;
  let name: string | undefined;
  let carried: CarriedData | undefined | null = null;
  for (const rule of flows.rules) {
    if ((rule.after & ~labels) !== 0) continue;
    if (rule.toolLabel !== 0 && (call.toolLabels & rule.toolLabel) === 0) continue;
    if (rule.match !== undefined && !rule.match.test((name ??= `${call.server}/${call.tool}`)))
      continue;
    if (rule.agents !== undefined && (call.agent === undefined || !rule.agents.has(call.agent)))
      continue;
    if (rule.carries) {
      if (carried === null) carried = session.findCarried(call.args, findSecrets);
      if (carried === undefined) continue;
    }
    (matched ??= []).push(rule);
  }
  if (matched === undefined || matched.length === 0) return undefined;
  let rule: CompiledFlowRule | undefined;
  let wholeRule: CompiledFlowRule | undefined;
  let needs: LabelBits = 0;
  for (const candidate of matched) {
    needs |= candidate.after;
    if (wholeRule === undefined || RANK[candidate.effect] > RANK[wholeRule.effect])
      wholeRule = candidate;
    if (candidate.enforced && (rule === undefined || RANK[candidate.effect] > RANK[rule.effect]))
      rule = candidate;
  }
  if (wholeRule === undefined) return undefined;
  const sources: (DecisionSource & { label: SessionLabel })[] = [];
  for (const [bit, label] of LABEL_NAMES) {
    const source = (needs & bit) !== 0 ? session.sourceOf(bit) : undefined;
    if (source !== undefined) sources.push({ label, ...toDecisionSource(source) });
  }
  const usedCarried = carried ?? undefined;
  const clears =
    rule?.effect === 'ask'
      ? (labelsOf(
          matched
            .filter((m) => m.enforced && m.effect === 'ask')
            .reduce((bits, m) => bits | m.after, 0),
        ) as SessionLabel[])
      : undefined;
  const flow: DecisionFlow = {
    session: session.id,
    labels: labelsOf(labels) as SessionLabel[],
    tool: labelsOf(call.toolLabels),
    rules: matched.map((m) => m.id),
    sources,
    ...(usedCarried === undefined
      ? {}
      : {
          carried: {
            kind: usedCarried.kind,
            source: usedCarried.source === undefined ? null : toDecisionSource(usedCarried.source),
          },
        }),
    ...(clears === undefined || clears.length === 0 ? {} : { clears }),
  };
  return {
    rule,
    wholeRule,
    message: rule === undefined ? '' : sentence(rule, flow),
    wholeMessage: sentence(wholeRule, flow),
    trial: flows.mode === 'audit' ? 'audit mode' : 'not enforced',
    flow,
  };
}

function toDecisionSource(source: FlowSource): DecisionSource {
  return {
    call: source.callId,
    seq: source.receipt === undefined ? null : source.receipt.seq,
    tool: `${source.server}/${source.tool}`,
  };
}

/** The rule's sentence plus the calls it is about, so a human can look them up in the log. */
function sentence(rule: CompiledFlowRule, flow: DecisionFlow): string {
  const parts: string[] = [];
  for (const source of flow.sources) {
    if ((rule.after & (source.label === 'untrusted' ? UNTRUSTED : SENSITIVE)) === 0) continue;
    parts.push(`${source.label} content came from ${describe(source)}`);
  }
  if (rule.carries && flow.carried !== undefined) {
    const what = flow.carried.kind === 'secret' ? 'a secret' : 'text';
    parts.push(
      flow.carried.source === null
        ? `the arguments carry ${what} that an earlier sensitive result returned`
        : `the arguments carry ${what} that ${describe(flow.carried.source)} returned`,
    );
  }
  const details = parts.length === 0 ? '' : ` (${parts.join('; ')})`;
  const hint =
    rule.effect === 'ask' && rule.after !== 0
      ? '. Approving for the session also trusts the session again: the gateway forgets the content it read, until it reads more'
      : '';
  return `${rule.message}${details}${hint}`;
}

function describe(source: DecisionSource): string {
  return source.seq === null ? source.tool : `${source.tool} (audit seq ${source.seq})`;
}
