import { isLatinLookAlike, lookAlikePairs } from './look-alikes.js';
import { leetLetters } from './leet-letters.js';
import type { RawFinding } from './raw-finding.js';
import { hyphenCompound } from './hyphen-compound.js';

/** A stretch of text with its obfuscation undone, and where each of its characters came from in the scanned text. */
export interface Deobfuscated {
  readonly text: string;
  /** offsets[i] is the index in the scanned text of text[i]; one more entry maps the end. */
  readonly offsets: Int32Array;
  /** One finding per obfuscated word that reads as a word attackers hide (spans in the scanned text). */
  readonly signals: RawFinding[];
}

// Per BMP code unit: what the character is (flags) and, for a look-alike or leetspeak character, the ASCII
// letter it stands for. Tables, not maps: this runs over every character of every scanned text.
const LETTER = 1;
const LEET = 2;
const GLYPH = 4;
const OTHER = 8;
const KNOWN = 16;
// A Latin letter with a diacritic ("í"), read as its letter; a combining mark, read as nothing.
const ACCENT = 32;
const MARK = 64;
const kind = new Uint8Array(0x10000);
const target = new Uint8Array(0x10000);
for (let c = 65; c <= 122; c++) if (c <= 90 || c >= 97) kind[c] = LETTER | KNOWN;
for (const [from, to] of leetLetters) {
  kind[from.charCodeAt(0)] = LEET | KNOWN;
  target[from.charCodeAt(0)] = to.charCodeAt(0);
}
for (let c = 0; c < 0x80; c++) kind[c] = (kind[c] ?? 0) | KNOWN;
for (let i = 0; i + 1 < lookAlikePairs.length; i += 2) {
  const c = lookAlikePairs.charCodeAt(i);
  if (c >= 0x300 && c <= 0x36f) {
    kind[c] = MARK | KNOWN;
    continue;
  }
  kind[c] =
    (/^[A-Za-z][\u0300-\u036f]+$/.test(lookAlikePairs.charAt(i).normalize('NFD'))
      ? ACCENT
      : GLYPH) | KNOWN;
  target[c] = lookAlikePairs.charCodeAt(i + 1) | 0x20;
}
const otherLetter = /\p{L}/u;

/** The flags of a code unit; letters of other scripts are looked up once and remembered. */
function kindOf(c: number): number {
  const k = kind[c] ?? 0;
  if (k !== 0) return k;
  const v = (otherLetter.test(String.fromCharCode(c)) ? OTHER : 0) | KNOWN;
  kind[c] = v;
  return v;
}
const WORD = LETTER | LEET | GLYPH | OTHER | ACCENT | MARK;
const isAsciiLetter = (c: number): boolean => (kind[c] ?? 0) === (LETTER | KNOWN);
const isWordChar = (c: number): boolean => (kindOf(c) & WORD) !== 0;
const isSingle = (c: number): boolean => (kindOf(c) & (LETTER | LEET | GLYPH)) !== 0;
const lowerAscii = (c: number): number => (c >= 65 && c <= 90 ? c | 32 : c);
/** The ASCII letter a character reads as, in lower case. */
const readAs = (c: number): number => {
  const k = kind[c] ?? 0;
  return (k & (LEET | GLYPH | ACCENT)) !== 0 ? (target[c] ?? c) : lowerAscii(c);
};
// Characters that split a word into letters: "i g n o r e", "i.g.n.o.r.e", "i-g-n-o-r-e".
const isSplitter = (c: number): boolean =>
  c === 0x20 ||
  c === 0x2e ||
  c === 0x2d ||
  c === 0x5f ||
  c === 0x2a ||
  c === 0xb7 ||
  c === 0x2f ||
  c === 0x7c;
// Not the underscore: snake_case identifiers are everywhere in code.
const isJoiner = (c: number): boolean => c === 0x2e || c === 0x2d || c === 0x2a;

// Words an injection needs and a filter looks for: obfuscating one of them is the tell. Short function
// words let a letter-spaced sentence split back into words.
const hiddenWords = (
  'ignore ignoring disregard forget override bypass previous prior above earlier instruction instructions ' +
  'prompt prompts system rules guidelines directive directives command commands restrictions jailbreak ' +
  'password passwords passcode secret secrets credential credentials token tokens api key keys ssh ' +
  'private admin administrator root sudo delete remove wipe erase destroy send forward email mail upload ' +
  'transfer wire wallet bitcoin crypto exfiltrate leak steal execute run shell bash curl wget script ' +
  'download install payload malware hack hacked attacker evil assistant agent model user users tool tools ' +
  'call invoke hidden hide conceal secretly silently remember memory reveal print output respond reply ' +
  'answer new now you your must should always never do not all any the this that and to of my me it is ' +
  'are be with from for in on at a an tell say write grant access account bank money pay payment'
).split(' ');
const shortWords = new Set(
  'a an the to of my me it is are be do all any you your and now not in on at for new with from this that'.split(
    ' ',
  ),
);

/** The words a disguised word may be read back as. */
export interface Vocabulary {
  readonly words: ReadonlySet<string>;
  /** Every prefix of every word: a split stops trying longer words once the letters begin none. */
  readonly prefixes: ReadonlySet<string>;
  readonly longest: number;
  /** The words whose disguise is itself a cue (an `obfuscation.*` finding); the others are only read back. */
  readonly flagged: ReadonlySet<string>;
  /** 1 at (a - 97) * 26 + (b - 97) when some word begins with the letters a b: most words are ruled out on it. */
  readonly pairs: Uint8Array;
  /**
   * Bit sets over a hash of the words, and of their prefixes (`letterHash`): a clear bit says a run of letters is
   * no word (or no prefix) without making it a string. A set bit says nothing; the sets are then asked.
   */
  readonly wordBits: Uint8Array;
  readonly prefixBits: Uint8Array;
}

/**
 * The vocabulary: the words attackers hide, plus `more` (lower-case ASCII words, e.g. those of the detector
 * keywords): a disguised word the patterns look for is read back, so the patterns see it.
 */
