import type { RawFinding } from './raw-finding.js';
import type { Surface } from './detector.js';

// Concealment is an injection's cue when it keeps the user of an AI from seeing what the AI does: "do not mention
// this to the user", "hide the step from the human". Business text keeps things from people all the time, with no AI
// reader at all: a support macro's "do not mention the strike to the customer", a surprise party's "don't say anything
// to her", an embargo's "do not share it outside the list". Who is kept unaware is a person the text's human reader
// deals with (a customer, a caller, a colleague, "her", "anyone"), and the text speaks to no AI. In a result (a tool
// description is always read by the model, so it is left alone), a concealment is dropped when the text names no AI
// reader anywhere and its clause does not keep the user (or "the human", "the operator", "the owner") unaware. An
// attack that hides an exfiltration from "anyone" still shows its exfiltration; one that names the assistant, or
// keeps the user unaware, keeps its concealment.

const concealRules = /^(?:poison|intent)\.concealment$/;
// The AI as a reader: not a support "agent", who is a person, unless the word says it is a program.
const aiReader =
  /\b(?:A\.?I\b|LLMs?\b|assistants?\b|chat\s?bots?\b|bots?\b|(?:language|AI)\s{1,3}models?\b|the\s{1,3}model\b|(?:AI|automated|autonomous|coding|browsing|software|LLM)[\s-]{1,3}agents?\b|agents?\s{1,3}(?:reading|processing|summari[sz]ing|running|executing)\b|ChatGPT|Claude|Copilot|Gemini|GPT-?\d|system\s{1,3}prompt)/i;
// The user of the AI as the one kept unaware.
const userParty = /\b(?:users?|human|operator|owner|requester|principal)\b/i;
// How far past the cue its clause is read for the party kept unaware.
const reach = 120;

/** Whether the concealment [start, end) of a result keeps a person other than the AI's user unaware, no AI named. */
export function keptFromPeople(text: string, start: number, end: number): boolean {
  if (aiReader.test(text)) return false;
  const from = Math.max(0, start - reach);
  const head = text.slice(from, start);
  const stop = Math.max(head.lastIndexOf('. '), head.lastIndexOf('\n'), head.lastIndexOf(';'));
  const tail = text.slice(end, end + reach);
  const cut = tail.search(/[.;!?](?:\s|$)|\n/);
  const clause = `${head.slice(stop + 1)}${text.slice(start, end)}${cut < 0 ? tail : tail.slice(0, cut)}`;
  return !userParty.test(clause);
}

/** `found` less the concealments of a result that keep people, not the AI's user, unaware. */
export function unlessKeptFromPeople<F extends RawFinding>(
  text: string,
  surface: Surface,
  found: F[],
): F[] {
  if (surface !== 'content' || !found.some((f) => concealRules.test(f.rule))) return found;
  const kept = found.filter(
    (f) => !(concealRules.test(f.rule) && keptFromPeople(text, f.start, f.end)),
  );
  return kept.length === found.length ? found : kept;
}
