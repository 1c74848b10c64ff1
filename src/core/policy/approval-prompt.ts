import type { ExaminedArgument } from './examine-arguments.js';
import { childLocation } from './selector.js';
import { DEFAULT_IGNORABLE, inRanges, type CodePointRange } from '../unicode/invisible.js';

/** What a human is asked to approve: the call, why it needs approval, and what the policy read. */
export interface ApprovalSubject {
  readonly server: string;
  readonly tool: string;
  readonly agent: string | undefined;
  /** Why approval is needed (the deciding rule's sentence). */
  readonly reason: string;
  readonly args: Readonly<Record<string, unknown>>;
  /** The arguments that must be shown in full, in order (see `examineArguments`). */
  readonly examined: readonly ExaminedArgument[];
}

/** The text to show, and which arguments it shortened; or why no honest prompt fits. */
export type ApprovalPrompt =
  | { readonly ok: true; readonly text: string; readonly cut: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** The longest prompt, in UTF-16 units, unless a channel asks for another. */
export const defaultPromptLength = 4000;

// Each pass shortens long strings among the other arguments a little more, until they fit.
const stringCaps = [Number.POSITIVE_INFINITY, 1000, 240, 60, 16];
const maxDepth = 64;
const maxNamedCuts = 8;
const shownAbove = Symbol('shown above');

/**
 * Composes an approval prompt: who calls what and why, then every examined argument **in full**
 * with how the gateway read it, then the other arguments (long strings shortened, nested values
 * cut last), then what was shortened. Invisible and bidirectional characters are escaped so the
 * text reads as what it is. When the examined arguments alone do not fit, there is no prompt:
 * the caller denies instead of asking about something the human cannot see.
 */
export function composeApprovalPrompt(
  subject: ApprovalSubject,
  maxLength = defaultPromptLength,
): ApprovalPrompt {
  const who = subject.agent === undefined ? 'The agent' : `The agent ${quote(subject.agent)}`;
  const header =
    `${who} wants to call the tool ${quote(subject.tool)} on the server ${quote(subject.server)}.\n` +
    `The gateway's policy asks for your approval: ${subject.reason}`;
  const checked = subject.examined.map((one) => {
    const reading = one.reading === undefined ? '' : ` (${escapeInvisible(one.reading)})`;
    return `- ${escapeInvisible(one.at === '' ? '(the arguments)' : one.at)}: ${render(one.value, 0, Number.POSITIVE_INFINITY, [], '', 0)}${reading}`;
  });
  const fixed =
    checked.length === 0
      ? header
      : `${header}\n\nWhat the policy checked (in full):\n${checked.join('\n')}`;
  if (fixed.length > maxLength) {
    return {
      ok: false,
      reason: `the arguments the policy checked take ${fixed.length} characters, more than an approval prompt can show (${maxLength}), so nobody was asked`,
    };
  }
  const shown = new Set(subject.examined.map((one) => one.at));
  const rest = withoutShown(subject.args, '', shown, 0);
  if (rest === undefined) return { ok: true, text: fixed, cut: [] };

  let last: { text: string; cut: string[] } | undefined;
  for (const cap of stringCaps) {
    const cut: string[] = [];
    const text = render(rest, 0, cap, cut, '', 0);
    const prompt = assemble(fixed, text, cut);
    if (prompt.length <= maxLength) return { ok: true, text: prompt, cut };
    last = { text, cut };
  }
  // Even short strings do not fit: cut the listing itself, and say so.
  const { text, cut } = last ?? { text: '', cut: [] };
  const all = [...cut, 'the end of the other arguments'];
  const room = maxLength - assemble(fixed, '…', all).length;
  if (room < 0) {
    return { ok: true, text: `${fixed}\n\n(The other arguments are not shown.)`, cut: ['*'] };
  }
  return { ok: true, text: assemble(fixed, `${text.slice(0, room)}…`, all), cut: all };
}

function assemble(fixed: string, rest: string, cut: readonly string[]): string {
  let text = rest === '' ? fixed : `${fixed}\n\nOther arguments:\n${rest}`;
  if (cut.length > 0) {
    const named = cut.slice(0, maxNamedCuts).map(escapeInvisible).join(', ');
    const more = cut.length > maxNamedCuts ? ` and ${cut.length - maxNamedCuts} more` : '';
    text += `\n(Shortened here: ${named}${more}.)`;
  }
  return text;
}

/** The arguments minus what is shown above (marked), or undefined when nothing else is left. */
function withoutShown(
  value: unknown,
  at: string,
  shown: ReadonlySet<string>,
  depth: number,
): unknown {
  if (shown.has(at)) return shownAbove;
  if (typeof value !== 'object' || value === null || depth >= maxDepth) return value;
  if (Array.isArray(value)) {
    return (value as unknown[]).map((child, index) =>
      withoutShown(child, `${at}[${index}]`, shown, depth + 1),
    );
  }
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>))
    out[key] = withoutShown(child, childLocation(at, key), shown, depth + 1);
  if (at === '' && Object.values(out).every((child) => child === shownAbove)) return undefined;
  return out;
}

/** JSON-like text of a value; strings longer than `cap` are shortened and their place noted. */
function render(
  value: unknown,
  depth: number,
  cap: number,
  cut: string[],
  at: string,
  indent: number,
): string {
  if (value === shownAbove) return '(shown above)';
  if (typeof value === 'string') {
    if (value.length <= cap) return quote(value);
    cut.push(`${at} (${value.length - cap} of ${value.length} characters)`);
    return `${quote(value.slice(0, cap))}… (${value.length - cap} more characters)`;
  }
  if (typeof value === 'symbol') return '(nested too deep to read)';
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (depth >= maxDepth) {
    cut.push(`${at} (nested too deep)`);
    return '(nested too deep to show)';
  }
  const pad = '  '.repeat(indent + 1);
  const close = '  '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = (value as unknown[]).map(
      (child, index) => pad + render(child, depth + 1, cap, cut, `${at}[${index}]`, indent + 1),
    );
    return `[\n${items.join(',\n')}\n${close}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const lines = entries.map(
    ([key, child]) =>
      `${pad}${quote(key)}: ${render(child, depth + 1, cap, cut, childLocation(at, key), indent + 1)}`,
  );
  return `{\n${lines.join(',\n')}\n${close}}`;
}

/** A string as JSON, with invisible and direction-changing characters escaped too. */
function quote(text: string): string {
  return escapeInvisible(JSON.stringify(text));
}

// Characters that render as nothing or reorder what follows: a human cannot see them.
const invisible: readonly CodePointRange[] = [
  ...DEFAULT_IGNORABLE,
  [0x007f, 0x009f], // DEL and the C1 controls
  [0x2028, 0x2029], // line and paragraph separators
  [0xfff9, 0xfffb], // interlinear annotation controls
];

function escapeInvisible(text: string): string {
  let out = '';
  let from = 0;
  let index = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x7f && isInvisible(code)) {
      out += text.slice(from, index);
      for (let unit = 0; unit < char.length; unit++)
        out += `\\u${char.charCodeAt(unit).toString(16).padStart(4, '0')}`;
      from = index + char.length;
    }
    index += char.length;
  }
  return from === 0 ? text : out + text.slice(from);
}

function isInvisible(code: number): boolean {
  return inRanges(invisible, code);
}