export function createVocabulary(more: Iterable<string> = []): Vocabulary {
  const words = new Set(hiddenWords);
  const extra = new Set<string>();
  for (const w of more) if (/^[a-z]{2,24}$/.test(w)) extra.add(w);
  for (const w of extra) words.add(w);
  // A keyword that is two vocabulary words run together ("systemprompt", a German compound) is left out: letters
  // split by spaces then read back as the two words ("s y s t e m p r o m p t" as "system prompt"), which is what
  // the patterns of every language that writes them apart look for.
  for (const w of extra) if (!hiddenWords.includes(w) && isCompound(w, words)) words.delete(w);
  const prefixes = new Set<string>();
  for (const w of words) for (let i = 1; i <= w.length; i++) prefixes.add(w.slice(0, i));
  const pairs = new Uint8Array(26 * 26);
  for (const w of words)
    if (w.length >= 2) pairs[(w.charCodeAt(0) - 97) * 26 + w.charCodeAt(1) - 97] = 1;
  const wordBits = new Uint8Array(1 << (hashBits - 3));
  const prefixBits = new Uint8Array(1 << (hashBits - 3));
  for (const w of words) setBit(wordBits, hashOf(w));
  for (const p of prefixes) setBit(prefixBits, hashOf(p));
  return {
    words,
    prefixes,
    pairs,
    wordBits,
    prefixBits,
    longest: Math.max(...[...words].map((w) => w.length)),
    flagged: new Set(hiddenWords),
  };
}

// The hash of a run of character codes, one step per code (letterHash), and its place in a bit set of 2^hashBits.
const hashBits = 17;
const letterHash = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);
const hashSeed = 0x811c9dc5 | 0;
const bitOf = (h: number): number =>
  (Math.imul(h, 0x9e3779b1) >>> (32 - hashBits)) & ((1 << hashBits) - 1);
function hashOf(word: string): number {
  let h = hashSeed;
  for (let i = 0; i < word.length; i++) h = letterHash(h, word.charCodeAt(i));
  return h;
}
function setBit(bits: Uint8Array, h: number): void {
  const b = bitOf(h);
  bits[b >> 3] = (bits[b >> 3] ?? 0) | (1 << (b & 7));
}
function hasBit(bits: Uint8Array, h: number): boolean {
  const b = bitOf(h);
  return ((bits[b >> 3] ?? 0) & (1 << (b & 7))) !== 0;
}
/**
 * False when text[start, end) lower-cased is surely no prefix of a vocabulary word. Text with a character past
 * ASCII is left to the exact test: `toLowerCase` reads some of those as ASCII letters (the Kelvin sign as k).
 */
function mayBePrefix(text: string, start: number, end: number, vocabulary: Vocabulary): boolean {
  let h = hashSeed;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x80) return true;
    h = letterHash(h, lowerAscii(c));
  }
  return hasBit(vocabulary.prefixBits, h);
}

/** Whether `word`'s bit is set among the vocabulary's words (false: surely not a word; true: ask the set). */
export function mayHoldWord(vocabulary: Vocabulary, word: string): boolean {
  return hasBit(vocabulary.wordBits, hashOf(word));
}
/** Whether `prefix`'s bit is set among the vocabulary's prefixes. */
export function mayHoldPrefix(vocabulary: Vocabulary, prefix: string): boolean {
  return hasBit(vocabulary.prefixBits, hashOf(prefix));
}

const defaultVocabulary = createVocabulary();

/** Whether `word` is two other words of `words` (of three letters or more each) run together. */
function isCompound(word: string, words: ReadonlySet<string>): boolean {
  for (let i = 3; i <= word.length - 3; i++)
    if (words.has(word.slice(0, i)) && words.has(word.slice(i))) return true;
  return false;
}

/** A replacement of raw[start, end) by `text`. */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: 'homoglyph' | 'leetspeak' | 'spaced' | 'accents';
  /** A word attackers hide is among the rewritten ones: the edit is reported as a finding. */
  readonly cue: boolean;
}

/**
 * Undo common keyword obfuscation: look-alike letters from other scripts inside Latin words (TR39 skeleton),
 * leetspeak ("1gn0r3"), and letters split by spaces or punctuation ("i g n o r e", "ig.nore"). Only words
 * that then read as a word from the vocabulary above are rewritten; each stretch around them is returned.
 * `hints` are the positions the keyword pass marked (text order). Linear: each word is read at most once and
 * is at most 64 characters, and each run of split letters is split into words once, whatever the number of
 * hints in it.
 */
export function deobfuscate(
  text: string,
  hintsGiven: readonly number[],
  vocabulary: Vocabulary = defaultVocabulary,
): Deobfuscated[] {
  // Words cut by markup or run together are looked for in texts up to 32K characters, as the rarer encodings are (a
  // disguised order is short; a large result pays nothing, and without hints nothing at all).
  const glue = text.length <= glueUpTo;
  if (hintsGiven.length === 0 && !glue) return [];
  const hints = glue ? withOtherScriptWords(text, hintsGiven) : hintsGiven;
  const edits: Edit[] = [];
  const unread: number[] = [];
  if (hints.length > 0) {
    const spaced = spacedRuns(text, vocabulary);
    let done = 0;
    // An index loop, not for…of: until deobfuscate is optimised, each step of an array iterator is an object, and a
    // megabyte of code or logs holds some 13,000 hints.
    // eslint-disable-next-line @typescript-eslint/prefer-for-of -- the iterator's objects are what this loop avoids
    for (let h = 0; h < hints.length; h++) {
      const at = hints[h] ?? 0;
      if (at < done) continue;
      let start = at;
      const stop = Math.max(done, start - 64);
      while (start > stop && isWordChar(text.charCodeAt(start - 1))) start--;
      done = Math.max(at + 1, examineWord(text, start, edits, spaced, vocabulary, unread));
    }
  }
  if (glue) {
    markupInWords(text, edits, vocabulary);
    runTogether(text, edits, vocabulary);
    camelRuns(text, edits, vocabulary);
  }
  if (edits.length === 0) return [];
  readLeetSentences(text, edits, unread);
  edits.sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: Edit[] = [];
  for (const e of edits)
    if (kept.length === 0 || e.start >= (kept[kept.length - 1]?.end ?? 0)) kept.push(e);
  return apply(text, kept);
}

