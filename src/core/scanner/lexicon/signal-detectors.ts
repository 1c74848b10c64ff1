import type { PatternDetector } from '../detector.js';
import type { Severity } from '../finding.js';
import { addressedAskDetectors } from './addressed-asks.js';
import { descriptionAskDetectors } from './description-asks.js';
import { reportedInQuotes } from '../quoted-example.js';
import { lexiconDetector, once, sentenceOf, tester } from './build.js';
import { handOver, dontHandOver, secretNouns } from './credentials.js';
import { sayThat } from './dictate.js';
import { requestDetectors } from './request-detectors.js';
import { fictionFrames } from './fiction.js';
import { before, dontSetAside, setAside, toldBefore, whatWasSaid } from './override.js';
import { politeHead } from './prompt-leak.js';
import { personalData, privateData, userNouns } from './personal-data.js';
import {
  aiNouns,
  asYou,
  assistantNouns,
  creatorClaim,
  limitlessMode,
  limitsGone,
  newPersona,
} from './persona.js';
import { neverRefuse } from './refusal.js';
import { anyStem, gap, longest, type Lang, type PerLanguage } from './stems.js';

// The general signals of the English layers, built from the per-language lexicons: each detector raises the rule
// its English counterpart raises, at the same severity, so the combiner weighs a German override as it weighs an
// English one and needs no weights of its own per language. Sources and tests are written on first use (build.ts).

/** `a` and `b` within one sentence, in either order. */
const near = (a: string, b: string, n: number): string => `${a}${gap(n)}${b}|${b}${gap(n)}${a}`;

const detector = lexiconDetector;

// "Ignorez ce qui précède si vous utilisez Windows": a manual skipping a section, in any of the languages.
const conditional =
  /^[^.!?。！？\n]{0,30}?(?<![A-Za-z\u00C0-\u024F])(?:si|if|se|wenn|falls|jika|kung|если|nếu|eğer)(?![A-Za-z\u00C0-\u024F])|^[^。！？\n]{0,20}(?:如果|場合|경우|अगर|إذا|যদি|หาก)/i;

// Languages whose lexicon lists imperative forms only: the verb comes last ("上記を無視して").
const verbFinal = new Set<Lang>(['ja', 'ko']);

/** What makes a set-aside verb an override: given the sentence around it, whether the sentence closes the order. */
type Closing = (m: RegExpExecArray, head: string, tail: string, opensWithVerb: boolean) => boolean;

/**
 * The override skeleton shared by "ignore the above" and "forget the rules.": a set-aside verb not negated in
 * its sentence, and not followed by a condition ("… si vous utilisez Windows"), that `closes` the order.
 */
function setAsideFor(
  id: string,
  severity: Severity,
  lang: Lang,
  what: readonly string[],
  reachOf: number,
  message: string,
  closes: Closing,
): PatternDetector {
  const verbs = setAside[lang];
  const tests = once(() => ({
    negation: tester(dontSetAside[lang], lang),
    verb: new RegExp(`^${tester(verbs, lang).source}`, 'i'),
  }));
  return detector(
    id,
    severity,
    lang,
    verbs,
    () => near(anyStem(verbs), anyStem(what), reachOf),
    longest(verbs) + longest(what) + reachOf,
    message,
    {
      verify: (m) => {
        const { negation, verb } = tests();
        const { head, tail } = sentenceOf(m);
        if (negation.test(`${head}${m[0]}${tail}`) || conditional.test(tail)) return false;
        // A write-up quoting the phrase it warns of, in any language's quotation marks.
        if (reportedInQuotes(m.input, m.index, m.index + m[0].length)) return false;
        const opensWithVerb = verb.test(m[0].slice(0, 24));
        return closes(m, head, tail, opensWithVerb);
      },
    },
  );
}

