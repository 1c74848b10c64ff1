import { pathCandidates } from './argument-path.js';
import type { CompiledPolicy, PolicyCall } from './compiled-policy.js';
import { createSelection, valueTriggers } from './condition.js';
import type { PolicyDecision } from './decision.js';
import { readUrl } from './read-url.js';
import { resolutionFor } from './relative-base.js';
import { candidatesFor } from './rule-index.js';
import { locateValues, unreadable, type LocatedValue } from './selector.js';

/** An argument a human must see before approving: where it is, its value, and how it reads. */
export interface ExaminedArgument {
  /** Its place in the arguments: `path`, `edits[0].path`, `options["a.b"]`. */
  readonly at: string;
  readonly value: unknown;
  /** How the gateway read it, when that is not plain from the text: a resolved path, a URL's host. */
  readonly reading?: string;
}

const urlLike = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/**
 * The arguments an approval must show in full, in order: every value the matching rules looked
 * at (for `$strings`, the strings that made a deny or ask rule match), then every path and URL.
 */
export function examineArguments(
  policy: CompiledPolicy,
  call: PolicyCall,
  decision: Pick<PolicyDecision, 'rules'>,
): ExaminedArgument[] {
  const resolution = resolutionFor(policy, call);
  const matched = new Set(decision.rules);
  const paths = locateValues(call.args, { kind: 'paths' });
  const pathAt = new Set(paths.map((one) => one.at));
  const seen = new Set<string>();
  const out: ExaminedArgument[] = [];
  const add = ({ at, value }: LocatedValue): void => {
    if (seen.has(at)) return;
    seen.add(at);
    out.push(readingOf(at, value));
  };
  const readingOf = (at: string, value: unknown): ExaminedArgument => {
    if (typeof value !== 'string') return { at, value };
    const url = urlLike.test(value) ? readUrl(value) : undefined;
    if (url !== undefined && !/^file:/i.test(value)) {
      const host = url.host === '' ? 'no host' : `host ${url.host}`;
      return { at, value, reading: url.ambiguous ? `${host}; ambiguous` : host };
    }
    if (!pathAt.has(at)) return { at, value };
    const candidates = pathCandidates(value, resolution);
    if (candidates === 'unknown') return { at, value, reading: 'relative to an unknown folder' };
    if (candidates === 'elsewhere') return { at, value, reading: 'relative, on another machine' };
    if (candidates === undefined || candidates.every((candidate) => candidate === value))
      return { at, value };
    return { at, value, reading: `resolves to ${[...new Set(candidates)].join(' or ')}` };
  };
  const selection = createSelection(call.args, resolution);
  for (const rule of candidatesFor(policy.rules, call.server, call.tool)) {
    if (!matched.has(rule.id)) continue;
    for (const condition of rule.conditions) {
      const located = locateValues(call.args, condition.selector);
      if (condition.selector.kind !== 'strings') {
        located.forEach(add);
        continue;
      }
      // Every string was looked at; the ones that made a deny or ask rule match are what matter.
      if (rule.side !== 'deny') continue;
      for (const one of located) if (valueTriggers(condition, one.value, selection)) add(one);
    }
  }
  paths.forEach(add);
  for (const one of locateValues(call.args, { kind: 'strings' })) {
    if (typeof one.value === 'string' && urlLike.test(one.value)) add(one);
    else if (one.value === unreadable) add(one);
  }
  return out;
}
