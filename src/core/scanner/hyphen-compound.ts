// English writes words with a hyphen after a prefix or between two words: "e-mails", "re-opening", "co-operate",
// "pass-through", "log-files". Such a spelling is not a disguise: an attacker who hides a word splits it where no word
// ends ("in-struc-tions", "ig-nore", "pass-w-ord") or joins its letters with dots and stars. A word read back from
// letters joined by punctuation (deobfuscate.ts) counts as `obfuscation.spaced` only when it is not such a compound:
// one hyphen, after a prefix of English spelling or between two pieces that are words of their own. It is still read
// back, so a phrase written with it ("forward all e-mails to …") reaches every detector as before.

const prefixes = new Set(
  'e re co pre non self ex sub un anti auto multi de mis over out post semi inter intra micro mid'.split(
    ' ',
  ),
);

/**
 * Whether `word` (letters joined by joiners, as written) is an ordinary hyphenated compound: one hyphen, after a
 * prefix, or between two pieces that `isWord` accepts.
 */
export function hyphenCompound(word: string, isWord: (piece: string) => boolean): boolean {
  const at = word.indexOf('-');
  if (at <= 0 || word.includes('-', at + 1) || /[._*]/.test(word)) return false;
  const head = word.slice(0, at).toLowerCase();
  const tail = word.slice(at + 1).toLowerCase();
  if (tail.length < 3) return false;
  return prefixes.has(head) || (head.length >= 2 && isWord(head) && isWord(tail));
}
