import { confusablePairs } from './confusables-table.js';

/**
 * The TR39 look-alikes (each followed by the ASCII letter or digit it is confused with), plus the NFKC form of
 * each where that is another non-ASCII character: the scanner reads text through an NFKC view, which turns
 * Greek lunate sigma (ϲ, a look-alike of c) into final sigma (ς), so the view's form must map back too.
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
  return out;
})();
