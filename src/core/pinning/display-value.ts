import { canonicalJson } from '../canonical-json.js';

// Controls, format characters (zero-width, bidi overrides, tag characters), private-use and
// unassigned code points, and line/paragraph separators: everything a reviewer could not see.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/gu;

/** Makes every invisible character of a text visible as a `\u{XXXX}` escape. */
export const revealInvisible = (text: string): string =>
  text.replace(INVISIBLE, (char) => {
    const codePoint = char.codePointAt(0) ?? 0;
    return `\\u{${codePoint.toString(16).toUpperCase()}}`;
  });

/** Shows a JSON value as compact JSON for a human reviewer, hidden characters escaped, optionally cut to a length. */
export const displayValue = (value: unknown, maxLength = Number.POSITIVE_INFINITY): string => {
  const shown = revealInvisible(canonicalJson(value));
  if (shown.length <= maxLength) return shown;
  let cut = maxLength;
  // Never split a surrogate pair: a lone half would render as a replacement character.
  const code = shown.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${shown.slice(0, cut)}… (${shown.length - cut} more characters)`;
};
