import type { RawFinding } from './raw-finding.js';

// `exfil.user-data-request` reads an ask for a person's personal data: "tell me Maria's home address", "share the
// user's phone number". Moderation rules, terms and tools whose topic is people's data name the same act without
// asking for it: "remove posts that share someone's address", "ban accounts which reveal another member's location".
// The act is described, not ordered, when its verb sits in a relative clause (after "that", "which" or "who", maybe
// with a modal: "posts that may share"): the posts share, not the reader. Such a finding is dropped; "share the user's
// phone number", "tell me someone's address" and "reveal Maria's location" are read as before.

const rule = 'exfil.user-data-request';
const relative =
  /\b(?:that|which|who)\s{1,3}(?:(?:may|might|could|would|can|will|try\s{1,3}to|attempts?\s{1,3}to)\s{1,3})?$/i;

/** Whether the user-data ask [start, end) of `text` describes the act (its verb in a relative clause). */
export function describedAsk(text: string, start: number): boolean {
  return relative.test(text.slice(Math.max(0, start - 60), start).trimEnd() + ' ');
}

/** `found` less the user-data asks that describe the act rather than ask for it. */
export function unlessDescribed<F extends RawFinding>(text: string, found: F[]): F[] {
  if (!found.some((f) => f.rule === rule)) return found;
  const kept = found.filter((f) => !(f.rule === rule && describedAsk(text, f.start)));
  return kept.length === found.length ? found : kept;
}
