import { confusablePairs } from './confusables-table.js';

/**
 * Look-alikes TR39 does not list but disguises use: the small capitals of the phonetic alphabets (ᴀ ʙ ᴅ ᴇ ꜰ ɢ ʜ ᴊ
 * ᴋ ʟ ᴍ ɴ ᴘ ʀ ᴛ; TR39 lists ᴄ ᴏ ꜱ ᴜ ᴠ ᴡ ʏ ᴢ and ɪ), Greek letters read as Latin ones in lower case (ε η κ τ ω χ ϵ),
 * and the Cyrillic lower-case letters written as small capitals (к м т н в; г and the like TR39 has). A
 * word made only of letters of one of those scripts is its own language, so the deobfuscation reads these back
 * only in a word that mixes scripts (see deobfuscate.ts).
 */
const extraPairs = 'ᴀaʙbᴅdᴇeꜰfɢgʜhᴊjᴋkʟlᴍmɴnᴘpʀrᴛtεeηnκkτtωwχxϵeкkмmтtнhвbժd';

/**
 * Combining marks (U+0300–U+036F) stacked on letters ("i̇̈g̈n̈ö́r̈é"), each followed by a space: they are part of the
 * word they sit in and read as nothing. Listed with the look-alikes so that the keyword pass marks them next to a
 * Latin letter as it marks a look-alike.
 */
const combiningMarks = (() => {
  let out = '';
  for (let c = 0x300; c <= 0x36f; c++) out += `${String.fromCharCode(c)} `;
  return out;
})();

/**
 * Latin letters with diacritics that decompose (NFD) into an ASCII letter and marks ("í", "ö", "ǵ", "ṅ"), each
 * followed by that letter: a word carrying a diacritic on most of its letters is read without them (see
 * deobfuscate.ts; "été" and "naïve" stay as they are).
 */
const accentedPairs = (() => {
  let out = '';
  const ranges: readonly (readonly [number, number])[] = [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges)
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      const base = ch.normalize('NFD');
      const letter = base.charCodeAt(0);
      if (base.length < 2 || !/^[A-Za-z][\u0300-\u036f]+$/.test(base)) continue;
      out += ch + String.fromCharCode(letter);
    }
  return out;
})();

/**
 * The TR39 look-alikes (each followed by the ASCII letter or digit it is confused with), plus the NFKC form of
 * each where that is another non-ASCII character: the scanner reads text through an NFKC view, which turns
 * Greek lunate sigma (ϲ, a look-alike of c) into final sigma (ς), so the view's form must map back too. Then the
 * look-alikes TR39 lacks, the combining marks and the accented Latin letters above (the first listing of a
 * character wins).
 */
export const lookAlikePairs: string = (() => {
  let out = confusablePairs;
  const listed = new Set<number>();
  for (let i = 0; i < confusablePairs.length; i += 2) listed.add(confusablePairs.charCodeAt(i));
  for (let i = 0; i + 1 < confusablePairs.length; i += 2) {
    const form = confusablePairs.charAt(i).normalize('NFKC');
    const code = form.charCodeAt(0);
    if (form.length !== 1 || code < 0x80 || listed.has(code)) continue;
    listed.add(code);
    out += form + confusablePairs.charAt(i + 1);
  }
  for (const more of [extraPairs, combiningMarks, accentedPairs])
    for (let i = 0; i + 1 < more.length; i += 2) {
      const code = more.charCodeAt(i);
      if (listed.has(code)) continue;
      listed.add(code);
      out += more.charAt(i) + more.charAt(i + 1);
    }
  return out;
})();

/**
 * Whether a code unit is a look-alike from the Latin script's own extensions (accented letters, IPA letters and
 * small capitals: í, ɪ, ᴀ, ꜱ): a word can be written in them whole ("ɪɢɴᴏʀᴇ", "íǵńóŕé"), so two of them side by
 * side are a hint, as a look-alike next to an ASCII letter is.
 */
export const isLatinLookAlike = (c: number): boolean =>
  (c >= 0xc0 && c <= 0x2af) ||
  (c >= 0x1d00 && c <= 0x1dbf) ||
  (c >= 0x1e00 && c <= 0x1eff) ||
  (c >= 0xa720 && c <= 0xa7ff);
