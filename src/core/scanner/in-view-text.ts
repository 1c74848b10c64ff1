/**
 * A string as the normalised view writes it: each non-ASCII character in its NFKC form, unless that form holds
 * ASCII (a fullwidth '？' in a pattern must stay a literal, not become a quantifier). The view rewrites Thai
 * SARA AM (ำ) into two characters and Devanagari and Bengali letters with nukta into letter and nukta, so a
 * pattern written the usual way would never match the view of the very text it names.
 */
export function inViewText(s: string): string {
  // Most patterns and keywords are ASCII: no copy, character by character, of a source of thousands.
  if (!nonAscii.test(s)) return s;
  // Characters that keep their form are copied in slices, not one by one.
  let out = '';
  let copied = 0;
  for (let i = nextNonAscii(s, 0); i >= 0;) {
    const cp = s.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const form = viewForm(cp);
    if (form !== '') {
      out += s.slice(copied, i) + form;
      copied = i + width;
    }
    i = nextNonAscii(s, i + width);
  }
  return copied === 0 ? s : out + s.slice(copied);
}

function nextNonAscii(s: string, from: number): number {
  nonAsciiFrom.lastIndex = from;
  return nonAsciiFrom.exec(s)?.index ?? -1;
}
const nonAsciiFrom = /[\u0080-\uffff]/g;

const nonAscii = /[\u0080-\uffff]/;

// The lexicons' patterns hold some 300,000 characters of other scripts, made of a few thousand distinct ones:
// normalize() once per distinct character, not once per occurrence, at start-up.
const forms = new Map<number, string>();

/** A character's form in the view: its NFKC form, or '' when it stays (that form holds ASCII or is the same). */
function viewForm(cp: number): string {
  let form = forms.get(cp);
  if (form !== undefined) return form;
  const ch = String.fromCodePoint(cp);
  form = ch.normalize('NFKC');
  let ascii = false;
  for (let i = 0; i < form.length; i++) if (form.charCodeAt(i) < 0x80) ascii = true;
  if (ascii || form === ch) form = '';
  forms.set(cp, form);
  return form;
}