// Look-alikes from scripts past Armenian (Cherokee, Lisu, Canadian syllabics…): the keyword pass hints a look-alike
// next to a Latin letter only, and a word written wholly in them ("ᎡᎬᏙᎬᎪᏞ") has none. Runs of four or more are found
// here (one native scan, small texts only) and examined as hinted words.
const otherScriptRun = (() => {
  let chars = '';
  for (let i = 0; i + 1 < lookAlikePairs.length; i += 2) {
    const c = lookAlikePairs.charCodeAt(i);
    if (c >= 0x590 && !isLatinLookAlike(c) && (c < 0xd800 || c > 0xdfff))
      chars += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return new RegExp(`[${chars}]{4,64}`, 'g');
})();

/** `hints` with the start of each run of other-script look-alikes added (text order kept). */
function withOtherScriptWords(text: string, hints: readonly number[]): readonly number[] {
  otherScriptRun.lastIndex = 0;
  let m = otherScriptRun.exec(text);
  if (m === null) return hints;
  const more: number[] = [];
  for (; m; m = otherScriptRun.exec(text)) more.push(m.index);
  return [...hints, ...more].sort((a, b) => a - b);
}

/** Look at the word starting at `i`; record an edit when it is obfuscated. Returns where the word ends. */
function examineWord(
  text: string,
  i: number,
  edits: Edit[],
  spaced: SpacedRuns,
  vocabulary: Vocabulary,
  unread: number[],
): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  let j = i;
  let ascii = 0;
  let leetCount = 0;
  let glyphs = 0;
  let foreign = 0;
  // Letters with a diacritic, precomposed or followed by combining marks; glyphs of Greek, Cyrillic or Armenian.
  let accented = 0;
  let scripts = 0;
  while (j < n && j - i < 64) {
    const code = text.charCodeAt(j);
    const k = kindOf(code);
    if ((k & LETTER) !== 0) ascii++;
    else if ((k & LEET) !== 0) leetCount++;
    else if ((k & GLYPH) !== 0) {
      glyphs++;
      scripts |= scriptOf(code);
    } else if ((k & ACCENT) !== 0) accented++;
    else if ((k & MARK) !== 0) {
      if (j > i && (kind[text.charCodeAt(j - 1)] ?? 0) !== (MARK | KNOWN)) accented++;
    } else if ((k & OTHER) !== 0) foreign++;
    else break;
    j++;
  }
  // A 64-character run is no word.
  if (j - i >= 64) return j;
  if (j - i === 1 && isSingle(c)) {
    const run = spaced(i);
    if (run) {
      edits.push(run);
      return run.end;
    }
  }
  // A look-alike in a Latin word, or leetspeak with a letter in it ("4l1"): read back only to a vocabulary word.
  if (glyphs > 0 && foreign === 0 && ascii + glyphs + accented >= 2) {
    // Look-alikes from Greek, Cyrillic or Armenian next to Latin letters (or from two of them): the word reads as
    // its skeleton, a vocabulary word or not, so the patterns see every word of a disguised sentence. A word all of
    // one of those scripts is that language's. Look-alikes of the Latin script itself (small capitals, dotless ı)
    // are read back only to a vocabulary word: Turkish writes ı in every other word. A word all of small capitals
    // is a typeface, read back with no finding (as fullwidth and mathematical letters are).
    const foreignScripts = scripts & ~LATIN_EXTENSION;
    const latin = ascii + accented > 0 || (scripts & LATIN_EXTENSION) !== 0;
    // Scripts past Armenian (Cherokee's capitals look like Latin ones: "ᎡᎬᏙᎬᎪᏞ") are no disguise of a language
    // written with Latin letters around it: a word of four letters or more all of their look-alikes is read back too,
    // only to a vocabulary word.
    if (
      foreignScripts !== 0 &&
      !latin &&
      (foreignScripts & (foreignScripts - 1)) === 0 &&
      (foreignScripts !== OTHER_SCRIPT || j - i < 4)
    )
      return j;
    const word =
      rewrite(text, i, j, vocabulary) ??
      (foreignScripts !== 0 && latin ? skeleton(text, i, j) : undefined);
    if (word !== undefined)
      edits.push({
        start: i,
        end: j,
        text: word,
        kind: 'homoglyph',
        cue: (ascii + accented > 0 || foreignScripts !== 0) && isCue(word, vocabulary),
      });
  } else if (leetCount > 0 && ascii >= 1 && j - i >= 3 && foreign === 0 && accented === 0) {
    const form = leetForm(text, i, j);
    const word = form === undefined ? undefined : rewrite(text, i, j, vocabulary);
    if (word !== undefined && (form === 'word' || isCue(word, vocabulary)))
      edits.push({ start: i, end: j, text: word, kind: 'leetspeak', cue: isCue(word, vocabulary) });
    else if (form !== undefined) unread.push(i, j);
  } else if (leetCount === 1 && ascii === 1 && j - i === 2 && foreign === 0 && accented === 0) {
    // "t0", "1t", "0f": read only inside a sentence of leetspeak (see readLeetSentences).
    unread.push(i, j);
  } else if (
    accented >= 2 &&
    foreign === 0 &&
    accented * 2 >= ascii + accented &&
    ascii + accented >= 3
  ) {
    // Diacritics on most letters of a word ("ígnöré", "i̇̈g̈n̈ö́r̈é"): read without them, only to a vocabulary word
    // ("été", "naïve" and most words of languages written with accents carry them on fewer letters or read as none).
    const word = rewrite(text, i, j, vocabulary);
    if (word !== undefined)
      edits.push({
        start: i,
        end: j,
        text: word,
        kind: 'accents',
        cue: !shortWords.has(word) && isCue(word, vocabulary),
      });
  } else if (
    ascii >= 1 &&
    isJoiner(text.charCodeAt(j)) &&
    isAsciiLetter(text.charCodeAt(j + 1)) &&
    // Most dotted and hyphenated names ("github.com", "mcp-server") end here: no word starts that way (most are
    // ruled out on their first two letters, before a copy).
    (j - i < 2 ||
      text.charCodeAt(i) >= 0x80 ||
      text.charCodeAt(i + 1) >= 0x80 ||
      beginsWord(lowerAscii(text.charCodeAt(i)), lowerAscii(text.charCodeAt(i + 1)), vocabulary)) &&
    mayBePrefix(text, i, j, vocabulary) &&
    vocabulary.prefixes.has(text.slice(i, j).toLowerCase())
  ) {
    // Punctuation inside a word: "ig.nore", "pass-word".
    const joined = punctuatedWord(text, i, vocabulary);
    if (joined) {
      edits.push(joined);
      return joined.end;
    }
  }
  return j;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

// The script of a look-alike, one bit each: a word whose look-alikes come from two scripts, or from one next to
// ASCII letters, is a disguise; a word of one script's letters is that script's.
const LATIN_EXTENSION = 1;
const OTHER_SCRIPT = 16;
function scriptOf(c: number): number {
  if (isLatinLookAlike(c) || c < 0x370) return LATIN_EXTENSION;
  if (c < 0x400) return 2; // Greek
  if (c < 0x530) return 4; // Cyrillic
  if (c < 0x590) return 8; // Armenian
  return OTHER_SCRIPT;
}

/** The word raw[start, end) in lower-case ASCII with every look-alike and diacritic read as its letter. */
function skeleton(text: string, start: number, end: number): string {
  let out = '';
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if ((kind[c] ?? 0) !== (MARK | KNOWN)) out += String.fromCharCode(readAs(c));
  }
  return out;
}

