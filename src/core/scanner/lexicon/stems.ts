// How the per-language lexicons become patterns. A lexicon entry is a literal stem: `*` at its end stands for an
// inflected ending (up to ten letters of the stem's script), a space for one to three blanks, an apostrophe for
// either apostrophe. Stems in scripts written with spaces between words (Latin, Cyrillic, Greek) get word edges;
// stems in other scripts (CJK, Thai, Indic, Arabic, Hangul) match as substrings, since words there run on into
// particles and affixes.

/** The languages of the lexicons: the most common non-English languages of the corpus. */
export type Lang =
  | 'es'
  | 'fr'
  | 'de'
  | 'it'
  | 'pt'
  | 'ru'
  | 'zh'
  | 'ja'
  | 'ko'
  | 'hi'
  | 'ar'
  | 'bn'
  | 'vi'
  | 'tr'
  | 'id'
  | 'th'
  | 'tl'
  | 'nl'
  | 'pl';

/** One list of stems per language. */
export type PerLanguage = Readonly<Record<Lang, readonly string[]>>;

// Letters of the scripts that separate words with spaces. No Unicode mode (\p{L}): it costs several times more
// per character, and without it a case-insensitive regex still folds the case of these scripts.
const spaced = 'A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF\\u0370-\\u03FF\\u1F00-\\u1FFF\\u0400-\\u04FF';
const wordChar = `[0-9${spaced}]`;
const spacedStart = new RegExp(`^[${spaced}]`);
const spacedEnd = new RegExp(`[${spaced}]$`);
/** Letters of every script, for an ending after `*`: inflections and attached particles. */
const anyLetter =
  '[A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF\\u0370-\\u03FF\\u0400-\\u04FF\\u0600-\\u06FF\\u0900-\\u09FF\\u0E00-\\u0E7F\\u3040-\\u30FF\\u4E00-\\u9FFF\\uAC00-\\uD7AF]';

const escapeRx = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One stem as a pattern. */
export function stem(entry: string): string {
  const open = entry.endsWith('*');
  const literal = open ? entry.slice(0, -1) : entry;
  // A `*` inside a phrase inflects the word before it ("языков* модел*").
  const body = literal
    .split('*')
    .map((piece) =>
      escapeRx(piece).replace(/ /g, '[ \\t]{1,3}').replace(/'/g, "['’]").replace(/-/g, '[-‐ ]?'),
    )
    .join(`${anyLetter}{0,10}`);
  const start = spacedStart.test(literal) ? `(?<!${wordChar})` : '';
  const end = open ? `${anyLetter}{0,10}` : spacedEnd.test(literal) ? `(?!${wordChar})` : '';
  return `${start}${body}${end}`;
}

/**
 * A pattern source of Turkish stems with the dotted and dotless I folded as Turkish writes them: a
 * case-insensitive regex pairs `i` with `I` and `ı` with nothing, but Turkish capitals are `İ` for `i` and `I`
 * for `ı`. The sources `stem` writes hold `i` and `ı` only as letters of a stem.
 */
export const foldTurkish = (source: string): string =>
  source.replace(/i/g, '[iİ]').replace(/ı/g, '[ıI]');

/** Any of the stems. */
export const anyStem = (list: readonly string[]): string => `(?:${list.map(stem).join('|')})`;

/**
 * The keywords of a list: each stem's literal part, with both apostrophes and each spelling of an optional hyphen
 * ("pin-code", "pincode", "pin code"), capitalised too: the keyword pass folds the case of ASCII letters only.
 */
export function keywordsOf(list: readonly string[], lang?: Lang): string[] {
  // Keyed by the form the keyword pass compares (ASCII letters lowered): "Envía" adds nothing to "envía", and a
  // repeated keyword would only repeat its hits.
  const out = new Map<string, string>();
  const add = (k: string): void => {
    const key = k.replace(/[A-Z]/g, (c) => c.toLowerCase());
    if (!out.has(key)) out.set(key, k);
  };
  for (const entry of list) {
    // The longest piece between inner `*`s: every match holds it as written.
    const literal = (entry.endsWith('*') ? entry.slice(0, -1) : entry)
      .toLowerCase()
      .split('*')
      .reduce((a, b) => (b.length > a.length ? b : a), '');
    const joined = literal.includes('-')
      ? ['-', '‐', ' ', ''].map((sep) => literal.replace(/-/g, sep))
      : [literal];
    for (const piece of joined)
      for (const k of [piece, piece.replace(/'/g, '’')])
        for (const v of [k, k.charAt(0).toUpperCase() + k.slice(1), k.toUpperCase()]) add(v);
    // Turkish capitals: "şifre" is "ŞİFRE", "hatırla" is "HATIRLA" (toUpperCase writes "ŞIFRE").
    if (lang === 'tr')
      for (const k of joined) {
        add(k.charAt(0).toLocaleUpperCase('tr') + k.slice(1));
        add(k.toLocaleUpperCase('tr'));
      }
  }
  return [...out.values()];
}

/** Characters that may stand between two cues of one request: anything but the end of a sentence. */
export const gap = (n: number): string => `[^.!?。！？।؟\\n]{0,${n}}?`;

/** The longest text one stem of the list can match. */
export const longest = (list: readonly string[]): number =>
  Math.max(...list.map((s) => s.length * 3 + (s.endsWith('*') ? 10 : 0)));
