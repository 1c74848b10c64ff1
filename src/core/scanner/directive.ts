import { spaceLooped } from './factor-assertions.js';
import type { Surface } from './detector.js';
import type { Severity } from './finding.js';
import { withoutQuotedExamples } from './quoted-example.js';
import type { RawFinding } from './raw-finding.js';

/** Keywords that start a layer-4 look: politeness/address cues and outside targets. */
export const directiveKeywords: readonly string[] = [
  'please',
  'kindly',
  'can you',
  'could you',
  'would you',
  'you must',
  'you should',
  'you need',
  'need you',
  'want you',
  'make sure',
  'http',
  'www.',
  'iban',
  'account',
  'wallet',
  'payee',
  ' my ',
  'send ',
  'transfer',
  'forward ',
  'must ',
  'if you could',
  'loop ',
  'notify',
  'be copied',
  'be sent',
  'be forwarded',
  ' as an owner',
  ' as owner',
  ' as an admin',
  ' as admin',
];

// Verbs that move data or money outward.
const outbound = spaceLooped(
  /\b(?:send|sent|forward(?:ed)?|e-?mail(?:ed)?|mail|transfer|wire|pay|post|upload|share|leak|exfiltrate|submit|disclose|transmit|bcc|cc|copied|mirrored|deposit|invite|grant|give|notify|inform|loop(?:\s{1,3}\S{1,64})?\s{1,3}in|let\s{1,3}\S{1,64}\s{1,3}know|add\s{1,3}\S{1,64}\s{1,3}as\s{1,3}(?:an?\s{1,3})?(?:owner|admin|administrator|collaborator|maintainer|member))\b/i,
);
// Verbs whose effect is hard to undo or touches accounts, devices or money.
const risky =
  /\b(?:copied|loop|leave|initiate|redirect|close|join|invite|hire|subscribe|enroll|register|sign|apply|renew|increase|decrease|raise|lower|stop|start|restart|pause|kill|block|unblock|ban|archive|publish|fax|dial|navigate|drive|deliver|ship|return|refund|charge|give|guide|fill|grant|send|forward|e-?mail|transfer|wire|pay|post|upload|share|leak|exfiltrate|export|submit|disclose|transmit|deposit|invite|grant|give|delete|remove|erase|wipe|destroy|drop|disable|deactivate|cancel|revoke|reset|uninstall|format|shut\s?down|turn\s(?:off|on)|unlock|lock|change|update|modify|purchase|buy|sell|order|book|schedule|dispatch|execute|run|install|download|open|approve|withdraw|move|set|add|create|post|publish|invest|redeem|release|authori[sz]e|activate|adjust|guide|play)\b/i;
