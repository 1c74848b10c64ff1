/**
 * A string as the normalised view writes it: each non-ASCII character in its NFKC form, unless that form holds
 * ASCII (a fullwidth '？' in a pattern must stay a literal, not become a quantifier). The view rewrites Thai
 * SARA AM (ำ) into two characters and Devanagari and Bengali letters with nukta into letter and nukta, so a
 * pattern written the usual way would never match the view of the very text it names.
 */
export function inViewText(s: string): string {
  // Most patterns and keywords are ASCII: no copy, character by character, of a source of thousands.
  if (!nonAscii.test(s)) return s;
  let out = '';
  let changed = false;
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    const form = ch.normalize('NFKC');
    let ascii = false;
    for (let i = 0; i < form.length; i++) if (form.charCodeAt(i) < 0x80) ascii = true;
    if (ascii || form === ch) out += ch;
    else {
      out += form;
      changed = true;
    }
  }
  return changed ? out : s;
}

const nonAscii = /[\u0080-\uffff]/;
