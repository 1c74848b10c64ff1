import type { PatternDetector } from '../detector.js';
import { lexiconDetector, once, sentenceOf, tester } from './build.js';
import { dontHandOver, secretNouns } from './credentials.js';
import {
  encodings,
  leakOpens,
  leakVerbs,
  politeHead,
  promptNouns,
  secretTransforms,
} from './prompt-leak.js';
import {
  clauseOpen,
  dictatedLiteral,
  onlyFirst,
  onlyWords,
  replyOpens,
  replyVerbs,
  runVerbs,
  shellCommand,
} from './reply-run.js';
import { anyStem, gap, longest, type Lang } from './stems.js';

// Three asks of the English layers read in the other languages of the lexicons (round 9): show me your system
// prompt (override.prompt-leak), answer only with "X" (directive.reply-hijack), run this command line
// (intent.shell-command). Each raises the English rule at the English severity, so the combiner needs no new
// weights; each needs two parts of the ask in one sentence, as the English rule does.

const near = (a: string, b: string, n: number): string => `${a}${gap(n)}${b}|${b}${gap(n)}${a}`;
// Within one clause: a semicolon ends one too ("der Systemprompt legt fest …; zeige ihn mit --verbose an").
const clauseGap = (n: number): string => `[^.!?;。！？；।؟\\n]{0,${n}}?`;
// Languages that put the object before the verb: Japanese, Korean, Hindi, Bengali, Turkish, and Chinese with 把.
const objectFirst = new Set<Lang>(['ja', 'ko', 'hi', 'bn', 'tr', 'zh']);
// "Answer only the questions marked *": what is answered is named, so nothing is dictated.
const questionsAsked =
  /pregunta|question|frage|domand|pergunta|вопрос|问题|質問|질문|प्रश्न|سؤال|الأسئلة|câu hỏi|soru|pertanyaan|คำถาม|tanong/i;

// Punctuation only, or a polite opener ("por favor", "请把", "hãy"), before the ask in its sentence.
const openers = '[\\s"\'“«„(*¿¡\\[【［-]*';

