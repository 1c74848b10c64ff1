import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { FindSecrets } from '../audit/redact-secrets.js';
import type { Finding } from '../scanner/finding.js';
import { atLeast } from '../scanner/severity.js';
import type { CompiledFlows } from './compile-flows.js';
import { SENSITIVE, UNTRUSTED, type LabelBits } from './flow-label.js';
import type { FlowSession, FlowSource, LabelChange } from './flow-session.js';

/** A label change with what caused it, ready for a `label` audit record. */
export interface CausedChange extends LabelChange {
  readonly cause: 'tool' | 'finding' | 'secret';
  /** The scanner rules behind a `finding` change. */
  readonly rules?: readonly string[];
}

/** What a delivered result brings into its session. */
export interface ResultIntake {
  readonly toolLabels: LabelBits;
  readonly result: CallToolResult;
  /** The result's scanner findings (after `scanning` thresholds and allow-lists). */
  readonly findings: readonly Finding[];
  readonly source: FlowSource;
}

const isSecretRule = (rule: string): boolean => rule.startsWith('secret.');

/**
 * Whether a result can change nothing in its session: no findings, a tool that is not
 * `sensitive` (its text would be fingerprinted) and not `untrusted` unless the session is
 * already. Most results in a busy session: checked before an intake is even put together.
 */
export function takesInNothing(
  session: FlowSession,
  toolLabels: LabelBits,
  findings: readonly Finding[] | undefined,
): boolean {
  return (
    (findings === undefined || findings.length === 0) &&
    (toolLabels & SENSITIVE) === 0 &&
    (toolLabels & UNTRUSTED & ~session.labels) === 0
  );
}

/**
 * Takes in a result the agent is about to see (DESIGN §12): an `untrusted` tool, or a finding at
 * or above the configured severity, makes the session untrusted; a `sensitive` tool makes it
 * sensitive and its text is fingerprinted; secrets the scanner found in any result are
 * remembered and make the session sensitive too. Returns the label changes to audit.
 */
export function takeInResult(
  session: FlowSession,
  flows: CompiledFlows,
  intake: ResultIntake,
  findSecrets: FindSecrets,
): CausedChange[] {
  const changes: CausedChange[] = [];
  const { toolLabels, findings, source } = intake;
  let byTool: LabelBits = toolLabels & (UNTRUSTED | SENSITIVE);
  let injected: string[] | undefined;
  if ((byTool & UNTRUSTED) === 0 && flows.untrustedAt !== undefined) {
    for (const finding of findings) {
      if (!isSecretRule(finding.rule) && atLeast(finding.severity, flows.untrustedAt))
        (injected ??= []).push(finding.rule);
    }
  }
  if ((toolLabels & SENSITIVE) !== 0) {
    if (flows.tracksValues) session.remember(textsOf(intake.result), source, findSecrets);
  } else if (flows.tracksValues && findings.some((f) => isSecretRule(f.rule))) {
    if (session.rememberSecrets(textsOf(intake.result), source, findSecrets)) {
      const change = session.takeIn(SENSITIVE, source);
      if (change !== undefined) changes.push({ ...change, cause: 'secret' });
    }
  }
  byTool &= ~session.labels;
  const byToolChange = byTool === 0 ? undefined : session.takeIn(byTool, source);
  if (byToolChange !== undefined) changes.unshift({ ...byToolChange, cause: 'tool' });
  if (injected !== undefined) {
    const change = session.takeIn(UNTRUSTED, source);
    if (change !== undefined)
      changes.push({ ...change, cause: 'finding', rules: [...new Set(injected)] });
  }
  return changes;
}

/** Every text the model reads in a result: text items, embedded text resources, structured content. */
export function textsOf(result: CallToolResult): string[] {
  const texts: string[] = [];
  for (const item of result.content) {
    if (item.type === 'text') texts.push(item.text);
    else if (item.type === 'resource' && 'text' in item.resource) texts.push(item.resource.text);
  }
  if (result.structuredContent !== undefined) collectStrings(result.structuredContent, texts, 0);
  return texts;
}

function collectStrings(value: unknown, into: string[], depth: number): void {
  if (typeof value === 'string') into.push(value);
  else if (typeof value === 'object' && value !== null && depth < 64) {
    for (const item of Array.isArray(value) ? value : Object.values(value))
      collectStrings(item, into, depth + 1);
  }
}
