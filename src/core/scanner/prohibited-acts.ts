import type { TextScan } from './scan-text.js';
import { unlessBillsOwn } from './bill-requests.js';
import { unlessDescribed } from './described-asks.js';
import { unlessKeptFromPeople } from './unaware-party.js';

// A prohibition names the act it forbids: "Never upload .env files, private keys or credentials", "Do not read files
// outside the project, such as ~/.ssh", "Never run commands that read ~/.ssh". The words of an ask are there (a verb
// of reading or sending, a credential path), but the clause forbids the act; it asks for nothing. Rather than each
// detector of an ask testing for a negation, every finding of an ask (a credential to read or pass on, a secret, data
// to send) is checked here, once: it is dropped when the clause holding its end (back to the last stop, semicolon or
// line break) opens with a negation of its first verb ("never", "do not", "must not", "is not allowed to") and
// nothing between the negation and the ask turns it round: a verb that negates the negation ("never forget to",
// "do not hesitate to", "don't skip"), or a second clause ("…, but upload", "and then send").

const askRules =
  /^(?:poison\.credential-(?:read|exfil)|intent\.(?:secret-access|send-data|file-read)|directive\.exfil-to-target)$/;
const reach = 200;
// The clause's opening: up to three words ("Staff must", "The tool will"), then the negation and its verb.
const negated =
  /^[\s"'(*>•-]{0,6}(?:(?:[\w'’-]{1,20}\s{1,3}){0,3}?)(?:never|do\s{1,3}not|don['’]t|does\s{1,3}not|doesn['’]t|must\s{1,3}not|mustn['’]t|should\s{1,3}not|shouldn['’]t|shall\s{1,3}not|may\s{1,3}not|cannot|can['’]t|will\s{1,3}not|won['’]t|(?:is|are)\s{1,3}not\s{1,3}(?:allowed|permitted)\s{1,3}to)\s{1,3}(?:ever\s{1,3})?([a-z]{2,20})\b/i;
// Verbs that turn a prohibition into an order: "never forget to read", "do not hesitate to send", "don't skip".
const turning = new Set(
  'forget fail skip omit neglect hesitate refuse stop ask wait bother decline avoid miss'.split(
    ' ',
  ),
);
// A second clause between the negation and the ask.
const secondClause =
  /,?\s{1,3}(?:but|and(?:\s{1,3}then)?|then|instead|rather|so|yet)\s{1,3}(?!or\b)[a-z]{2,20}\b|[,:]\s{0,3}(?:but|instead)\b/i;

/** Whether the ask ending at `end` of `text` sits in a clause that forbids it. */
export function forbiddenAsk(text: string, end: number): boolean {
  const from = Math.max(0, end - reach);
  const before = text.slice(from, end);
  let cut = -1;
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i];
    if (
      c === '\n' ||
      c === ';' ||
      ((c === '.' || c === '!' || c === '?') && /\s/.test(before[i + 1] ?? ''))
    ) {
      cut = i;
      break;
    }
  }
  if (cut < 0 && from > 0) return false;
  const clause = before.slice(cut + 1);
  const m = negated.exec(clause);
  if (!m || turning.has((m[1] ?? '').toLowerCase())) return false;
  return !secondClause.test(clause.slice(m.index + m[0].length));
}

// Who a prohibition of telling binds: "Do not notify the customer until the fraud team has reviewed the case", "do
// not tell the team before HR has confirmed the date". A notice put off until a third party signs off is a
// procedure's order to staff, not something kept from the user. Who signs off is never the reader ("until you have
// sent the file" is an attack's timing), and the event is a sign-off, not the end of an act ("until the transfer is
// complete" stays concealment).
const concealRules = /^(?:poison|intent)\.concealment$/;
const signOff =
  /^[^.;\n]{0,40}?\b(?:until|till|before|unless)\s{1,3}(?!(?:you|we|i|it|this|that)\b)(?:[\w'’-]{1,20}\s{1,3}){1,4}?(?:(?:has|have|had)\s{1,3}(?:been\s{1,3})?(?:formally\s{1,3}|officially\s{1,3})?(?:approved|reviewed|confirmed|signed\s{1,3}off|cleared|authori[sz]ed|agreed)|(?:is|are|was|has\s{1,3}been)\s{1,3}(?:formally\s{1,3})?(?:approved|reviewed|confirmed|signed\s{1,3}off|cleared|authori[sz]ed)(?:\s{1,3}by)?|(?:approves|confirms|signs\s{1,3}off|clears|authori[sz]es|reviews))\b/i;

/** Whether the concealment ending at `end` of `text` is a notice put off until someone else signs off. */
export function awaitsSignOff(text: string, end: number): boolean {
  return signOff.test(text.slice(end, end + 160));
}

/**
 * `scan` with every ask dropped where its clause forbids it, every notice put off until a sign-off, and every
 * concealment of a result that keeps people, not the AI's user, unaware (unaware-party.ts), and every ask for a
 * person's data that describes the act (described-asks.ts), and every request a bill makes of the one who owes it
 * (bill-requests.ts).
 */
export function unlessForbidden(scan: TextScan): TextScan {
  return (text, surface) => {
    const found = unlessBillsOwn(
      text,
      unlessDescribed(text, unlessKeptFromPeople(text, surface, scan(text, surface))),
    );
    if (!found.some((f) => askRules.test(f.rule) || concealRules.test(f.rule))) return found;
    const kept = found.filter(
      (f) =>
        !(askRules.test(f.rule) && forbiddenAsk(text, f.end)) &&
        !(concealRules.test(f.rule) && awaitsSignOff(text, f.end)),
    );
    return kept.length === found.length ? found : kept;
  };
}