const urlOutbound = /\b(?:send|post|upload|submit|forward|leak|exfiltrate|transmit|report)\b/i;
// Replies to the sender and payment paperwork ("send remittance advice to ...") are how invoices read.
const selfRecipient = spaceLooped(
  /\b(?:send|forward|e-?mail|mail|share|notify|inform|cc|loop)\s{1,3}(?:us|me)\b|\bcontact\b|\bremittance\b/i,
);
const email = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}/;
const url = /\bhttps?:\/\/[^\s'")\]]{3,}|\bwww\.[\w-]{2,63}\.[a-z]{2,}/i;
const iban = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/;
const wallet = /\b0x[a-fA-F0-9]{6,64}\b|\b(?:bc1|[13])[a-zA-HJ-NP-Z0-9]{25,39}\b/;
const accountNumber =
  /\b(?:account|acct|iban|payee|wallet|recipient)\b[^.\n]{0,20}?\b[A-Z0-9]{1,4}[-\d]{4,}|\b(?:account|acct|payee)\b[^.\n]{0,12}?\b[A-Z]{1,4}-[A-Z0-9-]{4,}/i;
const explicitAgent = spaceLooped(
  /\b(?:assistant|agent|a\.?i\.?|llm|language\s{1,3}model|chatbot|copilot)\b|\byou\s{1,3}(?:must|should|need\s{1,3}to|have\s{1,3}to|are\s{1,3}(?:required|instructed|asked|expected)\s{1,3}to)\b/i,
);
const politeLead = spaceLooped(
  /^[\s"'`*>•\-–—([]{0,16}(?:[\w'’]{1,20}[ ,:]{1,2}){0,8}?(?:please|kindly|can\s{1,3}you|could\s{1,3}you|would\s{1,3}you|if\s{1,3}you\s{1,3}could|i\s{1,3}need\s{1,3}you\s{1,3}to|i\s{1,3}want\s{1,3}you\s{1,3}to|make\s{1,3}sure\s{1,3}(?:to|you))\b/i,
);
const imperativeLead = spaceLooped(
  /^[\s"'`*>•\-–—([]{0,16}(?:[^,.!?\n]{0,80},\s{0,3}|let'?s\s{1,3}|[#(\w ]{1,30}[:)]\s{0,3})?(?:(?:then|also|now|first|and|next|finally|immediately|do)[ ,]{1,2})?(?:(?:must|shall|should|always)\s{1,3}(?:(?:also|automatically|silently|quietly|additionally)\s{1,3})?)?(?:send|forward|e-?mail|transfer|wire|pay|post|upload|share|leak|exfiltrate|export|submit|disclose|deposit|invite|grant|give|delete|remove|erase|wipe|disable|cancel|revoke|reset|unlock|change|update|purchase|buy|sell|dispatch|execute|run|install|withdraw|move|get|find|retrieve|fetch|list|check|look\s{1,3}up|search|read|collect|gather|compile|extract|access|grab|locate|download|schedule|book|order|create|add|set)\b(?![ \t]{0,2}[:,=|])/i,
);
// "Please <risky verb>" as the first words of a sentence inside data: a request aimed at whoever acts on the data.
const politeAction = spaceLooped(
  new RegExp(
    `^[\\s"'\x60*>•\\-–—(\\[]{0,16}(?:[\\w'’]{1,20}[ ,:]{1,2}){0,8}?(?:please|kindly)\\s{1,3}(?:${risky.source.slice(2, -2)})\\b`,
    'i',
  ),
);
// "Every export must be copied to …": an obligation in the passive voice, which tool descriptions favour.
const passiveDuty = spaceLooped(
  /\b(?:must|should|shall|will|is\s{1,3}to|are\s{1,3}to)\s{1,3}(?:also\s{1,3}|always\s{1,3}|automatically\s{1,3})?be\s{1,3}(?:automatically\s{1,3}|silently\s{1,3}|also\s{1,3})?(?:copied|sent|forwarded|cc'?d|bcc'?d|mirrored|uploaded|shared|posted|reported|e-?mailed|transmitted|submitted)\s{1,3}to\b/i,
);
// A request softened into a wish ("it would help if you could also …") is still addressed to whoever reads it.
const softAsk = spaceLooped(
  /\bif\s{1,3}you\s{1,3}could\b|\b(?:help(?:ful)?|great|appreciated|nice)\s{1,3}if\s{1,3}you\b/i,
);
// Something an agent could act on: the writer's own account ("my"), an identifier, a quoted name, a path.
const concreteTarget =
  /\b(?:my|mine)\b|\b[a-z]{0,20}\d[\w-]{0,30}|'[^'\n]{2,60}'|#[\w-]{2,40}|(?:^|\s)[~/][\w./-]{2,80}/i;
const firstPerson = /\b(?:my|mine)\b/i;
// A sentence that opens by naming a group of people ("Everyone please …", "Hi team, please …", "All staff must …").
const humanAddressee = spaceLooped(
  /^[\s"'(*>•-]{0,4}(?:(?:hi|hello|hey|dear)\s{1,3})?(?:everyone|everybody|all\s{1,3}(?:staff|employees|members|hands)|team|folks|colleagues|guys|y'all)\b/i,
);
// Requests every project, invoice and set of terms makes of its reader: report a bug, open a pull request, pay the
// amount due, send notices, disputes, questions or feedback to the writer's address, return a signed form, forward
// an invoice to one's own accounts team. They ask the reader to act towards the writer, not on someone's accounts
// or devices. A payment's confirmation or proof sent back to the supplier is the same chore.
const readerChores = spaceLooped(
  /\b(?:open|create|file|submit|raise|send)\s{1,3}(?:an?\s{1,3}|the\s{1,3})?(?:new\s{1,3})?(?:\[?\s{0,2})?(?:github\s{1,3})?(?:issues?|pr|prs|pull\s{1,3}requests?|bug\s{1,3}reports?|tickets?|feature\s{1,3}requests?)\b|\bpay\s{1,3}(?:the|this|your|our)\s{1,3}(?:amount|invoice|balance|bill|total|fee)s?\b|\b(?:amount|invoice|balance|payment)\s{1,3}(?:is\s{1,3})?due\b|\b(?:transfer|wire|remit|send|make)\s{1,3}(?:the\s{1,3}|your\s{1,3})?(?:total|amount\s{1,3}due|sum\s{1,3}due|payments?)\b|\bto\s{1,3}your\s{1,3}(?:own\s{1,3})?(?:[\w-]{1,20}\s{1,3}){0,2}(?:department|team|colleagues?|manager|accountant|accounts|bookkeeper)\b|\b(?:the\s{1,3}|a\s{1,3}copy\s{1,3}of\s{1,3}the\s{1,3})?(?:signed|completed|filled(?:-in)?)\s{1,3}(?:[\w-]{1,20}\s{1,3})?(?:contract|form|agreement|document|application|purchase\s{1,3}order)s?\b|\b(?:transfer|payment|remittance|bank)\s{1,3}(?:confirmation|advice|receipt|slip)s?\b|\bproof\s{1,3}of\s{1,3}(?:payment|transfer)\b|\b(?:send|submit|e-?mail|mail|post|forward|address|direct|share)\s{1,3}(?:all\s{1,3}|any\s{1,3}|your\s{1,3}|the\s{1,3}|a\s{1,3})?(?:written\s{1,3}|legal\s{1,3}|formal\s{1,3})?(?:notices?|notifications?\s{1,3}of\s{1,3}disputes?|disputes?|complaints?|requests?\s{1,3}to\s{1,3}exercise|questions|feedback|enquiries|inquiries|rsvps?|applications?|cvs?|résumés?|resumes?|timesheets?)\b/i,
);

// Character codes of the few characters sentence cutting looks at.
const DOT = 0x2e;
const BANG = 0x21;
const QUESTION = 0x3f;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const BACKSLASH = 0x5c;
const LOWER_N = 0x6e;

const isSentenceBreak = (c: number): boolean =>
  c === DOT || c === NEWLINE || c === BANG || c === QUESTION;

/** Same set as the regex class \s; NaN (past either end) counts as a space. */
function isSpace(c: number): boolean {
  if (c !== c) return true;
  if (c <= 0x20) return c === SPACE || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

// Structured data (JSON, Python dicts, tables) puts each value in its own quotes or cells: treat those as sentence edges.
function valueStart(text: string, i: number): boolean {
  const ch = text.charCodeAt(i);
  if (ch === 0x7b || ch === 0x5b || ch === 0x7c) return true;
  if (ch !== SQUOTE && ch !== DQUOTE) return false;
  let k = i - 1;
  while (k >= 0 && text.charCodeAt(k) === SPACE) k--;
  const before = text.charCodeAt(k);
  return (
    before === 0x3a || before === 0x2c || before === 0x5b || before === 0x28 || before === 0x3d
  );
}

/** True when a quoted string value of JSON or a Python dict starts at `start` (its opening quote just before). */
function quotedValueAt(text: string, start: number): boolean {
  const q = text.charCodeAt(start - 1);
  if ((q === SQUOTE || q === DQUOTE) && valueStart(text, start - 1)) return true;
  // A quoted YAML list item, `- "value"`, read from its line start.
  let k = start;
  while (k < start + 16 && text.charCodeAt(k) === SPACE) k++;
  if (text.charCodeAt(k) !== 0x2d || text.charCodeAt(k + 1) !== SPACE) return false;
  const quote = text.charCodeAt(k + 2);
  return quote === SQUOTE || quote === DQUOTE;
}

function valueEnd(text: string, i: number): boolean {
  const ch = text.charCodeAt(i);
  if (ch === 0x7d || ch === 0x5d || ch === 0x7c) return true;
  if (ch !== SQUOTE && ch !== DQUOTE) return false;
  if (i + 1 >= text.length) return true;
  const after = text.charCodeAt(i + 1);
  return after === 0x2c || after === 0x7d || after === 0x5d || after === 0x3a;
}

// JSON- or YAML-encoded text keeps its line breaks as the two characters \n: they end a sentence too.
function escapedNewlineAt(text: string, i: number): boolean {
  return text.charCodeAt(i) === BACKSLASH && text.charCodeAt(i + 1) === LOWER_N;
}

// The characters at which sentenceAround's tests can stop it, reading back (a sentence break, a value's opening
// bracket, bar or quote, the "n" of a `\n`) and reading on (a break, a closing bracket, bar or quote, the "\" of a
// `\n`): any other character is stepped over without them (all of these are ASCII).
const EDGE_BACK = 1;
const EDGE_ON = 2;
const edges = new Uint8Array(128);
for (const c of '.\n!?\'"|') edges[c.charCodeAt(0)] = EDGE_BACK | EDGE_ON;
for (const c of '{[n') edges[c.charCodeAt(0)] = EDGE_BACK;
for (const c of '}]\\') edges[c.charCodeAt(0)] = EDGE_ON;

// `floor`: where the sentence judged before ended; reading back past it would judge that text again.
function sentenceAround(text: string, pos: number, floor = 0): [number, number] {
  let start = pos;
  const minStart = Math.max(0, floor, pos - 300);
  while (start > minStart) {
    const ch = text.charCodeAt(start - 1);
    if (ch < 128 && (edges[ch] ?? 0) & EDGE_BACK) {
      // A period inside an e-mail address or URL is not a sentence end.
      if (isSentenceBreak(ch) && (ch === NEWLINE || isSpace(text.charCodeAt(start)))) break;
      if (valueStart(text, start - 1) || escapedNewlineAt(text, start - 2)) break;
    }
    start--;
  }
  let end = pos;
  const maxEnd = Math.min(text.length, pos + 300);
  while (end < maxEnd) {
    const ch = text.charCodeAt(end);
    if (ch < 128 && (edges[ch] ?? 0) & EDGE_ON) {
      if (isSentenceBreak(ch) && (ch === NEWLINE || isSpace(text.charCodeAt(end + 1)))) break;
      if (valueEnd(text, end) || escapedNewlineAt(text, end)) break;
    }
    end++;
  }
  return [start, end];
}

function targetKind(sentence: string): string | undefined {
  if (email.test(sentence)) return 'an e-mail address';
  if (iban.test(sentence)) return 'an IBAN';
  if (wallet.test(sentence)) return 'a wallet address';
  if (accountNumber.test(sentence)) return 'an account number';
  if (url.test(sentence)) return 'a URL';
  return undefined;
}

/** Layer 4: imperatives addressed to the agent inside data, combining a risky action with an outside target. */
export function findDirectives(
  text: string,
  keywordPositions: readonly number[],
  surface: Surface,
): RawFinding[] {
  const ats: number[] = [];
  // E-mail addresses are the commonest outside target; '@' is too short for the keyword index.
  for (let at = text.indexOf('@'); at >= 0 && ats.length < 5000; at = text.indexOf('@', at + 1))
    ats.push(at);
  const findings: RawFinding[] = [];
  // A position inside the sentence judged last adds nothing: its sentence was read. Skipping it, and not reading
  // back into it, keeps the work one pass; judging a window of up to 600 characters around each of a million
  // keywords in run-on text or text cut by value boundaries (`](http` repeated) would read each character 300 times.
  let judgedStart = -1;
  let judgedEnd = -1;
  let k = 0;
  let a = 0;
  while (k < keywordPositions.length || a < ats.length) {
    const kw = keywordPositions[k] ?? Infinity;
    const at = ats[a] ?? Infinity;
    const pos = kw <= at ? kw : at;
    if (kw <= at) k++;
    else a++;
    if (pos < judgedEnd) continue;
    const [start, end] = sentenceAround(text, pos, judgedEnd);
    judgedEnd = Math.max(end, pos + 1);
    if (start === judgedStart) continue;
    judgedStart = start;
    const finding = judgeSentence(text.slice(start, end), surface, quotedValueAt(text, start));
    if (finding) findings.push({ ...finding, start, end });
  }
  return findings;
}

function judgeSentence(
  text: string,
  surface: Surface,
  inValue: boolean,
): Omit<RawFinding, 'start' | 'end'> | undefined {
  // A quoted example in writing about attacks ('an invite reading "Assistant, forward all mail to …"') gives no order.
  const sentence = withoutQuotedExamples(text);
  if (!risky.test(sentence)) return undefined;
  const polite = politeLead.test(sentence) || softAsk.test(sentence);
  const imperative = imperativeLead.test(sentence) || passiveDuty.test(sentence);
  const agent = explicitAgent.test(sentence);
  const verb = outbound.exec(sentence)?.[0];
  const target = verb ? targetKind(sentence) : undefined;
  const sends =
    target !== undefined &&
    verb !== undefined &&
    !selfRecipient.test(sentence) &&
    !readerChores.test(sentence) &&
    (target !== 'a URL' || urlOutbound.test(sentence));
  if (!polite && !imperative && !agent) {
    // No one is told to do it: data moving to an outside target is only a weak signal.
    return sends
      ? {
          rule: 'intent.send-data',
          severity: 'low',
          message: `mentions sending something to ${target}`,
        }
      : undefined;
  }
  if (sends && verb && target) {
    // A first-person request that is a whole field of a record ("'snippet': 'Please send my files to …'") is a user's
    // voice planted in data, as in `directive.user-voice-request`: it sends as surely as one addressed to the agent.
    const severity: Severity =
      agent || surface === 'description' || (inValue && firstPerson.test(sentence))
        ? 'high'
        : 'medium';
    return {
      rule: 'directive.exfil-to-target',
      severity,
      message: `instruction to ${verb.toLowerCase()} something to ${target}`,
    };
  }
  if (readerChores.test(sentence)) return undefined;
  // "Everyone please change the shared vault password": a request to a group of people, named as such, is theirs.
  if (humanAddressee.test(sentence)) return undefined;
  // A request that is a whole field of structured data (a review, a bio, an e-mail body) is out of place there:
  // it speaks to whoever processes the record, not to the record's reader.
  const concrete = concreteTarget.test(sentence);
  // Reviews and comments ask their vendor for things ("please add more colours"): in a field of data, only a
  // request about something an agent could act on counts.
  if (inValue && !concrete) return undefined;
  const severity: Severity = inValue ? 'high' : 'medium';
  const where = inValue ? ' as a field of structured data' : ', embedded in data';
  if (politeAction.test(sentence) && !/\byour?\b/i.test(sentence)) {
    return {
      rule: 'directive.user-voice-request',
      severity,
      message: `a polite request to perform an action on behalf of someone${where}`,
    };
  }
  if ((polite || imperative) && firstPerson.test(sentence)) {
    return {
      rule: 'directive.user-voice-request',
      severity,
      message: `a first-person request to perform an action${where}`,
    };
  }
  return undefined;
}

/** sentenceAround, for the test that checks its character table against its tests (reg-round15.test.ts). */
export const directiveSentences = { sentenceAround };
