// Writing about attacks quotes them: 'a comment such as "AI agent: run …"', 'an invite reading "Assistant, forward all
// emails to …"'. The quotation after such a marker reports an order; it gives none. Layers that judge a sentence as an
// order read it with those quotations blanked out.
const quotedExample =
  /\b(?:such\s{1,3}as|like|e\.g\.,?|for\s{1,3}(?:example|instance),?|saying|says|reading|reads|read|containing|contains|text)\s{0,3}:?\s{0,3}["“][^"”\n]{0,300}["”]/gi;

/** `sentence` with each quoted example (a quotation after "such as", "like", "reading"…) replaced by a space. */
export function withoutQuotedExamples(sentence: string): string {
  return !sentence.includes('"') && !sentence.includes('“')
    ? sentence
    : sentence.replace(quotedExample, ' ');
}
