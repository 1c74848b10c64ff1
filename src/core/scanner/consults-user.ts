// "Confirm with the user before every call", "You must explain what a command does before running anything
// destructive": an order to put something ahead of every call or step, where the thing put first is consulting the
// user (confirming, asking, explaining, waiting for approval). That is how careful tools ask for consent; a
// call-this-first poisoning puts a tool call or a data grab first. Asking the user for a secret first is no consent.

// The time may come first, as a clause of its own: "Before running anything destructive, tell the user what it does".
const consultFirst =
  /^[\s"'(*>-]{0,6}(?:(?:important|note|warning|caution)\s{0,2}[:!-]\s{0,3})?(?:(?:before|prior\s{1,3}to|ahead\s{1,3}of)\s{1,3}[^,.;\n]{1,60},\s{1,3})?(?:(?:you|the\s{1,3}(?:assistant|model|agent))\s{1,3}(?:must|should|shall|need\s{1,3}to|have\s{1,3}to|will\s{1,3}need\s{1,3}to)\s{1,3}|always\s{1,3}|please\s{1,3}|first,?\s{1,3}|then\s{1,3}){0,3}(?:(?:confirm|check|verify|review|discuss)\s{1,3}(?:[\w'’-]{1,15}\s{1,3}){0,3}?with\s{1,3}the\s{1,3}user|(?:ask|tell|show|warn|inform|notify|remind)\s{1,3}(?:the\s{1,3})?users?\b|explain\b|(?:get|obtain|seek|request)\s{1,3}(?:the\s{1,3}user['’]s\s{1,3})?(?:explicit\s{1,3}|written\s{1,3})?(?:approval|confirmation|consent|permission)|wait\s{1,3}for\s{1,3}(?:the\s{1,3}user['’]s\s{1,3})?(?:explicit\s{1,3})?(?:approval|confirmation|consent|go-?ahead)|requires?\s{1,3}(?:explicit\s{1,3})?(?:approval|confirmation|consent)\s{1,3}from\s{1,3}the\s{1,3}user)/i;
const secret =
  /\b(?:passwords?|passcodes?|passphrases?|tokens?|api\s{1,3}keys?|secrets?|credentials?|card\s{1,3}numbers?|ssn|pin|one-time\s{1,3}codes?|otp)\b/i;

/** Whether `sentence` opens with consulting the user (and asks for no secret). */
export function consultsUser(sentence: string): boolean {
  return consultFirst.test(sentence) && !secret.test(sentence);
}