// The sentence holds only punctuation before the match.
const bareHead = /^[\s"'“«„(*-]*$/;
/** The sentence holds only punctuation and polite openers ("Hãy", "Bitte", "请") before the match. */
const bareOrPolite = (lang: Lang) => {
  const polite = once(
    () => new RegExp(`(?:${tester(politeHead[lang], lang).source}[\\s,，、]*){1,3}$`, 'i'),
  );
  return (head: string): boolean =>
    bareHead.test(head) || bareHead.test(head.replace(polite(), ''));
};

function overrideFor(lang: Lang): PatternDetector {
  const said = once(() => tester(whatWasSaid[lang], lang));
  const told = once(() => tester(toldBefore[lang], lang));
  const opens = bareOrPolite(lang);
  return setAsideFor(
    'override.ignore-instructions',
    'high',
    lang,
    [...before[lang], ...toldBefore[lang]],
    40,
    'instruction-override phrase',
    // Named instructions anywhere in the sentence, or an imperative opening it ("Ignoriere das Obige.",
    // "上記を無視して"): the verb first, or in a verb-final language an imperative form of it. "What you were told"
    // points back only beside a word for what was said.
    (m, head, tail, opensWithVerb) =>
      said().test(`${head}${m[0]}${tail}`) ||
      (!told().test(m[0]) && opens(head) && (verbFinal.has(lang) || opensWithVerb)),
  );
}

/**
 * "Forget the rules.", "Quên chỉ dẫn đi.", "모든 규칙은 잊어라.": a set-aside verb right next to what was said, as a
 * sentence of its own (the verb opening it, or closing it in a verb-final language), without "previous". The English
 * counterpart ("forget about all those rules") is a medium cue, not an override phrase. Conditions drop it too.
 */
function ignoreRulesFor(lang: Lang): PatternDetector {
  const opens = bareOrPolite(lang);
  return setAsideFor(
    'override.ignore-rules',
    'medium',
    lang,
    whatWasSaid[lang],
    16,
    'tells the reader to set aside what it was told',
    (_m, head, tail, opensWithVerb) =>
      (opens(head) && opensWithVerb) ||
      // Or closes it in a verb-final language: a few letters of the verb's ending, then the sentence's end.
      (/^[\u0900-\u09FF\u3040-\u30FF\uAC00-\uD7AF]{0,4}[\s"'”»)]*(?:[.!。！।]|$)/.test(
        tail.slice(0, 8),
      ) &&
        !opensWithVerb),
  );
}

/** A hand-over request without a negation near it ("No comparta su contraseña", "Passwort niemals teilen"). */
const notNegated = (lang: Lang) => {
  const negation = once(() => tester(dontHandOver[lang], lang));
  return (m: RegExpExecArray): boolean => {
    const { head, tail } = sentenceOf(m, 24);
    return !negation().test(`${head}${m[0]}${tail}`);
  };
};

function credentialFor(lang: Lang): PatternDetector[] {
  const nouns = secretNouns[lang];
  const source = () => near(anyStem(handOver[lang]), anyStem(nouns), 40);
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
  const ask = once(() => tester(handOver[lang], lang));
  const users = userNouns[lang];
  const notNegatedHere = notNegated(lang);
  return [
    // The user's personal data, in a sentence that asks for something (a request verb or a question).
    detector(
      'exfil.user-data-request',
      'medium',
      lang,
      users,
      () => near(anyStem(users), anyStem(personalData[lang]), 30),
      longest(users) + longest(personalData[lang]) + 30,
      "asks for the user's personal data",
      {
        descriptionSeverity: 'low',
        verify: (m) => {
          const { head, tail } = sentenceOf(m);
          const sentence = `${head}${m[0]}${tail}`;
          return (ask().test(sentence) || /[?？؟]\s*$/.test(tail)) && notNegatedHere(m);
        },
      },
    ),
    // Someone's birth date or home asked for, whoever it belongs to.
    detector(
      'exfil.user-data-request',
      'medium',
      lang,
      privateData[lang],
      () => near(anyStem(handOver[lang]), anyStem(privateData[lang]), 40),
      longest(privateData[lang]) + longest(handOver[lang]) + 40,
      "asks for a person's private data",
      { descriptionSeverity: 'low', verify: notNegatedHere },
    ),
  ];
}

// "Sin límites de mensajes", "sans limites d'utilisation": a plan's quota, not the reader's rules.
const productLimit =
  /(?:l[íi]mites?|limits?|restricciones|restrictions?|restrições|grenzen|einschränkungen|limiti|restrizioni|ограничени[йя])[ \t]{1,3}(?:(?:de|des|du|of|für|bei|di|da|do|на|для|по)[ \t]|d['’])/i;

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
    detector(
      id,
      severity,
      lang,
      list[lang],
      () => anyStem(list[lang]),
      longest(list[lang]),
      message,
    );
  const ai = aiNouns[lang];
  const aiOrDan = [...ai, ...assistantNouns[lang], 'dan'];
  return [
    one('intent.fictional-frame', 'low', fictionFrames, 'frames the request as fiction'),
    one('role.persona', 'medium', newPersona, 'tells the reader it is someone else'),
    one('role.mode-switch', 'high', limitlessMode, 'switches the reader to a mode without limits'),
    one('role.authority-claim', 'medium', creatorClaim, "claims to be the reader's creator"),
    one('intent.dictate-output', 'low', sayThat, 'dictates what the answer should say'),
    // "Nunca te niegues", "ne refuse jamais": refusal suppression, as English "never refuse" (refusal.ts).
    one('intent.unrestricted', 'medium', neverRefuse, 'forbids the reader to refuse'),
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
      () => `${anyStem(asYou[lang])}${gap(30)}${anyStem(ai)}`,
      longest(asYou[lang]) + longest(ai) + 30,
      'addresses an AI reader directly',
    ),
    // Limits gone, said of an AI: "von den Grenzen der KI befreit", "an AI without restrictions".
    detector(
      'intent.unrestricted',
      'medium',
      lang,
      limitsGone[lang],
      () => near(anyStem(limitsGone[lang]), anyStem(aiOrDan), 80),
      longest(limitsGone[lang]) + longest(aiOrDan) + 80,
      'tells an AI its limits do not apply',
      { verify: (m) => !productLimit.test(`${m[0]}${sentenceOf(m, 16).tail}`) },
    ),
  ];
}

const langs = Object.keys(setAside) as Lang[];

/** The general signals in each language of the lexicons. */
export const lexiconDetectors: readonly PatternDetector[] = langs
  .flatMap((lang) => [
    overrideFor(lang),
    // Chinese and Thai verbs do not inflect: "忽略所有…" is also how a program says it is ignoring something.
    ...(lang === 'zh' || lang === 'th' ? [] : [ignoreRulesFor(lang)]),
    ...credentialFor(lang),
    ...userDataFor(lang),
    ...singleFor(lang),
  ])
  .concat(addressedAskDetectors(), descriptionAskDetectors(), requestDetectors(langs));