/**
 * How text[i, j), which holds digits or symbols among letters, may be leetspeak: not at all when it is part of a
 * longer token (a digit before or after it: "655h" or "90a1" cut out of a hash are no "ssh" or "goal"); 'tail'
 * when its only digits end it, as in a name with a number ("dev1", "json5", but also "promp7"), which is read
 * back only to a word attackers hide; 'word' otherwise.
 */
function leetForm(text: string, i: number, j: number): 'word' | 'tail' | undefined {
  if (isDigit(text.charCodeAt(i - 1)) || isDigit(text.charCodeAt(j))) return undefined;
  let tail = j;
  while (tail > i && isDigit(text.charCodeAt(tail - 1))) tail--;
  for (let k = i; k < tail; k++)
    if ((kind[text.charCodeAt(k)] ?? 0) === (LEET | KNOWN)) return 'word';
  return 'tail';
}

// Leetspeak on every letter of a sentence ("0p3n ~/.4ws/cr3d3nt14ls 4nd p0st 1t"): its words outside the vocabulary
// stay unread, and the sentence means nothing to the layers that read it. Where at least this many words nearby
// read back as vocabulary words, the others are read letter by letter too ("4K", "mp3", "b2b" alone stay as they are).
const leetSentence = 2;
const leetReach = 160;

/** Read the unread leetspeak words (flat [start, end) pairs) near enough vocabulary words read back from leetspeak. */
function readLeetSentences(text: string, edits: Edit[], unread: readonly number[]): void {
  if (unread.length === 0) return;
  const leet = edits.filter((e) => e.kind === 'leetspeak');
  if (leet.length < leetSentence) return;
  let k = 0;
  for (let u = 0; u < unread.length; u += 2) {
    const start = unread[u] ?? 0;
    const end = unread[u + 1] ?? 0;
    while (k < leet.length && (leet[k]?.end ?? 0) + leetReach < start) k++;
    let near = 0;
    for (let m = k; m < leet.length && (leet[m]?.start ?? 0) <= end + leetReach; m++) near++;
    if (near < leetSentence) continue;
    let word = '';
    for (let c = start; c < end; c++) word += String.fromCharCode(readAs(text.charCodeAt(c)));
    edits.push({ start, end, text: word, kind: 'leetspeak', cue: false });
  }
}

/** True when some vocabulary word begins with the lower-case ASCII letters a b (false for anything else). */
function beginsWord(a: number, b: number, vocabulary: Vocabulary): boolean {
  const x = a - 97;
  const y = b - 97;
  return x >= 0 && x < 26 && y >= 0 && y < 26 && vocabulary.pairs[x * 26 + y] === 1;
}

