import { isWeakSignal } from './combiner.js';
import type { Finding } from './finding.js';
import { stripHidden } from './hidden.js';

/** Remove hidden characters and replace every finding span with a marker like `[blocked:<rule>]`. Returns the new text. */
export function redactText(text: string, findings: readonly Finding[]): string {
  const spans = findings
    // Zero-width, bidi and ANSI findings are fixed by stripping the characters; a marker would also eat the visible text around them.
    .filter((f) => !f.rule.startsWith('hidden.') || f.rule === 'hidden.tag-characters')
    .map((f) => ({
      start: Math.max(0, f.span[0]),
      end: Math.min(text.length, f.span[1]),
      rule: f.rule,
    }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  let open: { start: number; end: number; rules: string[] } | undefined;
  const flush = (): void => {
    if (!open) return;
    // The marker names the specific rules first; weak signals (who, what, where) only add to them.
    const rules = [
      ...open.rules.filter((r) => !isWeakSignal(r)),
      ...open.rules.filter((r) => isWeakSignal(r)),
    ];
    out += stripHidden(text.slice(pos, open.start)) + `[blocked:${rules.join(',')}]`;
    pos = open.end;
    open = undefined;
  };
  // Overlapping spans merge into one marker naming every rule.
  for (const s of spans) {
    if (open && s.start < open.end) {
      open.end = Math.max(open.end, s.end);
      if (!open.rules.includes(s.rule)) open.rules.push(s.rule);
      continue;
    }
    flush();
    open = { start: s.start, end: s.end, rules: [s.rule] };
  }
  flush();
  return out + stripHidden(text.slice(pos));
}
