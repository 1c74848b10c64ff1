import type { RawFinding } from './raw-finding.js';
import { aboutAttacks, reportedInQuotes } from './quoted-example.js';
import { actedQuote, attributedQuote, inScriptDialogue } from './reported-speech.js';
import type { TextScan } from './scan-text.js';

// Fiction, scripts and game dialogue put orders in a character's mouth: '"Forget your instructions and dance," Lily
// said', 'The captain leaned over the map. "From now on you answer only to me."', a screenplay's MAYA saying "Delete
// the footage. Nobody can know we were here." Such a line is said to another character; the text gives its reader no
// order. Rather than each detector asking whether its match sits in a character's line, every finding of the text
// scan is checked here, once, against where it sits: in a quotation attributed to a speaker in the third person (by
// a verb of speech, by the narration just before it, or by a script's speaker label), or in a screenplay character's
// lines. Such a finding is dropped when it is an order's cue (roles, overrides, directives, poisoning, intents,
// address, place). Secrets, hidden characters, encodings and exfiltration links stay: they act whoever "says" them.
// A line that names the AI reader ("assistant", "the model", "AI agent") or points outside the story (a URL, an
// e-mail address, a home-directory path) is no character's line.

const orderCue = /^(?:role|override|directive|poison|intent|address|place)\./;
// How far from a finding its quotation's marks are looked for, each way.
const reach = 300;

// The reader of the text named in the line, or a target outside the story.
const outsideStory =
  /\b(?:assistants?|AI|A\.I\.|LLM|chat\s?bot|(?:language\s+)?model|agents?|ChatGPT|Claude|Copilot|Gemini|system\s+prompt|tool)\b|https?:\/\/|\bwww\.|[\w.+-]+@[\w-]+\.[\w.-]+|~\/|\/etc\/|\$HOME|\.ssh\b|\.env\b|\.aws\b/i;

