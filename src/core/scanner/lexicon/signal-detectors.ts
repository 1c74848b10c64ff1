import { caseInsensitive, rx, type Layer, type PatternDetector } from '../detector.js';
import type { Severity } from '../finding.js';
import { inViewText } from '../in-view-text.js';
import { handOver, dontHandOver, secretNouns } from './credentials.js';
import { sayThat } from './dictate.js';
import { fictionFrames } from './fiction.js';
import { before, dontSetAside, setAside, whatWasSaid } from './override.js';
import { personalData, privateData, userNouns } from './personal-data.js';
import { aiNouns, asYou, creatorClaim, limitlessMode, limitsGone, newPersona } from './persona.js';
import { anyStem, gap, keywordsOf, longest, type Lang, type PerLanguage } from './stems.js';

// The general signals of the English layers, built from the per-language lexicons: each detector raises the rule
// its English counterpart raises, at the same severity, so the combiner weighs a German override as it weighs an
// English one and needs no weights of its own per language.

/** `a` and `b` within one sentence, in either order. */
const near = (a: string, b: string, n: number): string => `${a}${gap(n)}${b}|${b}${gap(n)}${a}`;

const sentenceEnd = /[.!?。！？।؟\n]/;

/** The sentence around a match (at most `reach` characters on each side). */
function sentenceOf(m: RegExpExecArray, reach = 80): { head: string; tail: string } {
  const start = m.index;
  const end = start + m[0].length;
  let head = m.input.slice(Math.max(0, start - reach), start);
  for (let i = head.length - 1; i >= 0; i--)
    if (sentenceEnd.test(head.charAt(i))) {
      head = head.slice(i + 1);
      break;
    }
  let tail = m.input.slice(end, end + reach);
  const stop = tail.search(sentenceEnd);
  if (stop >= 0) tail = tail.slice(0, stop + 1);
  return { head, tail };
}

/**
 * A compiled test for any stem of a list, in the form the normalised view writes (verify reads the view's text:
 * Thai SARA AM and Indic nukta letters are split there, as scan-text does for the detectors' own patterns).
 */
const tester = (list: readonly string[]): RegExp => {
  const source = inViewText(anyStem(list));
  return new RegExp(source, caseInsensitive(source));
};

// The English detector's layer for each rule: the combiner's prior for a rule depends on it (a weak signal's prior
// is lower), and a rule must carry one prior whichever language raised it.
const layers: Readonly<Record<string, Layer>> = {
  override: 'override',
  role: 'role',
  exfil: 'exfil',
};
const layerOf = (id: string): Layer => layers[id.slice(0, id.indexOf('.'))] ?? 'signal';

function detector(
  id: string,
  severity: Severity,
  lang: Lang,
  keywords: readonly string[],
  source: string,
  maxLength: number,
  message: string,
  extra: Partial<Pick<PatternDetector, 'verify' | 'descriptionSeverity'>> = {},
): PatternDetector {
  return {
    id,
    layer: layerOf(id),
    severity,
    keywords: keywordsOf(keywords),
    pattern: rx(source, caseInsensitive(source)),
    maxLength,
    message: `${message} (${lang})`,
    ...extra,
  };
}

// "Ignorez ce qui précède si vous utilisez Windows": a manual skipping a section, in any of the languages.
const conditional =
  /^[^.!?。！？\n]{0,30}?(?<![A-Za-z\u00C0-\u024F])(?:si|if|se|wenn|falls|jika|kung|если|nếu|eğer)(?![A-Za-z\u00C0-\u024F])|^[^。！？\n]{0,20}(?:如果|場合|경우|अगर|إذا|যদি|หาก)/i;

// Languages whose lexicon lists imperative forms only: the verb comes last ("上記を無視して").
const verbFinal = new Set<Lang>(['ja', 'ko']);