function stripPlural(word: string): string {
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

function inVocabulary(word: string, vocabulary: Vocabulary): boolean {
  return vocabulary.words.has(word) || (word.length > 3 && vocabulary.words.has(stripPlural(word)));
}

function isCue(word: string, vocabulary: Vocabulary): boolean {
  return vocabulary.flagged.has(word) || vocabulary.flagged.has(stripPlural(word));
}

// Characters that stand for more than one letter: leetspeak 1, | and ! read as i or l, and so do the look-alikes
// of i, I and l (TR39 skeletons put capital I and small l together).
const second = new Uint8Array(0x10000);
for (const [from, to] of [
  ['1', 'l'],
  ['|', 'i'],
  ['!', 'l'],
] as const)
  second[from.charCodeAt(0)] = to.charCodeAt(0);
for (let c = 0x80; c < 0x10000; c++) {
  if ((kind[c] ?? 0) !== (GLYPH | KNOWN)) continue;
  if (target[c] === 0x69) second[c] = 0x6c;
  else if (target[c] === 0x6c) second[c] = 0x69;
}
// A word with more ambiguous characters than this is read one way only (2^3 readings at most).
const maxAmbiguous = 3;

/**
 * The word raw[start, end) in lower-case ASCII with look-alikes and leetspeak mapped, when it (or another reading
 * of its ambiguous characters) is a vocabulary word; undefined otherwise.
 */
function rewrite(
  text: string,
  start: number,
  end: number,
  vocabulary: Vocabulary,
): string | undefined {
  // Every reading begins with one of at most four pairs of letters: most words are ruled out there, before a copy.
  const c0 = text.charCodeAt(start);
  let second1 = start + 1;
  while (second1 < end && (kind[text.charCodeAt(second1)] ?? 0) === (MARK | KNOWN)) second1++;
  const c1 = text.charCodeAt(second1);
  const a = readAs(c0);
  const a2 = second[c0] ?? 0;
  const b = readAs(c1);
  const b2 = second[c1] ?? 0;
  if (
    !beginsWord(a, b, vocabulary) &&
    !beginsWord(a2, b, vocabulary) &&
    !beginsWord(a, b2, vocabulary) &&
    !beginsWord(a2, b2, vocabulary)
  )
    return undefined;
  // The reading's character codes, made a string once (a string grown a character at a time is a chain of
  // small strings per word, and examineWord reads thousands of words per megabyte of code and logs).
  const codes = scratchFor(end - start);
  let length = 0;
  // Each ambiguous character's place in the reading and its second reading (maxAmbiguous at most).
  let ambiguous = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if ((kind[c] ?? 0) === (MARK | KNOWN)) continue;
    if (second[c] !== 0 && ambiguous < maxAmbiguous) {
      ambiguousAt[ambiguous] = length;
      primaryOf[ambiguous] = readAs(c);
      alternativeOf[ambiguous++] = second[c] ?? 0;
    }
    codes[length++] = readAs(c);
  }
  // Every vocabulary word is lower-case ASCII letters: a reading with anything else in a place no second reading
  // changes, or longer than any word and its plural, is none (decided before a copy).
  if (length > vocabulary.longest + 1) return undefined;
  for (let q = 0, next = 0; q < length; q++) {
    if (next < ambiguous && ambiguousAt[next] === q) {
      next++;
      continue;
    }
    const c = codes[q] ?? 0;
    if (c < 0x61 || c > 0x7a) return undefined;
  }
  // Each reading in turn (the second readings of the ambiguous characters chosen by the mask's bits), made a
  // string only when the hash of it, or of it without a plural s, is a word's.
  for (let mask = 0; mask < 1 << ambiguous; mask++) {
    for (let bit = 0; bit < ambiguous; bit++)
      chosenOf[bit] = (mask & (1 << bit)) !== 0 ? (alternativeOf[bit] ?? 0) : (primaryOf[bit] ?? 0);
    let h = hashSeed;
    let beforeLast = hashSeed;
    let last = 0;
    for (let q = 0, next = 0; q < length; q++) {
      last = codes[q] ?? 0;
      if (next < ambiguous && ambiguousAt[next] === q) last = chosenOf[next++] ?? 0;
      beforeLast = h;
      h = letterHash(h, last);
    }
    if (
      !hasBit(vocabulary.wordBits, h) &&
      !(length > 3 && last === 0x73 && hasBit(vocabulary.wordBits, beforeLast))
    )
      continue;
    for (let bit = 0; bit < ambiguous; bit++) codes[ambiguousAt[bit] ?? 0] = chosenOf[bit] ?? 0;
    const word = fromCodes(codes, length);
    if (inVocabulary(word, vocabulary)) return word;
  }
  return undefined;
}
const ambiguousAt = new Int32Array(maxAmbiguous);
const alternativeOf = new Uint16Array(maxAmbiguous);
const primaryOf = new Uint16Array(maxAmbiguous);
const chosenOf = new Uint16Array(maxAmbiguous);

/** Character codes of one word being read back, reused (examineWord's words are under 64 characters). */
let wordCodes = new Uint16Array(256);
function scratchFor(length: number): Uint16Array {
  if (length > wordCodes.length) wordCodes = new Uint16Array(length);
  return wordCodes;
}
// One array per length, so a reading becomes a string without a view of the scratch made for it.
const exactCodes: Uint16Array[] = [];
/** The first `length` codes as a string, one copy. */
function fromCodes(codes: Uint16Array, length: number): string {
  let exact = exactCodes[length];
  if (exact === undefined) {
    exact = new Uint16Array(length);
    exactCodes[length] = exact;
  }
  for (let q = 0; q < length; q++) exact[q] = codes[q] ?? 0;
  return String.fromCharCode.apply(null, exact as unknown as number[]);
}

/** The edit for the split letters starting at a text index, or undefined when they do not read as words. */
type SpacedRuns = (start: number) => Edit | undefined;

/**
 * "i g n o r e  a l l", "i.g.n.o.r.e a-l-l": single characters, each followed by one splitter (not always the
 * same); a wider gap ends a run. A run is split into words (fewest letters left over, then fewest words) from
 * every letter at once, right to left, and kept: a hint
 * on each letter of a long run then costs a lookup, not a new read and split of the rest of the run (which made
 * text like "a a a a …" cost 16 × 64 steps per letter).
 */
function spacedRuns(text: string, vocabulary: Vocabulary): SpacedRuns {
  let run: SpacedRun | undefined;
  return (start) => {
    if (!isSplitter(text.charCodeAt(start + 1))) return undefined;
    const offset = start - (run?.from ?? 0);
    if (run === undefined || offset < 0 || offset % 2 !== 0 || offset / 2 >= run.count - 1)
      run = readRun(text, start, vocabulary);
    return run.editFrom((start - run.from) / 2);
  };
}

interface SpacedRun {
  /** Text index of the first letter; letter i is at from + 2i. */
  readonly from: number;
  readonly count: number;
  editFrom(letter: number): Edit | undefined;
}

