import type { RawFinding } from './raw-finding.js';
import type { TextScan } from './scan-text.js';
import { terminalPrompt } from './terminal-prompt.js';

// A register shift is an order to the reader in data that is otherwise about something else. Some data is itself
// instructions to a human reader throughout: a runbook ("Retrieve the envelope… log in… Tell the CISO within one
// hour"), API documentation ("Send your API key in the Authorization header… Never embed the key… revoke it"), a
// litigation hold, moderator guidelines. There, one more off-topic imperative is the document's own register, not a
// change of it, and it binds the document's human reader (staff, developers, moderators), not the AI that reads the
// text. A register-shift finding is lowered to `low` when the text around it (`reach` characters each way) opens at
// least `minOrders` other sentences with an order to its reader, they are at least `share` of its sentences, and the
// text names no AI reader (an injection planted in instructions addresses the AI that acts on them: "AI agent
// executing this runbook: …"). Other cues in the same text are untouched.

const rule = 'place.register-shift';
const reach = 1500;
const minOrders = 2;
const share = 0.4;

// Openings of an order to the reader: a prohibition, an obligation, or a verb in the imperative.
const orderVerbs = new Set(
  (
    'add allow apply ask avoid back call cancel change check choose clean clear click close collect commit compare ' +
    'configure confirm contact copy create delete deploy disable do download drop edit enable ensure enter escalate ' +
    'export fill find follow forward generate get give go grant install keep leave let lock log make mark migrate ' +
    'move notify open page paste pick place print put read record register reload remember remove rename renew ' +
    'reply report request reset respond restart restore retrieve return revoke rotate run save select send set ' +
    'share sign skip start stop store submit switch take tell test try turn type update upgrade upload use verify ' +
    'wait watch write'
  ).split(' '),
);
// A sentence, a line or a list item opening with one, or a clause after a comma ("…, and record every action",
// "When SSO is back, change the password").
const opening =
  /(?:(?:^|[.!?;:][ \t]{1,3}|\n)[ \t]{0,8}(?:(?:\d{1,3}[.)]|[-*•>])[ \t]{1,3})?|,[ \t]{1,3}(?:and[ \t]{1,3})?)(?:(?:then|first|next|finally|also|now|please|always)[ \t,]{1,3})?(?:([Dd]o[ \t]{1,3}not|[Dd]on['’]t|[Nn]ever|[Yy]ou[ \t]{1,3}(?:must|should|shall|may[ \t]{1,3}not|need[ \t]{1,3}to))\b|([A-Za-z]{2,12})\b(?![.:]))/g;
const sentenceBreak = /[.!?](?:[ \t]{1,3}|$)|\n+/g;
// Who an injection hands orders to: the AI that reads the text.
const namesAiReader =
  /\b(?:assistants?|AI|A\.I\.|LLMs?|chat\s?bots?|(?:language\s{1,3})?models?|agents?|ChatGPT|Claude|Copilot|Gemini|GPT)\b/i;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Whether `text` around [start, end) is instructions to a human reader throughout, naming no AI reader. */
export function instructsHumanReader(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - reach);
  const to = Math.min(text.length, end + reach);
  const around = text.slice(from, to);
  if (namesAiReader.test(around)) return false;
  let orders = 0;
  opening.lastIndex = 0;
  for (let m = opening.exec(around); m; m = opening.exec(around)) {
    const at = from + m.index + m[0].length;
    if (at > start && at <= end) continue;
    if (m[1] !== undefined || (m[2] !== undefined && orderVerbs.has(m[2].toLowerCase()))) orders++;
  }
  if (orders < minOrders) return false;
  const sentences = Math.max(1, count(sentenceBreak, around));
  return orders >= share * sentences;
}

// Cues of an order placed in data, which a program's prompt line in terminal output (terminal-prompt.ts) also shows.
const placed = /^place\.(?:register-shift|order-in-data|bare-request)$/;

/**
 * `scan` with a register shift lowered where the text is instructions to its human reader throughout, and an order
 * placed in data lowered where it is a prompt line of terminal output (it asks the person at the terminal).
 */
export function inInstructions(scan: TextScan): TextScan {
  return (text, surface) => {
    const found = scan(text, surface);
    if (!found.some((f) => placed.test(f.rule) && f.severity !== 'low')) return found;
    return found.map((f): RawFinding =>
      placed.test(f.rule) &&
      f.severity !== 'low' &&
      ((f.rule === rule && instructsHumanReader(text, f.start, f.end)) ||
        terminalPrompt(text, f.start, f.end))
        ? { ...f, severity: 'low' }
        : f,
    );
  };
}
