import type { RawFinding } from './raw-finding.js';
import type { Surface } from './detector.js';
import { instructsHumanReader } from './instructions-register.js';

// Concealment is an injection's cue when it keeps the user of an AI from seeing what the AI does: "do not mention
// this to the user", "no need to tell the customer" (a support assistant's user is the customer). Business text keeps
// things from people all the time, with no AI reader at all: a surprise party's "don't say anything to her", a
// manager's "do not disclose which roles are at risk", a support macro's "do not mention the strike". What tells them
// apart is not the words of hiding but who writes to whom: such text is correspondence between people (a greeting
// to them, a signature) or instructions to a human reader throughout (a role it speaks to: "Managers:", "Agents:";
// or most of its sentences orders to its reader, as `instructsHumanReader` reads), it names no AI reader anywhere,
// and the clause names a person kept unaware (a customer, "her", "anyone") who is not the user (the human, the
// operator). In a result (a tool description is always
// read by the model, so it is left alone), such a concealment is dropped. A lone "No need to mention this step to the
// customer" in a tool's output is no correspondence and stays; an e-mail that hides an exfiltration still shows its
// exfiltration; one that names the assistant keeps its concealment.

const concealRules = /^(?:poison|intent)\.concealment$/;
// The AI as a reader: not a support "agent", who is a person, unless the word says it is a program.
const aiReader =
  /\b(?:A\.?I\b|LLMs?\b|assistants?\b|chat\s?bots?\b|bots?\b|(?:language|AI)\s{1,3}models?\b|the\s{1,3}model\b|(?:AI|automated|autonomous|coding|browsing|software|LLM)[\s-]{1,3}agents?\b|agents?\s{1,3}(?:reading|processing|summari[sz]ing|running|executing)\b|ChatGPT|Claude|Copilot|Gemini|GPT-?\d|system\s{1,3}prompt)/i;
// The user of the AI as the one kept unaware.
const userParty = /\b(?:users?|human|operator|owner|requester|principal)\b/i;
// A person the text's reader deals with, named as the one kept unaware: a concealment with no one named ("discreetly",
// "so that it goes unnoticed") hides an act from whoever might look, and stays.
const personParty =
  /\b(?:anyone|anybody|everyone|everybody|no\s{0,1}one|nobody|her|him|them|customers?|callers?|clients?|guests?|patients?|candidates?|colleagues?|team|staff|employees|members|press|public|family|friends|kids|children|parents?|partners?|managers?|boss)\b/i;
// Or a person by name: "do not tell Joost", "say nothing to Marguerite".
const namedPerson = /\b(?:tell|inform|show|let|to|from)\s{1,3}\p{Lu}\p{Ll}{2,20}\b/u;
// How far past the cue its clause is read for the party kept unaware.
const reach = 120;

// Correspondence: a greeting to people opening the text, or a signature closing it.
const greeting =
  /^\s{0,8}(?:(?:hi|hello|hey|dear|good\s{1,3}(?:morning|afternoon|evening))\b[^\n]{0,60}?[,!:\n—–-]|(?:team|all|folks|everyone)\s{0,2}[,!:])/i;
const signature =
  /(?:\n|[.!]\s{1,3})(?:(?:many\s{1,3}|kind\s{1,3})?thanks|thank\s{1,3}you|cheers|(?:best|kind|warm)?\s{0,3}regards|best|sincerely)\b[^\n]{0,40}$|(?:^|\s)[—–-]{1,2}\s{0,2}[A-Z][\p{L}'’.-]{1,30}(?:\s{1,3}[A-Z(][\p{L}'’.)-]{1,30}){0,3}\s*$/u;
// A human role the text speaks to, as a label: "Managers:", "Agents:", "Staff:".
const roleLabel =
  /(?:^|\n|[.!]\s{1,3})(?:managers|supervisors|agents|staff|employees|team\s{1,3}leads|moderators|reps|representatives|advisors|everyone|all\s{1,3}staff)\s{0,2}:/i;