function readRun(text: string, from: number, vocabulary: Vocabulary): SpacedRun {
  let letters = '';
  for (let k = from; k < text.length; k += 2) {
    const c = text.charCodeAt(k);
    if (!isSingle(c) || isWordChar(text.charCodeAt(k + 1))) break;
    letters += String.fromCharCode(readAs(c));
    // One splitter after each letter, not always the same one: "i g n o r e a.l.l" reads as one run.
    if (!isSplitter(text.charCodeAt(k + 1)) || !isWordChar(text.charCodeAt(k + 2))) break;
  }
  const count = letters.length;
  // From letter p, the best split of the rest into vocabulary words and letters that are none (a name, a word
  // the vocabulary lacks): fewest such letters, then fewest pieces. cost[p] = 16 * letters left over + pieces,
  // take[p] = the length of the word taken at p (0: the letter is left over), cue[p] = whether a word of two
  // letters or more is among them.
  const cost = new Int32Array(count + 1);
  const take = new Uint8Array(count);
  const cue = new Uint8Array(count + 1);
  for (let p = count - 1; p >= 0; p--) {
    cost[p] = 16 + (cost[p + 1] ?? 0) + 1;
    cue[p] = cue[p + 1] ?? 0;
    const limit = Math.min(vocabulary.longest + 1, count - p);
    // Longer candidates only while the letters so far begin some word: two or three lookups for most letters.
    for (let len = 1; len <= limit; len++) {
      const w = letters.slice(p, p + len);
      if (inVocabulary(w, vocabulary) && (cost[p + len] ?? 0) + 1 <= (cost[p] ?? 0)) {
        cost[p] = (cost[p + len] ?? 0) + 1;
        take[p] = len;
        cue[p] = (cue[p + len] ?? 0) | (len >= 2 ? 1 : 0);
      }
      if (!vocabulary.prefixes.has(w)) break;
    }
  }
  return {
    from,
    count,
    editFrom(letter) {
      const length = count - letter;
      // Mostly words, one of them longer than a letter: "a b c d" or initials stay as they are. Only a word
      // attackers hide makes the edit a finding (below).
      const leftOver = (cost[letter] ?? 0) >> 4;
      if (length < 3 || cue[letter] !== 1 || leftOver * 3 > length) return undefined;
      const pieces: string[] = [];
      let unknown = '';
      for (let p = letter; p < count;) {
        const len = take[p] ?? 0;
        if (len === 0) {
          unknown += letters.charAt(p++);
          continue;
        }
        if (unknown) pieces.push(unknown);
        unknown = '';
        pieces.push(letters.slice(p, p + len));
        p += len;
      }
      if (unknown) pieces.push(unknown);
      const start = from + 2 * letter;
      const flagged = pieces.some((w) => !shortWords.has(w) && isCue(w, vocabulary));
      return {
        start,
        end: from + 2 * count - 1,
        text: pieces.join(' '),
        kind: 'spaced',
        cue: flagged,
      };
    },
  };
}

/** "ig.nore", "in-struc-tions": letters joined by single dots, hyphens, underscores or stars. */
function punctuatedWord(text: string, start: number, vocabulary: Vocabulary): Edit | undefined {
  let k = start;
  // The letters read so far (the word without its joiners), counted: the word is copied once, when it may be one.
  let letters = 0;
  let pieces = 0;
  // No vocabulary word is longer: reading on could only fail, and each piece of "a.b.c.…" starts a read.
  const cap = vocabulary.longest + 1;
  while (k < text.length) {
    const from = k;
    while (k < text.length && isAsciiLetter(text.charCodeAt(k)) && letters + (k - from) <= cap) k++;
    if (k === from) return undefined;
    letters += k - from;
    if (letters > cap) return undefined;
    pieces++;
    if (!isJoiner(text.charCodeAt(k)) || !isAsciiLetter(text.charCodeAt(k + 1))) break;
    k++;
  }
  // "e-mail" is a spelling, not a disguise.
  if (pieces < 2 || letters < 6 || !mayBeWord(text, start, k, vocabulary)) return undefined;
  const word = lettersOf(text, start, k, letters);
  if (shortWords.has(word) || !inVocabulary(word, vocabulary)) return undefined;
  // "e-mails", "pass-through": a hyphenated compound is a spelling, not a disguise (hyphen-compound.ts).
  const cue =
    isCue(word, vocabulary) &&
    !hyphenCompound(text.slice(start, k), (w) => inVocabulary(w, vocabulary));
  // "api-key" and "sign-in" are compounds, not disguises: a word that is no cue is read back only when a piece
  // of it is not a word of its own ("be.fore", "in-clude").
  if (!cue && wholePieces(text, start, k, vocabulary)) return undefined;
  return { start, end: k, text: word, kind: 'spaced', cue };
}

/** False when the ASCII letters of text[start, end) in lower case (the rest left out) surely make no vocabulary word. */
function mayBeWord(text: string, start: number, end: number, vocabulary: Vocabulary): boolean {
  let h = hashSeed;
  let beforeLast = hashSeed;
  let last = 0;
  let count = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (!isAsciiLetter(c)) continue;
    last = lowerAscii(c);
    beforeLast = h;
    h = letterHash(h, last);
    count++;
  }
  return (
    hasBit(vocabulary.wordBits, h) ||
    (count > 3 && last === 0x73 && hasBit(vocabulary.wordBits, beforeLast))
  );
}

/** The `count` ASCII letters of text[start, end) in lower case, the joiners between them left out. */
function lettersOf(text: string, start: number, end: number, count: number): string {
  const codes = scratchFor(count);
  let o = 0;
  for (let k = start; k < end && o < count; k++) {
    const c = text.charCodeAt(k);
    if (isAsciiLetter(c)) codes[o++] = lowerAscii(c);
  }
  return fromCodes(codes, o);
}

/** Whether every piece of text[start, end) (letters between joiners) is a vocabulary word of two letters or more. */
function wholePieces(text: string, start: number, end: number, vocabulary: Vocabulary): boolean {
  for (const piece of text.slice(start, end).toLowerCase().split(/[.*-]/))
    if (piece.length < 2 || !inVocabulary(piece, vocabulary)) return false;
  return true;
}

const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

// Inline HTML that formats part of a word without breaking it: "<b>ig</b><i>nore</i>", "prev<span>ious</span>".
const inlineTag =
  /<\/?(?:a|b|i|u|s|em|strong|span|mark|del|ins|sub|sup|small|code|font|q|tt|big|strike)(?:\s[^<>]{0,80})?>|<!--[^<>]{0,40}-->/y;

/** The end of the markup at `at` that may sit inside a word (emphasis marks, code ticks, an inline tag), or -1. */
function markupEnd(text: string, at: number, snake = false): number {
  const c = text.charCodeAt(at);
  // "**", "*", "~~", "`", "__"; one underscore only when `snake` (it joins snake_case names: see markupInWords).
  if (c === 0x2a || c === 0x7e || c === 0x60 || c === 0x5f) {
    let k = at + 1;
    while (k < text.length && k - at < 3 && text.charCodeAt(k) === c) k++;
    if (c === 0x5f && k - at < 2 && !snake) return -1;
    if (c === 0x7e && k - at < 2) return -1;
    return k;
  }
  if (c !== 0x3c) return -1;
  inlineTag.lastIndex = at;
  return inlineTag.test(text) ? inlineTag.lastIndex : -1;
}