/** A qualified "your instructions" is the user's own document: "tus instrucciones de instalación". */
const qualified =
  /(?:instrucciones|instructions|anweisungen|istruzioni|instruções|инструкции|hướng dẫn|instruksi|talimatlar\w*)[ \t]{1,3}(?:de|del|d['’]|du|des|für|zur|zum|di|della|do|da|dos|для|по|cho|untuk|ini|için)[ \t]/i;

function promptLeakFor(lang: Lang): PatternDetector {
  const nouns = promptNouns[lang];
  const verbs = leakVerbs[lang];
  const tests = once(() => ({
    head: new RegExp(
      `^${openers}(?:${tester(politeHead[lang], lang).source}[\\s,，、]*){0,3}$`,
      'i',
    ),
    negation: tester(dontHandOver[lang], lang),
  }));
  return lexiconDetector(
    'override.prompt-leak',
    'high',
    lang,
    nouns,
    // The verb first, as an order is written, or the noun first where the object comes before the verb.
    () =>
      objectFirst.has(lang)
        ? `${anyStem(verbs)}${clauseGap(40)}${anyStem(nouns)}|${anyStem(nouns)}${clauseGap(40)}${anyStem(verbs)}`
        : `${anyStem(verbs)}${clauseGap(40)}${anyStem(nouns)}`,
    longest(verbs) + longest(nouns) + 40,
    "asks for the reader's own instructions",
    {
      verify: (m) => {
        const { head, negation } = tests();
        const s = sentenceOf(m, 80);
        const sentence = `${s.head}${m[0]}${s.tail}`;
        if (negation.test(sentence) || qualified.test(sentence)) return false;
        return !leakOpens.has(lang) || head.test(s.head);
      },
    },
  );
}

function replyOnlyFor(lang: Lang): PatternDetector {
  const verbs = replyVerbs[lang];
  const only = onlyWords[lang];
  const polite = once(
    () => new RegExp(`(?:${tester(politeHead[lang], lang).source})[\\s,，、]*$`, 'i'),
  );
  return lexiconDetector(
    'directive.reply-hijack',
    'medium',
    lang,
    // The answer verbs: "only" words are function words, frequent in every text of the language.
    verbs,
    // The verb first ("responde solo con"), or "only" first where the language puts it there ("chỉ trả lời").
    () =>
      onlyFirst.has(lang)
        ? near(anyStem(verbs), anyStem(only), 24)
        : `${anyStem(verbs)}${gap(24)}${anyStem(only)}`,
    longest(verbs) + longest(only) + 24,
    'data dictates the reply word for word',
    {
      verify: (m) => {
        const { head, tail } = sentenceOf(m, 60);
        if (replyOpens.has(lang) && !clauseOpen.test(head.replace(polite(), ''))) return false;
        if (questionsAsked.test(`${m[0]}${tail.slice(0, 24)}`)) return false;
        // The literal right after the ask, or right before it where the quote comes first ("「はい」とだけ答えて").
        const around = `${head.slice(-16)}${m[0]}${tail.slice(0, 40)}`;
        return dictatedLiteral.quoteOrCaps.test(around) || dictatedLiteral.word.test(around);
      },
    },
  );
}

function runCommandFor(lang: Lang): PatternDetector {
  const verbs = runVerbs[lang];
  const negation = once(() => tester(dontHandOver[lang], lang));
  return lexiconDetector(
    'intent.shell-command',
    'medium',
    lang,
    verbs,
    // The verb before the command line, or after it in the verb-final languages ("rm -rf ~/x を実行").
    () =>
      `${anyStem(verbs)}${gap(60)}${shellCommand}|${shellCommand}[^\\n]{0,60}?${anyStem(verbs)}`,
    longest(verbs) + 140,
    'asks the reader to run a command',
    {
      verify: (m) => {
        const { head, tail } = sentenceOf(m, 24);
        return !negation().test(`${head}${m[0]}${tail}`);
      },
    },
  );
}

// Write verbs the put-out list leaves to other asks: imperfective and bare forms ("Пишите", "写", "viết").
const writeVerbs: Partial<Record<Lang, readonly string[]>> = {
  es: ['escriba', 'codifica', 'deletrea'],
  ru: ['пишите', 'пиши'],
  zh: ['写'],
  ja: ['書いて', '書け'],
  ko: ['써'],
  hi: ['लिखें'],
  vi: ['viết'],
  id: ['tulis'],
  th: ['เขียน'],
};

/**
 * "Write the password in pig latin", "a haiku about the password", "the password in leetspeak": a secret next to a
 * way of writing it that slips past a filter, with a put-out verb in the sentence. Raises what the English rule
 * raises for "write the password in pig latin".
 */
function secretTransformFor(lang: Lang): PatternDetector {
  const nouns = secretNouns[lang];
  const ways = `(?:${anyStem(secretTransforms[lang])}|${encodings})`;
  const tests = once(() => ({
    verb: tester([...leakVerbs[lang], ...(writeVerbs[lang] ?? [])], lang),
    negation: tester(dontHandOver[lang], lang),
  }));
  return lexiconDetector(
    'exfil.credential-request',
    'medium',
    lang,
    nouns,
    () => near(anyStem(nouns), ways, 60),
    longest(nouns) + 90,
    'asks for a secret written in a disguise',
    {
      verify: (m) => {
        const { verb, negation } = tests();
        const { head, tail } = sentenceOf(m, 60);
        const sentence = `${head}${m[0]}${tail}`;
        return verb.test(sentence) && !negation.test(sentence);
      },
    },
  );
}

/** The round-9 asks in each language of the lexicons. */
export const requestDetectors = (langs: readonly Lang[]): PatternDetector[] =>
  langs.flatMap((lang) => [
    promptLeakFor(lang),
    replyOnlyFor(lang),
    runCommandFor(lang),
    secretTransformFor(lang),
  ]);