// What the whole text shows (an AI reader named; a greeting, signature or role label), read once per text however
// many concealments it holds: a long text with many would otherwise be read whole for each.
let last: { text: string; ai: boolean; people: boolean } | undefined;
function readText(text: string): { ai: boolean; people: boolean } {
  if (last?.text !== text)
    last = {
      text,
      ai: aiReader.test(text),
      people:
        greeting.test(text.slice(0, 120)) ||
        signature.test(text.slice(-120).trimEnd()) ||
        roleLabel.test(text),
    };
  return last;
}

/** Whether `text` is written from people to people: a greeting, a signature or a human role it speaks to. */
function toPeople(text: string, start: number, end: number): boolean {
  return readText(text).people || instructsHumanReader(text, start, end);
}

/** Whether the concealment [start, end) of a result keeps a person other than the AI's user unaware, no AI named. */
export function keptFromPeople(text: string, start: number, end: number): boolean {
  if (readText(text).ai || !toPeople(text, start, end)) return false;
  const from = Math.max(0, start - reach);
  const head = text.slice(from, start);
  const stop = Math.max(head.lastIndexOf('. '), head.lastIndexOf('\n'), head.lastIndexOf(';'));
  const tail = text.slice(end, end + reach);
  const cut = tail.search(/[.;!?](?:\s|$)|\n/);
  const rest = `${text.slice(start, end)}${cut < 0 ? tail : tail.slice(0, cut)}`;
  const clause = `${head.slice(stop + 1)}${rest}`;
  // The one kept unaware follows the verb of hiding ("don't tell anyone", "say nothing to her"); the user anywhere in
  // the clause keeps the concealment.
  return (personParty.test(rest) || namedPerson.test(rest)) && !userParty.test(clause);
}

// What a concealment withholds matters too. Poisoning hides the act ("do not tell the user about this step", "don't
// mention that you read the file"); a careful tool keeps a secret from being shown ("Do not print secrets to the user",
// "never reveal the API key, only its last four characters"): that protects data, it hides nothing the AI does. A
// concealment whose withheld thing is a secret (a password, token, key, credential, personal data) is dropped, on
// either surface; an attack that reads or sends the secret still shows its read or its send.
const withheldSecret =
  /^[\s"'(*>•-]{0,4}(?:never|do\s{1,3}not|don['’]t|must\s{1,3}not|should\s{1,3}not|shall\s{1,3}not)\s{1,3}(?:ever\s{1,3})?(?:print|show|display|reveal|echo|log|expose|disclose|output|include|return|repeat|read\s{1,3}out)\s{1,3}(?:(?:the|any|their|its|your|raw|full|actual|stored|user['’]s|users['’])\s{1,3}){0,3}(?:secrets?|passwords?|passphrases?|tokens?|(?:api|secret|private|access)\s{1,3}keys?|keys?|credentials?|personal\s{1,3}data|pii|(?:card|account|social\s{1,3}security)\s{1,3}numbers?|cvv|pins?)\b/i;

/** Whether the concealment [start, end) of `text` withholds a secret rather than an act. */
export function withholdsSecret(text: string, start: number, end: number): boolean {
  return withheldSecret.test(text.slice(start, Math.min(text.length, end + 80)));
}

/**
 * `found` less the concealments of a result that keep people, not the AI's user, unaware, and the concealments (of
 * either surface) that withhold a secret rather than an act.
 */
export function unlessKeptFromPeople<F extends RawFinding>(
  text: string,
  surface: Surface,
  found: F[],
): F[] {
  if (!found.some((f) => concealRules.test(f.rule))) return found;
  const kept = found.filter(
    (f) =>
      !(
        concealRules.test(f.rule) &&
        (withholdsSecret(text, f.start, f.end) ||
          (surface === 'content' && keptFromPeople(text, f.start, f.end)))
      ),
  );
  return kept.length === found.length ? found : kept;
}