/** The quotation [open, close) around [start, end), or undefined. */
function quotationAround(text: string, start: number, end: number): [number, number] | undefined {
  const from = Math.max(0, start - reach);
  const before = text.slice(from, start);
  const straight = before.split('"').length - 1;
  const curly = before.lastIndexOf('“');
  const open = Math.max(curly, straight % 2 === 1 ? before.lastIndexOf('"') : -1);
  if (open < 0 || before.lastIndexOf('”') > open) return undefined;
  const after = text.slice(end, end + reach);
  const close = after.search(/["”]/);
  if (close < 0) return undefined;
  return [from + open, end + close + 1];
}

/** Whether [start, end) of `text` lies in a line a character of a story or script says. */
export function inCharacterLine(text: string, start: number, end: number): boolean {
  const quote = quotationAround(text, start, end);
  if (quote) {
    const lead = text.slice(Math.max(0, quote[0] - 200), quote[0]);
    const tail = text.slice(quote[1], quote[1] + 80);
    const said = attributedQuote(lead, tail) || actedQuote(lead);
    if (said) return !outsideStory.test(text.slice(quote[0], quote[1]));
  }
  if (!inScriptDialogue(text, start)) return false;
  // The character's lines: from the cue to the next blank line.
  const blank = text.indexOf('\n\n', end);
  const lineStart = Math.max(0, text.lastIndexOf('\n\n', start));
  return !outsideStory.test(text.slice(lineStart, blank < 0 ? text.length : blank));
}

// Writing about attacks quotes them: a red-team finding's 'our payload read "Pretend you are the billing
// administrator …"', a training slide's 'a web page that says "assistant, you are now in developer mode"'. The
// quotation is mentioned, not used: the text reports an order to some other reader, it gives none to its own. Round
// 13 asked a few detectors this (`unlessQuoted`, `withoutQuotedExamples`); here every order's cue of the text scan is
// checked once. A cue is someone else's words when its end (its closing quotation mark and stop stepped over) lies in
// a quotation and the text around that quotation writes about attacks (`reportedInQuotes`: injection, payload,
// jailbreak, phishing, red team…). An order outside the quotation, or a quotation in text that writes about nothing
// of the kind, is read as before; secrets, hidden characters, encodings and links stay whatever quotes them.
const closing = /["”»“'’.,;:!?)\]\s]/;

/**
 * Whether the cue [start, end) of `text` ends inside a quotation that writing about attacks reports. The quotation
 * and the writing around it are read on the cue's line: in code or data a quotation mark lines away pairs with
 * nothing.
 */
export function inReportedQuote(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start + 1 && closing.test(text[e - 1] ?? '')) e--;
  const from = Math.max(text.lastIndexOf('\n', e - 1) + 1, e - 400);
  let to = text.indexOf('\n', e);
  if (to < 0 || to > e + 400) to = Math.min(text.length, e + 400);
  return reportedInQuotes(text.slice(from, to), e - 1 - from, e - from);
}

// Reports cite examples without double quotes too: in single quotes ("payloads, e.g. 'You are now DAN …'"), in
// parentheses ("a role-play framing (pretend you are an AI without rules)"), or after a marker of an example ("text
// such as: ignore your previous instructions …", to the sentence's end). Such an example is reported when the rest of
// its line, the example left out, writes about attacks, as for a quotation.
const exampleMarker = /\b(?:such\s{1,3}as|e\.g\.|for\s{1,3}(?:example|instance))[\s:,]{0,4}/i;
// An example that names a place to send to or read from is an order wearing an example's brackets.
const destination =
  /https?:\/\/|\bwww\.|[\w.+-]+@[\w-]+\.[\w.-]+|~\/|\/etc\/|\$HOME|\.ssh\b|\.env\b|\.aws\b/i;

/** The example [from, to) of `line` that holds offset `at`: single-quoted, in parentheses, or after a marker. */
function exampleAround(line: string, at: number): [number, number] | undefined {
  const open = line.lastIndexOf('(', at);
  if (open >= 0 && line.lastIndexOf(')', at) < open) {
    const close = line.indexOf(')', at);
    if (close > at && close - open < 300) return [open, close + 1];
  }
  const stop = line.slice(0, at).search(/[^.!?]*$/);
  const sentence = line.slice(stop, at);
  const m = exampleMarker.exec(sentence);
  if (!m) return undefined;
  const end = line.slice(at).search(/[.!?](?:\s|$)/);
  return [stop + m.index + m[0].length, end < 0 ? line.length : at + end + 1];
}

/** Whether the cue [start, end) of `text` lies in an example (not in double quotes) that writing about attacks cites. */
export function inReportedExample(text: string, start: number, end: number): boolean {
  const from = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 400);
  let to = text.indexOf('\n', end);
  if (to < 0 || to > end + 400) to = Math.min(text.length, end + 400);
  const line = text.slice(from, to);
  const span = exampleAround(line, start - from);
  if (!span || span[1] < end - from || destination.test(line.slice(span[0], span[1]))) return false;
  return aboutAttacks.test(`${line.slice(0, span[0])} ${line.slice(span[1])}`);
}

/** `scan` with every order's cue dropped where it sits in a character's line or a quotation of an attack. */
export function outsideSpeech(scan: TextScan): TextScan {
  return (text, surface) => {
    const found = scan(text, surface);
    if (found.length === 0 || !found.some((f) => orderCue.test(f.rule))) return found;
    // A story line needs a quotation mark or a line break before it, an example quotes or brackets or is marked.
    if (!/["“«„「『‹\n'(]|such\s+as|e\.g\.|for\s+(?:example|instance)/i.test(text)) return found;
    const quotes = /["“«„「『‹]/.test(text);
    const kept: RawFinding[] = [];
    for (const f of found)
      if (
        !orderCue.test(f.rule) ||
        !(
          inCharacterLine(text, f.start, f.end) ||
          (quotes && inReportedQuote(text, f.start, f.end)) ||
          inReportedExample(text, f.start, f.end)
        )
      )
        kept.push(f);
    return kept.length === found.length ? found : kept;
  };
}