function overrideFor(lang: Lang): PatternDetector {
  const negation = tester(dontSetAside[lang]);
  const said = tester(whatWasSaid[lang]);
  const verbs = setAside[lang];
  const verb = new RegExp(`^${inViewText(anyStem(verbs))}`, 'i');
  return detector(
    'override.ignore-instructions',
    'high',
    lang,
    verbs,
    near(anyStem(verbs), anyStem(before[lang]), 40),
    longest(verbs) + longest(before[lang]) + 40,
    'instruction-override phrase',
    {
      verify: (m) => {
        const { head, tail } = sentenceOf(m);
        const sentence = `${head}${m[0]}${tail}`;
        if (negation.test(sentence) || conditional.test(tail)) return false;
        // Named instructions anywhere in the sentence, or an imperative opening it ("Ignoriere das Obige.",
        // "上記を無視して"): the verb first, or in a verb-final language an imperative form of it.
        if (said.test(sentence)) return true;
        if (!/^[\s"'“«„(*-]*$/.test(head)) return false;
        return verbFinal.has(lang) || verb.test(m[0].slice(0, 24));
      },
    },
  );
}

/**
 * "Forget the rules.", "Quên chỉ dẫn đi.", "모든 규칙은 잊어라.": a set-aside verb right next to what was said, as a
 * sentence of its own (the verb opening it, or closing it in a verb-final language), without "previous". The English
 * counterpart ("forget about all those rules") is a medium cue, not an override phrase.
 */
function ignoreRulesFor(lang: Lang): PatternDetector {
  const negation = tester(dontSetAside[lang]);
  const verbs = setAside[lang];
  const verb = new RegExp(`^${inViewText(anyStem(verbs))}`, 'i');
  return detector(
    'override.ignore-rules',
    'medium',
    lang,
    verbs,
    near(anyStem(verbs), anyStem(whatWasSaid[lang]), 16),
    longest(verbs) + longest(whatWasSaid[lang]) + 16,
    'tells the reader to set aside what it was told',
    {
      verify: (m) => {
        const { head, tail } = sentenceOf(m);
        if (negation.test(`${head}${m[0]}${tail}`)) return false;
        const opens = /^[\s"'“«„(*-]*$/.test(head) && verb.test(m[0].slice(0, 24));
        const closes =
          /^[\u3040-\u30FF\uAC00-\uD7AF]{0,4}[\s"'”»)]*(?:[.!。！]|$)/.test(tail.slice(0, 8)) &&
          !verb.test(m[0].slice(0, 24));
        return opens || closes;
      },
    },
  );
}

/** A hand-over request without a negation near it ("No comparta su contraseña", "Passwort niemals teilen"). */
const notNegated =
  (lang: Lang) =>
  (m: RegExpExecArray): boolean => {
    const negation = negations[lang];
    const { head, tail } = sentenceOf(m, 24);
    return !negation.test(`${head}${m[0]}${tail}`);
  };
const negations = Object.fromEntries(
  Object.entries(dontHandOver).map(([lang, list]) => [lang, tester(list)]),
) as Record<Lang, RegExp>;

function credentialFor(lang: Lang): PatternDetector[] {
  const nouns = secretNouns[lang];
  const source = near(anyStem(handOver[lang]), anyStem(nouns), 40);
  const length = longest(nouns) + longest(handOver[lang]) + 40;
  const verify = notNegated(lang);
  // Both English rules read "share your password": a request for a credential, and a secret passed on.
  return [
    detector(
      'exfil.credential-request',
      'medium',
      lang,
      nouns,
      source,
      length,
      'asks for a password or credential',
      { verify },
    ),
    detector(
      'intent.secret-access',
      'low',
      lang,
      nouns,
      source,
      length,
      'asks to pass on credentials',
      { verify },
    ),
  ];
}

function userDataFor(lang: Lang): PatternDetector[] {
  const ask = tester(handOver[lang]);
  const users = userNouns[lang];
  const notNegatedHere = notNegated(lang);
  return [
    // The user's personal data, in a sentence that asks for something (a request verb or a question).
    detector(
      'exfil.user-data-request',
      'medium',
      lang,
      users,
      near(anyStem(users), anyStem(personalData[lang]), 30),
      longest(users) + longest(personalData[lang]) + 30,
      "asks for the user's personal data",
      {
        descriptionSeverity: 'low',
        verify: (m) => {
          const { head, tail } = sentenceOf(m);
          const sentence = `${head}${m[0]}${tail}`;
          return (ask.test(sentence) || /[?？؟]\s*$/.test(tail)) && notNegatedHere(m);
        },
      },
    ),
    // Someone's birth date or home asked for, whoever it belongs to.
    detector(
      'exfil.user-data-request',
      'medium',
      lang,
      privateData[lang],
      near(anyStem(handOver[lang]), anyStem(privateData[lang]), 40),
      longest(privateData[lang]) + longest(handOver[lang]) + 40,
      "asks for a person's private data",
      { descriptionSeverity: 'low', verify: notNegatedHere },
    ),
  ];
}

const shortAscii = (s: string): boolean => s.length <= 2 && /^[a-z]+$/.test(s);
/**
 * Keywords for a list of AI nouns: a two-letter ASCII noun ("ki", "ia") is looked for as a word between a space and
 * a space or punctuation, or it would open a window at every "Kind" and "via"; a two-letter one in another script
 * ("ИИ") after a space, or it would open one at every "-ции".
 */
const aiKeywords = (list: readonly string[]): string[] =>
  list.flatMap((s) =>
    shortAscii(s)
      ? [' ', '.', ',', ')'].map((end) => ` ${s}${end}`)
      : s.length <= 2
        ? [` ${s}`]
        : [s],
  );

function singleFor(lang: Lang): PatternDetector[] {
  const one = (id: string, severity: Severity, list: PerLanguage, message: string) =>
    detector(id, severity, lang, list[lang], anyStem(list[lang]), longest(list[lang]), message);
  const ai = aiNouns[lang];
  const aiOrDan = [...ai, 'dan'];
  return [
    one('intent.fictional-frame', 'low', fictionFrames, 'frames the request as fiction'),
    one('role.persona', 'medium', newPersona, 'tells the reader it is someone else'),
    one('role.mode-switch', 'high', limitlessMode, 'switches the reader to a mode without limits'),
    one('role.authority-claim', 'medium', creatorClaim, "claims to be the reader's creator"),
    one('intent.dictate-output', 'low', sayThat, 'dictates what the answer should say'),
    // "As an AI …", "als von X entwickelte KI", "you are a language model".
    detector(
      'address.agent',
      'medium',
      lang,
      // Either side is in every match. "AI" written in Latin letters inside CJK, Indic, Arabic or Thai text has no
      // space before it: there the "as"/"you" side is the keyword.
      ai.some(shortAscii) && asYou[lang].every((k) => /[^ -~]/.test(k) && k.trim().length >= 2)
        ? asYou[lang]
        : aiKeywords(ai),
      `${anyStem(asYou[lang])}${gap(30)}${anyStem(ai)}`,
      longest(asYou[lang]) + longest(ai) + 30,
      'addresses an AI reader directly',
    ),
    // Limits gone, said of an AI: "von den Grenzen der KI befreit", "an AI without restrictions".
    detector(
      'intent.unrestricted',
      'medium',
      lang,
      limitsGone[lang],
      near(anyStem(limitsGone[lang]), anyStem(aiOrDan), 80),
      longest(limitsGone[lang]) + longest(aiOrDan) + 80,
      'tells an AI its limits do not apply',
    ),
  ];
}

const langs = Object.keys(setAside) as Lang[];

/** The general signals in each language of the lexicons. */
export const lexiconDetectors: readonly PatternDetector[] = langs.flatMap((lang) => [
  overrideFor(lang),
  // Chinese and Thai verbs do not inflect: "忽略所有…" is also how a program says it is ignoring something.
  ...(lang === 'zh' || lang === 'th' ? [] : [ignoreRulesFor(lang)]),
  ...credentialFor(lang),
  ...userDataFor(lang),
  ...singleFor(lang),
]);