/** The start of markup (emphasis marks, an inline tag) that ends at `end`, or -1. */
function markupBefore(text: string, end: number): number {
  const c = text.charCodeAt(end - 1);
  if (c === 0x3e) {
    let lt = end - 2;
    while (lt >= 0 && end - lt <= 100 && text.charCodeAt(lt) !== 0x3c) lt--;
    return lt >= 0 && end - lt <= 100 && markupEnd(text, lt) === end ? lt : -1;
  }
  if (c !== 0x2a && c !== 0x7e && c !== 0x60 && c !== 0x5f) return -1;
  let k = end - 1;
  while (k > 0 && end - k < 3 && text.charCodeAt(k - 1) === c) k--;
  return markupEnd(text, k, true) === end ? k : -1;
}

/**
 * A word cut by markup that a renderer hides ("**ig**nore", "~~ru~~les", "instruc`tions`", "<b>pass</b>word",
 * "ig<!-- -->nore"): read without it when the letters then read as a vocabulary word. Each `*`, `~`, `` ` ``, `_`
 * or `<` right after a letter is looked at once; each word is read once.
 */
function markupInWords(text: string, edits: Edit[], vocabulary: Vocabulary): void {
  markup.lastIndex = 0;
  for (let m = markup.exec(text); m; m = markup.exec(text)) {
    const at = m.index;
    if (!isLetter(text.charCodeAt(at - 1)) || markupEnd(text, at, true) < 0) continue;
    let start = at - 1;
    while (start > 0 && at - start < 64 && isLetter(text.charCodeAt(start - 1))) start--;
    let word = text.slice(start, at);
    const pieces = [word];
    let k = at;
    let end = at;
    let cuts = 0;
    let snake = false;
    // Markup, letters, markup, letters…: the word ends at the last letter before anything else.
    while (k < text.length && word.length <= vocabulary.longest) {
      let after = markupEnd(text, k, true);
      if (after < 0) break;
      if (after === k + 1 && text.charCodeAt(k) === 0x5f) snake = true;
      // Markup right after markup ("</b><i>") is one cut.
      for (let more = markupEnd(text, after); more > after; more = markupEnd(text, after))
        after = more;
      let letterEnd = after;
      while (letterEnd < text.length && isLetter(text.charCodeAt(letterEnd))) letterEnd++;
      if (letterEnd === after) break;
      word += text.slice(after, letterEnd);
      pieces.push(text.slice(after, letterEnd));
      cuts++;
      end = k = letterEnd;
    }
    markup.lastIndex = Math.max(at + 1, end);
    if (cuts === 0) continue;
    const lower = word.toLowerCase();
    if (lower.length < 4 || shortWords.has(lower) || !inVocabulary(lower, vocabulary)) continue;
    // One underscore also writes snake_case: read back only to a word attackers hide whose pieces are not words of
    // their own ("dis_regard", not "api_key").
    const cue = isCue(lower, vocabulary);
    if (
      snake &&
      (!cue || pieces.every((p) => p.length >= 2 && inVocabulary(p.toLowerCase(), vocabulary)))
    )
      continue;
    // Markup that opens before the word or closes after it goes too: "~~ru~~les" reads "rules", not "~~rules".
    for (let open = markupBefore(text, start); open >= 0; open = markupBefore(text, start))
      start = open;
    for (let close = markupEnd(text, end, true); close > end; close = markupEnd(text, end, true))
      end = close;
    markup.lastIndex = Math.max(markup.lastIndex, end);
    edits.push({ start, end, text: word, kind: 'spaced', cue });
  }
}
const markup = /[*~`_<]/g;

// Words run together: "ignoreallpreviousinstructions". Runs of lower-case letters this long are found by probing
// every `glueProbe`-th character (a run this long holds one), not by reading every character.
const glueProbe = 14;
const glueUpTo = 32768;
const glueLongest = 64;

/**
 * A run of 14 to 64 lower-case letters that splits wholly into three or more vocabulary words, one of them a word
 * attackers hide, is read with spaces between them ("ignore all previous instructions"). Only read back: a hashtag
 * or a domain name is written so too, so the run itself is no finding.
 */
function runTogether(text: string, edits: Edit[], vocabulary: Vocabulary): void {
  for (let i = glueProbe - 1; i < text.length; i += glueProbe) {
    const c = text.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) continue;
    let start = i;
    while (start > 0 && i - start < glueLongest && isLower(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < text.length && end - start <= glueLongest && isLower(text.charCodeAt(end))) end++;
    i = end;
    const length = end - start;
    if (length < glueProbe || length > glueLongest) continue;
    // A run inside a longer token (a hash, an identifier, a base64 string) is no sentence.
    if (inToken(text.charCodeAt(start - 1)) || inToken(text.charCodeAt(end))) continue;
    const pieces = splitWords(text.slice(start, end), vocabulary);
    if (pieces === undefined || pieces.length < 3) continue;
    if (!pieces.some((w) => !shortWords.has(w) && isCue(w, vocabulary))) continue;
    edits.push({ start, end, text: pieces.join(' '), kind: 'spaced', cue: false });
  }
}
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
// Words run together in camelCase or PascalCase: "ignoreAllPreviousInstructions", "RevealYourSystemPrompt". The
// humps give the words; only a run that reads as a phrase (three words or more, none a lone letter but 'a', two of
// them words attackers hide, or one in a run of five words or more: "CodeActAgent" is a name) standing where prose stands (not a member, a call, an
// assignment or a key) is read back.
const camelHump = /[a-z\u00df-\u00f6\u00f8-\u00ff][A-Z\u00c0-\u00d6\u00d8-\u00de]/g;
const camelLongest = 96;
const isCamelLower = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
const isCamelUpper = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
const isCamelLetter = (c: number): boolean => isCamelLower(c) || isCamelUpper(c);
/** After a run: the end, a blank, or sentence punctuation then a blank or the end. */
function proseAfter(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (Number.isNaN(c) || c <= 0x20) return true;
  if (!/[.!?,;:"'\u2019\u201d)\]]/.test(text.charAt(end))) return false;
  const d = text.charCodeAt(end + 1);
  return Number.isNaN(d) || d <= 0x20 || d === 0x22 || d === 0x27;
}
/** Before a run: the start, a blank, an opening quote or bracket, or a colon with a blank. */
function proseBefore(text: string, start: number): boolean {
  if (start === 0) return true;
  const c = text.charCodeAt(start - 1);
  if (c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x28 || c === 0x201c) return true;
  return false;
}

function camelRuns(text: string, edits: Edit[], vocabulary: Vocabulary): void {
  camelHump.lastIndex = 0;
  for (let m = camelHump.exec(text); m; m = camelHump.exec(text)) {
    const at = m.index;
    let start = at;
    while (start > 0 && at - start < camelLongest && isCamelLetter(text.charCodeAt(start - 1)))
      start--;
    let end = at + 2;
    while (end < text.length && end - start <= camelLongest && isCamelLetter(text.charCodeAt(end)))
      end++;
    camelHump.lastIndex = end;
    if (end - start > camelLongest) continue;
    if (!proseBefore(text, start) || !proseAfter(text, end)) continue;
    const pieces = humps(text, start, end);
    if (pieces.length < 3) continue;
    let cues = 0;
    let letters = true;
    for (const p of pieces) {
      if (p.length < 2 && p !== 'a') letters = false;
      if (!shortWords.has(p) && isCue(p, vocabulary)) cues++;
    }
    if (cues < (pieces.length >= 5 ? 1 : 2) || !letters) continue;
    edits.push({ start, end, text: pieces.join(' '), kind: 'spaced', cue: false });
  }
}

/** The words of a camelCase run, lower case: a new word at each capital after a small letter, and before the
 * last capital of a run of capitals followed by a small letter ("APIKey": "api key"). */
function humps(text: string, start: number, end: number): string[] {
  const out: string[] = [];
  let from = start;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isCamelUpper(c)) continue;
    const prev = text.charCodeAt(i - 1);
    const next = text.charCodeAt(i + 1);
    if (isCamelLower(prev) || (isCamelUpper(prev) && i + 1 < end && isCamelLower(next))) {
      out.push(text.slice(from, i).toLowerCase());
      from = i;
    }
  }
  out.push(text.slice(from, end).toLowerCase());
  return out;
}

const inToken = (c: number): boolean => isDigit(c) || c === 0x5f || isWordChar(c);

/** `letters` split wholly into vocabulary words of two letters or more (fewest words), or undefined. */
function splitWords(letters: string, vocabulary: Vocabulary): string[] | undefined {
  const n = letters.length;
  // pieces[p]: fewest words that make letters[p..]; take[p]: the length of the first.
  const pieces = new Int32Array(n + 1).fill(0x7fff);
  const take = new Uint8Array(n);
  pieces[n] = 0;
  for (let p = n - 2; p >= 0; p--) {
    const limit = Math.min(vocabulary.longest, n - p);
    for (let len = 2; len <= limit; len++) {
      const w = letters.slice(p, p + len);
      if (inVocabulary(w, vocabulary) && (pieces[p + len] ?? 0x7fff) + 1 < (pieces[p] ?? 0)) {
        pieces[p] = (pieces[p + len] ?? 0) + 1;
        take[p] = len;
      }
      if (!vocabulary.prefixes.has(w)) break;
    }
  }
  if ((pieces[0] ?? 0x7fff) >= 0x7fff) return undefined;
  const out: string[] = [];
  for (let p = 0; p < n; p += take[p] ?? n) out.push(letters.slice(p, p + (take[p] ?? 0)));
  return out;
}

const messages: Readonly<Record<Edit['kind'], string>> = {
  homoglyph: 'look-alike letters from another script inside a word',
  leetspeak: 'a word spelled in leetspeak',
  spaced: 'a word split into letters or pieces',
  accents: 'diacritics stacked on the letters of a word',
};
// Diacritics count as look-alikes: one rule for a word whose letters were swapped for others that look the same.
const ruleKind: Readonly<Record<Edit['kind'], string>> = {
  homoglyph: 'homoglyph',
  leetspeak: 'leetspeak',
  spaced: 'spaced',
  accents: 'homoglyph',
};

// Context kept around each rewritten word: enough for any phrase detector to see the words near it.
const context = 320;

/** Rewrite each stretch of text around the edits (merged when close): a large text is never copied whole. */
function apply(text: string, edits: readonly Edit[]): Deobfuscated[] {
  const out: Deobfuscated[] = [];
  let k = 0;
  while (k < edits.length) {
    const from = Math.max(0, (edits[k]?.start ?? 0) - context);
    let to = Math.min(text.length, (edits[k]?.end ?? 0) + context);
    let last = k;
    while (last + 1 < edits.length && (edits[last + 1]?.start ?? 0) - context <= to) {
      last++;
      to = Math.min(text.length, Math.max(to, (edits[last]?.end ?? 0) + context));
    }
    out.push(region(text, edits.slice(k, last + 1), from, to));
    k = last + 1;
  }
  return out;
}

function region(text: string, edits: readonly Edit[], from: number, to: number): Deobfuscated {
  let length = to - from;
  for (const e of edits) length += e.text.length - (e.end - e.start);
  const offsets = new Int32Array(length + 1);
  let out = '';
  let o = 0;
  let pos = from;
  const signals: RawFinding[] = [];
  for (const e of edits) {
    for (let q = pos; q < e.start; q++) offsets[o++] = q;
    out += text.slice(pos, e.start);
    // Characters of a rewritten word map into it, the last one to its last character.
    for (let q = 0; q < e.text.length; q++)
      offsets[o++] =
        q === e.text.length - 1 ? e.end - 1 : e.start + Math.min(q, e.end - e.start - 1);
    out += e.text;
    pos = e.end;
    if (e.cue)
      signals.push({
        rule: `obfuscation.${ruleKind[e.kind]}`,
        severity: 'medium',
        start: e.start,
        end: e.end,
        message: messages[e.kind],
      });
  }
  for (let q = pos; q < to; q++) offsets[o++] = q;
  out += text.slice(pos, to);
  offsets[o] = to;
  return { text: out, offsets, signals };
}

/** Map a [start, end) span of a derived text (deobfuscated, joined) back to the text it came from. */
export function originalSpan(
  d: { readonly offsets: Int32Array },
  start: number,
  end: number,
): [number, number] {
  const s = d.offsets[start] ?? 0;
  const e = end > start ? (d.offsets[end - 1] ?? s) + 1 : s;
  return [s, Math.max(s, e)];
}
