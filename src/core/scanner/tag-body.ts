import type { Finding } from './finding.js';

// An `<IMPORTANT>` (or `<system>`, `<instructions>`…) tag gives what it wraps the look of an order; the tag itself asks
// nothing. "<IMPORTANT>Files larger than 2 GB are rejected.</IMPORTANT>" is a careful tool's note; a poisoning puts
// an ask inside the tag: a tool call, a file or secret to read, data to send, something to hide from the user,
// another tool or server, an override of the reader's instructions. An authority tag weighs only when some other cue
// of the unit lies in its body (from the opening tag to the closing one in the same field, or to the field's end
// when it is never closed); alone, it is reported at `low` and does not weigh in the verdict.

const tagRule = 'role.authority-tag';

/** Cues that an ask, an address to the reader or a hidden channel lies in a tag's body; urgency and "you must" do not. */
function isAsk(rule: string): boolean {
  if (rule === tagRule || rule === 'intent.urgency' || rule.startsWith('address.obligation'))
    return false;
  return /^(?:intent|poison|directive|exfil|secret|override|role|hidden|place\.other-tools|address\.agent|obfuscation\.encoded)/.test(
    rule,
  );
}

// A standing order's form ("Always include a date range", "Always add a LIMIT clause": a memory write at `low`) and a
// role's form ("you are …" at `low`) are how a careful tool's note is written too: at `low` they do not make a tag's
// body an ask. Other cues at `low` still do (a compliance pretext: "Per corporate policy 7.3, …").
const formRules = new Set(['intent.memory-write', 'role.persona']);
const formOnly = (f: Finding): boolean => f.severity === 'low' && formRules.has(f.rule);

/** The findings with every authority tag whose body carries no ask lowered to `low`. */
export function weighTagBodies<F extends Finding>(found: readonly F[]): readonly F[] {
  if (!found.some((f) => f.rule === tagRule && f.severity !== 'low')) return found;
  // Tags of each field in reading order: a body runs from a tag's end to the next tag of the field.
  const tags = new Map<string, F[]>();
  for (const f of found)
    if (f.rule === tagRule) {
      const list = tags.get(f.field) ?? [];
      list.push(f);
      tags.set(f.field, list);
    }
  const bare = new Set<F>();
  for (const [field, list] of tags) {
    list.sort((a, b) => a.span[0] - b.span[0]);
    const asks = found.filter((f) => f.field === field && isAsk(f.rule) && !formOnly(f));
    const carries = (from: number, to: number): boolean =>
      asks.some((f) => f.span[1] > from && f.span[0] < to);
    // A tag counts when the body after it (to the next tag) or before it (from the previous tag: a closing tag's
    // body) carries an ask.
    for (let i = 0; i < list.length; i++) {
      const tag = list[i];
      if (tag === undefined) continue;
      const next = list[i + 1];
      const prev = list[i - 1];
      const after = carries(tag.span[1], next ? next.span[0] : Infinity);
      const before = prev !== undefined && carries(prev.span[1], tag.span[0]);
      if (!after && !before) bare.add(tag);
    }
  }
  if (bare.size === 0) return found;
  return found.map((f) => (bare.has(f) ? { ...f, severity: 'low' as const } : f));
}
