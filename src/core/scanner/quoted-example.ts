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

/** Quotation marks that open and close a quotation, by language: "…", “…”, «…», „…“, 「…」, 『…』, ‹…›. */
const quotePairs: readonly (readonly [open: string, close: string])[] = [
  ['"', '"'],
  ['“', '”'],
  ['«', '»'],
  ['„', '“'],
  ['「', '」'],
  ['『', '』'],
  ['‹', '›'],
];

/** Words of writing about attacks in the languages after English (the English ones are `aboutAttacks`). */
const aboutAttacksElsewhere =
  /(?:attaque|ataque|angriff|attacco|атак|инъекц|inyecci|injeç|iniezion|injektion|wstrzykiw|aanval|saldır|攻击|攻撃|注入|インジェクション|공격|주입)/i;

/** Writing about prompts that leaked or data drawn out ("… leaked system prompts in 12 of 40 products"). */
const aboutLeaks = /\b(?:leak\w{0,4}|extract\w{0,5}|exfiltrat\w{0,5})\b/i;

/**
 * Whether the span [start, end) of `input` sits inside a quotation (in any of the quotation marks above) while the
 * text around the quotation writes about attacks: 'consignes comme « ignore les instructions précédentes » dans un
 * document' reports an order, it gives none.
 */
export function reportedInQuotes(input: string, start: number, end: number): boolean {
  const before = input.slice(Math.max(0, start - 200), start);
  const after = input.slice(end, end + 300);
  for (const [open, close] of quotePairs) {
    const at =
      open === close
        ? (before.split(open).length - 1) % 2 === 1
          ? before.lastIndexOf(open)
          : -1
        : before.lastIndexOf(open);
    if (at < 0 || (open !== close && before.lastIndexOf(close) > at)) continue;
    const shut = after.indexOf(close);
    if (shut < 0) continue;
    const around = `${before.slice(0, at)} ${after.slice(shut + 1)}`;
    if (aboutAttacks.test(around) || aboutAttacksElsewhere.test(around) || aboutLeaks.test(around))
      return true;
  }
  return false;
}

/** `d`, its matches dropped where they sit in a quotation that writing about attacks reports (`reportedInQuotes`). */
export function unlessQuoted<D extends { readonly verify?: (m: RegExpExecArray) => boolean }>(
  d: D,
): D {
  const own = d.verify;
  return {
    ...d,
    verify: (m: RegExpExecArray) =>
      !reportedInQuotes(m.input, m.index, m.index + m[0].length) && (own === undefined || own(m)),
  };
}
