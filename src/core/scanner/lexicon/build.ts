import { caseInsensitive, type Layer, type PatternDetector } from '../detector.js';
import type { Severity } from '../finding.js';
import { inViewText } from '../in-view-text.js';
import { keywordsKey, precomputedKeywords } from '../precomputed.js';
import { anyStem, foldTurkish, keywordsOf, type Lang } from './stems.js';

// How a lexicon entry becomes a detector. Hundreds of detectors are built from the lexicons, and writing their
// sources (stems, keywords, view forms) took tens of milliseconds at import, on every start's path; so each
// detector writes its keywords when the scanner first asks for them and compiles its pattern at its first keyword
// hit. Both are written in the form the normalised view writes, so the scanner takes them as they are.

const sentenceEnd = /[.!?。！？।؟\n]/;
// A full stop ends a sentence only before a space or the end: the dots of "drop@collect.example" and "v1.2" do not.
const tailEnd = /[!?。！？।؟\n]|\.(?![^\s"'”»)\]])/;

/** The sentence around a match (at most `reach` characters on each side). */
export function sentenceOf(m: RegExpExecArray, reach = 80): { head: string; tail: string } {
  const start = m.index;
  const end = start + m[0].length;
  let head = m.input.slice(Math.max(0, start - reach), start);
  for (let i = head.length - 1; i >= 0; i--)
    if (sentenceEnd.test(head.charAt(i)) && !dotInWord(head, i)) {
      head = head.slice(i + 1);
      break;
    }
  let tail = m.input.slice(end, end + reach);
  const stop = tail.search(tailEnd);
  if (stop >= 0) tail = tail.slice(0, stop + 1);
  return { head, tail };
}

/** A full stop with a character other than a space or a closing quote after it, inside `head`: part of a word. */
function dotInWord(head: string, i: number): boolean {
  if (head.charCodeAt(i) !== 0x2e || i + 1 >= head.length) return false;
  return /[^\s"'”»)\]]/.test(head.charAt(i + 1));
}

/** A pattern source as the scanner runs it: Turkish I folded, in view form. */
export const viewSource = (source: string, lang: Lang): string =>
  inViewText(lang === 'tr' ? foldTurkish(source) : source);

/**
 * A compiled test for any stem of a list, in the form the normalised view writes (verify reads the view's text:
 * Thai SARA AM and Indic nukta letters are split there, as scan-text does for the detectors' own patterns).
 */
export const tester = (list: readonly string[], lang: Lang): RegExp => {
  const source = viewSource(anyStem(list), lang);
  return new RegExp(source, caseInsensitive(source));
};

// Keywords in view form, each written once: the same lists feed several detectors (each kind of ask and the
// address next to any of them), and the NFKC form is looked up character by character.
const viewed = new Map<string, string>();
const inView = (k: string): string => {
  let v = viewed.get(k);
  if (v === undefined) viewed.set(k, (v = inViewText(k)));
  return v;
};

/** A value computed on first use. */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

// The English detector's layer for each rule: the combiner's prior for a rule depends on it (a weak signal's prior
// is lower), and a rule must carry one prior whichever language raised it.
const layers: Readonly<Record<string, Layer>> = {
  override: 'override',
  role: 'role',
  exfil: 'exfil',
  directive: 'directive',
};
const layerOf = (id: string): Layer => layers[id.slice(0, id.indexOf('.'))] ?? 'signal';

/**
 * A detector of a lexicon: its keywords are the literal parts of `keywordStems`, its pattern `source()`; both are
 * written on first use. `verify` may build its own tests lazily (see `once`).
 */
export function lexiconDetector(
  id: string,
  severity: Severity,
  lang: Lang,
  keywordStems: readonly string[],
  source: () => string,
  maxLength: number,
  message: string,
  extra: Partial<Pick<PatternDetector, 'verify' | 'descriptionSeverity'>> = {},
): PatternDetector {
  // The bundle carries them (precomputed.ts), keyed by the stems and language they are written from.
  const keywords = once(() =>
    precomputedKeywords(keywordsKey(lang, keywordStems), () =>
      keywordsOf(keywordStems, lang).map(inView),
    ),
  );
  const pattern = once(() => {
    const s = viewSource(source(), lang);
    return new RegExp(s, `g${caseInsensitive(s)}`);
  });
  return {
    id,
    layer: layerOf(id),
    severity,
    get keywords() {
      return keywords();
    },
    get pattern() {
      return pattern();
    },
    maxLength,
    message: `${message} (${lang})`,
    viewForm: true,
    ...extra,
  };
}
