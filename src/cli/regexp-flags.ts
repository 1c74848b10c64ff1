/**
 * The V8 flag the gateway sets for its regexes (src/cli/main.ts), unless the user chose one of their own for how
 * regexes compile (node's command line or NODE_OPTIONS, given as `chosen`); empty then.
 *
 * V8 runs a new regex in its bytecode interpreter first and compiles it to native code on a later run ("tier-up").
 * The scanner's detector patterns are many and large, and a process that has run them holds so much regex code that
 * V8 compiles further regexes without its optimisations (docs/scanning.md, "the regex-code cliff"); with tier-up a
 * pattern's native code is compiled later in the first scans, past that line more often. Compiling each regex to
 * native code at its first run instead made the detector patterns about 40% cheaper on the benign corpus and the
 * scan of it 17-26% (docs/scanning.md, "Round 13: speed"), for some 8 MB more code space after a whole corpus.
 * Matches are the same: the flag changes when V8 compiles a regex, not what it matches.
 */
export function regexpFlags(chosen: string): string {
  return /(?:^|\s)--(?:no[-_]?)?regexp[-_](?:tier[-_]up|interpret[-_]all|optimization)/.test(chosen)
    ? ''
    : '--no-regexp-tier-up';
}
