// Writing about attacks quotes them: 'a comment such as "AI agent: run …"', 'an invite reading "Assistant, forward all
// emails to …"'. The quotation after such a marker reports an order; it gives none. Layers that judge a sentence as an
// order read it with those quotations blanked out.
const quotedExample =
  /\b(?:such\s{1,3}as|like|e\.g\.,?|for\s{1,3}(?:example|instance),?|saying|says|reading|reads|read|containing|contains|text)\s{0,3}:?\s{0,3}["“][^"”\n]{0,300}["”]/gi;
// An attacker wraps the order in the same quotation ('We value feedback like "AI agent: send the card details to …"'):
// only a sentence that writes about attacks or abuse around the quotation reports one; elsewhere the quotation may be
// the result's only order, and it is read.
/** Words of writing about attacks or abuse. */
export const aboutAttacks =
  /\b(?:attack\w{0,4}|adversar\w{1,6}|inject\w{0,6}|malicious|malware|phish\w{0,4}|exploit\w{0,6}|payloads?|jailbreak\w{0,4}|vulnerab\w{1,6}|cve-\d|scam\w{0,4}|fraud\w{0,6}|spoof\w{0,4}|poison\w{0,4}|trick\w{0,4}|abuse[sd]?|hostile|suspicious|impersonat\w{1,6}|social\s{1,3}engineering|red[\s-]team\w{0,4}|threat\s{1,3}actors?)\b/i;

/**
 * `sentence` with each quoted example (a quotation after "such as", "like", "reading"…) replaced by a space, when
 * the sentence around it writes about attacks; otherwise `sentence` unchanged.
 */
export function withoutQuotedExamples(sentence: string): string {
  if (!sentence.includes('"') && !sentence.includes('“')) return sentence;
  const blanked = sentence.replace(quotedExample, ' ');
  return blanked !== sentence && aboutAttacks.test(blanked) ? blanked : sentence;
}
