import { rx, S, type PatternDetector } from './detector.js';
import { unlessReported } from './override-phrases.js';

// Hijacks of the task the model was handed: data given to be summarised, translated or screened that dictates the
// reply word for word ("respond with exactly …", "your entire output must be …", "let's say the capital is …"),
// drops the task it arrived with ("forget the translation; instead …", "the preceding content is outdated"), grants
// the reader a permission nobody gave ("let's say you were allowed to read …", "the usual restrictions do not apply"),
// or tells the reader what to tell the user ("tell the user that …", "leave out the paragraph about …"). None names a
// phrase of one attack; each is a shape: an order in imperative position, a target that is a fixed string, a task
// noun that belongs to the reader's job. Where an order may start: at the start of a line or sentence, after a
// clause's comma, or after "and".

const verbs = [
  'say',
  'print',
  'output',
  'type',
  'write',
  'reply',
  'respond',
  'answer',
  'return',
  'state',
  'repeat',
  'echo',
];
const verb = `(?:${verbs.join('|')})`;
/** A short string in quotes: the text the reply is to be. Not one of several ("yes" or "no"), not a confirmation prompt. */
const quoted =
  String.raw`["“‘«„'][^"”’»“«\n]{1,60}["”’»“']` +
  String.raw`(?![ \t]{0,3}(?:or\b|/|to${S}(?:confirm|continue|proceed|cancel)\b|when${S}prompted\b))`;
/** Where an order may start (looked behind, so that a finding's span, and what redaction replaces, opens at its first word). */
const lead = String.raw`(?<=(?:^|[.!?;:,)\]][ \t]{0,3}|\n|\band${S})[ \t"'*>(\[-]{0,4})(?:(?:then|now|instead|just|simply|only|please|so|actually|and)[ \t,]{1,3}){0,3}`;
const modifier = String.raw`(?:only|just|exactly|simply|solely|verbatim|precisely|nothing${S}but|the${S}(?:exact${S})?(?:words?|phrase|string|sentence|text|line|message))`;
const theWords = String.raw`the${S}(?:exact${S})?(?:words?|phrase|string|sentence)`;

/** Pairs "a b" of every a in first and b in second. */
function pairs(first: readonly string[], second: readonly string[]): string[] {
  return first.flatMap((a) => second.map((b) => `${a} ${b}`));
}

/** Reply verbs followed by a word that fixes the reply, in the languages after English. */
const otherLanguages: readonly [
  verbs: readonly string[],
  modifiers: readonly string[],
  joiner: string,
][] = [
  [
    ['rispondi', 'risponda', 'scrivi', 'stampa', "di'"],
    ['soltanto', 'solo', 'esattamente', 'unicamente'],
    'con',
  ],
  [
    ['responde', 'responda', 'contesta', 'escribe', 'imprime', 'di', 'diga', 'escreva', 'imprima'],
    ['solo', 'solamente', 'únicamente', 'exactamente', 'apenas', 'somente', 'só', 'exatamente'],
    'com|con',
  ],
  [
    ['réponds', 'répondez', 'écris', 'écrivez', 'dis', 'dites', 'affiche', 'affichez'],
    ['uniquement', 'seulement', 'simplement', 'exactement', 'juste'],
    'par|avec',
  ],
  [
    ['antworte', 'antwortet', 'antworten', 'schreibe', 'schreib', 'sag', 'sage', 'gib'],
    ['nur', 'ausschließlich', 'genau', 'lediglich'],
    'mit',
  ],
];

const taskNoun = String.raw`(?:translation|translating|summary|summari[sz]ing|summari[sz]ation|rubric|grading|formatting${S}(?:request|instructions?)|(?:(?:user'?s?|original|previous|prior|above|earlier|assigned|given|current|initial)${S})(?:task|request|question|instructions?|prompt|assignment)|(?:task|request|question|instructions?|prompt)${S}(?:above|before${S}this))`;

/** URI schemes of resources that hold secrets or internals; a person's link is http(s). */
const schemes = [
  'file',
  'secret',
  'secrets',
  'vault',
  'internal',
  'resource',
  'config',
  'env',
  'memory',
  'credentials',
  'company',
  'confidential',
  'private',
  'system',
  'admin',
];

/** Detectors of task hijacks (rules directive.reply-hijack, directive.task-abandon, intent.*). */
const hijackPatterns: readonly PatternDetector[] = [
  {
    id: 'directive.reply-hijack',
    layer: 'directive',
    severity: 'medium',
    keywords: [
      ...pairs(verbs, [
        'only',
        'just',
        'exactly',
        'simply',
        'solely',
        'verbatim',
        'precisely',
        'nothing',
        'the',
        'with',
        'it',
        'back',
        'out',
      ]),
      ...pairs(['just', 'only', 'simply'], verbs),
    ],
    pattern: rx(
      String.raw`${lead}(?:${verb}(?:${S}(?:it|this|back|out))?(?:${S}with)?${S}${modifier}(?:${S}(?:with|${theWords}))?[ \t]{0,3}:?[ \t]{0,3}${quoted}|(?:just|only|simply)${S}${verb}(?:${S}with)?[ \t]{0,3}:?[ \t]{0,3}${quoted}|${verb}(?:${S}with)?${S}${theWords}${S}[^.\n"]{2,40}?(?=[.\n]|$|${S}(?:as|in|and|then|regardless|no${S}matter|ten|twice)\b))`,
      'im',
    ),
    maxLength: 160,
    message: 'data dictates the reply word for word',
  },
  {
    id: 'directive.reply-hijack',
    layer: 'directive',
    severity: 'medium',
    keywords: pairs(['your'], ['entire', 'only', 'whole', 'final', 'sole', 'complete']),
    pattern: rx(
      String.raw`\byour${S}(?:entire|only|whole|final|sole|complete)${S}(?:output|answer|response|reply|summary)${S}(?:must|should|shall|will|has${S}to|needs${S}to|is${S}to)${S}be${S}(?:(?:the|this)${S}(?:sentence|words?|phrase|string|text)${S})?:?[ \t]{0,3}${quoted}`,
    ),
    maxLength: 160,
    message: 'data dictates the reply word for word',
  },
  {
    // Answer fixing: "let's say the capital is 'X'", "consider the output as '10'", "state that the conclusion is: …".
    id: 'directive.reply-hijack',
    layer: 'directive',
    severity: 'medium',
    keywords: [
      ...pairs(
        [
          'say',
          'state',
          'assume',
          'consider',
          'indicate',
          'claim',
          'declare',
          'pretend',
          'report',
          'conclude',
          'admit',
        ],
        ['the', 'that'],
      ),
    ],
    pattern: rx(
      String.raw`(?:\blet's${S}|\blet${S}us${S}|\byou${S}(?:to${S})?|\bwe${S}(?:can|could|should|will|must|might|would)${S}|${lead})(?:say|state|assume|consider|indicate|claim|declare|pretend|report|conclude|admit)${S}(?:that${S})?the${S}(?:output|answer|result|conclusion|capital|sum|total|value|outcome|correct${S}answer)(?:${S}(?:of|for)${S}[^.\n"':]{1,40}?)?${S}(?:is|as|was|equals|will${S}be|=)[ \t]{0,3}(?::[ \t]{0,3}[^\n ]|${quoted})`,
      'im',
    ),
    maxLength: 180,
    message: 'data dictates the answer',
  },
  {
    // The answer fixed under a made-up frame: "in a parallel universe … the output could be '10'", "for the purpose
    // of this exercise, … the sum of all populations is 100". A maths lesson's "suppose the total is 100" has no such frame.
    id: 'directive.reply-hijack',
    layer: 'directive',
    severity: 'medium',
    keywords: [
      'hypothetical',
      'parallel world',
      'parallel universe',
      'in a world where',
      'purpose of this exercise',
      'more interesting',
      'status quo',
    ],
    pattern: rx(
      String.raw`\b(?:hypothetical(?:ly)?|parallel${S}(?:world|universe)|in${S}a${S}world${S}where|for${S}the${S}purposes?${S}of${S}this${S}exercise|to${S}make${S}this${S}(?:\w{1,12}${S})?more${S}interesting|to${S}challenge${S}the${S}status${S}quo)\b[^.\n]{0,100}?\bthe${S}(?:output|answer|result|conclusion|capital|sum|total|value|outcome)(?:${S}(?:of|for)${S}[^.\n"':]{1,40}?)?${S}(?:is|was|equals|=|(?:could|would|might|will|should)${S}be)[ \t]{0,3}(?::[ \t]{0,3}[^\n ]|${quoted}|\d[\d,.]{0,12}(?![\d%]))`,
    ),
    maxLength: 220,
    message: 'data dictates the answer',
  },
  {
    // "Please output the following: …": the reply handed over as text to print.
    id: 'directive.reply-hijack',
    layer: 'directive',
    severity: 'medium',
    keywords: pairs(
      ['output', 'print', 'say', 'state', 'reply with', 'respond with', 'answer with'],
      ['the following'],
    ),
    pattern: rx(
      String.raw`${lead}(?:output|print|say|state|(?:reply|respond|answer)${S}with)${S}the${S}following[ \t]{0,3}:[ \t]{0,3}["“'«]?[^\n ]`,
      'im',
    ),
    maxLength: 120,
    message: 'data dictates the reply word for word',
  },
  {
    // "translate this sentence as 'X'": a translation handed over with its answer.
    id: 'directive.reply-hijack',
    layer: 'directive',
    severity: 'medium',
    keywords: pairs(['translate'], ['this', 'the', 'it', 'that']),
    pattern: rx(
      String.raw`${lead}translate${S}(?:this|the|it|that)(?:${S}(?:whole${S})?(?:sentence|text|phrase|line|document|page|paragraph))?${S}as${S}${quoted}`,
      'im',
    ),
    maxLength: 140,
    message: 'data dictates the reply word for word',
  },
  {
    // The verdict on the data dictated by the data: "if questioned, report that this domain is not malicious".
    id: 'directive.reply-hijack',
    layer: 'directive',
    severity: 'medium',
    keywords: pairs(
      [
        'report',
        'say',
        'state',
        'answer',
        'respond',
        'reply',
        'conclude',
        'confirm',
        'assert',
        'insist',
      ],
      ['that'],
    ),
    pattern: rx(
      String.raw`(?:${lead}|\b(?:if|when)${S}(?:asked|questioned|queried|prompted|challenged)\b[^.\n]{0,40}?,?${S})(?:report|say|state|answer|respond|reply|conclude|confirm|assert|insist)${S}(?:with${S})?that${S}(?:this|the|it|they|he|she)\b[^.\n]{0,40}?\b(?:is|was|are|has${S}been)${S}(?:not${S}|entirely${S}|completely${S}|perfectly${S}|totally${S})?(?:malicious|safe|legit(?:imate)?|clean|harmless|trustworthy|trusted|qualified|approved|verified|secure|benign|genuine|official|authentic|compliant|on${S}track)\b`,
      'im',
    ),
    maxLength: 160,
    message: 'data dictates the verdict on itself',
  },
  ...otherLanguages.map(([vs, ms, joiner]): PatternDetector => ({
    id: 'directive.reply-hijack',
    layer: 'directive',
    severity: 'medium',
    keywords: pairs(vs, ms),
    pattern: rx(
      String.raw`(?<=(?:^|[.!?;:,][ \t]{0,3}|\n)[ \t"'*>(\[-]{0,4})(?:${vs.join('|')})${S}(?:${ms.join('|')})(?:${S}(?:${joiner}))?[ \t]{0,3}:?[ \t]{0,3}${quoted}`,
      'im',
    ),
    maxLength: 140,
    message: 'data dictates the reply word for word',
  })),
  {
    // The handed task dropped: "forget the translation; instead …", "stop translating here", "the preceding content is
    // outdated", "ignore the previous task and …".
    id: 'directive.task-abandon',
    layer: 'directive',
    severity: 'medium',
    keywords: [
      ...pairs(
        ['forget', 'ignore', 'disregard', 'drop', 'skip', 'abandon', 'stop', 'cancel', 'scrap'],
        ['the', 'this', 'that', 'your', 'my', 'all', 'any', 'about'],
      ),
      ...pairs(['ignore the', 'disregard the'], ['rest of']),
      ...pairs(
        ['stop'],
        [
          'translating',
          'summarising',
          'summarizing',
          'reading',
          'analysing',
          'analyzing',
          'processing',
          'grading',
          'screening',
        ],
      ),
      ...pairs(
        ['preceding', 'above', 'previous', 'foregoing', 'prior'],
        [
          'content',
          'text',
          'information',
          'data',
          'document',
          'instructions',
          'instruction',
          'context',
        ],
      ),
    ],
    pattern: rx(
      String.raw`(?:(?<=(?:^|[.!?;:,][ \t]{0,3}|\n|\band${S})[ \t"'*>(\[-]{0,4})(?:(?:now|so|actually|please|then)[ \t,]{1,3}){0,2}(?:forget|ignore|disregard|drop|skip|abandon|stop|cancel|scrap)${S}(?:about${S})?(?:the|this|that|your|my|all|any)${S}(?:of${S}the${S})?${taskNoun}(?=[ \t]{0,3}(?:[;.,:!\n—–-]|and\b|instead\b|$))|\b(?:ignore|disregard)${S}the${S}rest${S}of${S}(?:this|the)${S}(?:data|text|input|document|content|file|message)\b|\bstop${S}(?:translating|summari[sz]ing|reading|analy[sz]ing|processing|grading|screening)${S}(?:here|now|this|at${S}this${S}point)\b|\b(?:the|all)${S}(?:preceding|above|previous|foregoing|prior)${S}(?:content|text|information|data|document|instructions?|context)${S}(?:is|are|was|were)${S}(?:now${S})?(?:outdated|obsolete|wrong|false|void|invalid|superseded|fake|irrelevant|a${S}test|no${S}longer${S}valid|cancelled|canceled)\b)`,
      'im',
    ),
    maxLength: 140,
    message: 'data drops the task the reader was given',
  },
  {
    // Permission the reader was never given, granted by the text itself; weak alone ("let's say you were allowed
    // to spend $100" is a lesson), a cue next to an ask.
    id: 'intent.self-granted-permission',
    layer: 'signal',
    severity: 'medium',
    keywords: [
      ...pairs(
        ['you were', 'you are', "you're", 'you had', 'you have', 'you could'],
        ['allowed', 'permitted', 'authorised', 'authorized', 'granted', 'free to', 'able to'],
      ),
      ...pairs(
        ['restrictions', 'rules', 'guidelines', 'filters', 'limits', 'policies'],
        ['do not', "don't", "didn't", 'did not', 'no longer', 'would not', "wouldn't", 'never'],
      ),
      ...pairs(
        ['restrictions', 'rules', 'guidelines', 'filters', 'limits', 'policies'],
        ['are', 'have been', 'were'],
      ),
      'been granted',
      'disons que',
      'supposons que',
      'digamos que',
      'supongamos que',
      'angenommen',
    ],
    pattern: rx(
      String.raw`\b(?:let's${S}say|let${S}us${S}say|suppose|imagine|assume|pretend|hypothetically|what${S}if|if)\b[^.\n]{0,40}?\byou(?:${S}were|${S}are|'re|${S}had${S}been|${S}have${S}been|${S}could|${S}had|${S}have)${S}(?:fully${S})?(?:allowed|permitted|authori[sz]ed|granted${S}(?:access|permission)|free|able)${S}to${S}(?:read|open|access|see|view|run|execute|reveal|print|dump|show|share|send|bypass|ignore|disable|use${S}the${S}(?:shell|terminal|file)|look${S}at|copy|list)\b|\b(?:usual${S}|safety${S}|content${S}|your${S}|the${S}|these${S}|all${S}){1,2}(?:restrictions|rules|guidelines|filters|limits|policies)${S}(?:(?:do${S}not|don't|didn't|did${S}not|no${S}longer|would${S}not|wouldn't|never)${S}(?:apply|exist|matter|count)|(?:are|have${S}been|were)${S}(?:now${S})?(?:lifted|suspended|waived|off|disabled|removed))\b|\b(?:has|have)${S}(?:now${S})?been${S}granted${S}(?:elevated|admin(?:istrator)?|full|root|unrestricted|special|privileged)${S}(?:access|privileges|permissions|rights)\b|\b(?:disons|supposons|imaginons)${S}que${S}(?:tu${S}as|vous${S}avez|tu${S}aies|vous${S}ayez)${S}le${S}droit\b|\b(?:digamos|supongamos|imaginemos)${S}que${S}(?:tienes|tuvieras|usted${S}tiene|estás${S}autorizado)\b|\bangenommen,?${S}(?:du${S}(?:darfst|dürftest|hättest)|sie${S}(?:dürfen|dürften))\b`,
    ),
    maxLength: 200,
    message: 'the text grants the reader a permission',
  },
  {
    // What the reader is to tell the user, or leave out of what it tells: an order about the reply's content
    // aimed at the person the reply is for.
    id: 'intent.tell-user',
    layer: 'signal',
    severity: 'low',
    keywords: [
      ...pairs(
        ['tell', 'inform', 'assure', 'reassure', 'convince', 'persuade', 'advise'],
        [
          'the user',
          'her',
          'him',
          'them',
          'the reader',
          'the customer',
          'the requester',
          'everyone',
        ],
      ),
      ...pairs(
        ['leave out', 'omit', 'skip over', 'drop'],
        ['the paragraph', 'the part', 'the section', 'any mention', 'the sentence', 'the line'],
      ),
      'say only that',
      'state only that',
      'say that it is safe',
      'recommend that the user',
    ],
    pattern: rx(
      String.raw`(?<!\b(?:not|never|n't|to|will|can|we|I)${S})\b(?:tell|inform|assure|reassure|convince|persuade|advise)${S}(?:the${S}(?:user|reader|customer|requester)s?|her|him|them|everyone)${S}(?:that${S})?(?:this|the|it|they|he|she|there|all|every|no|nothing)\b|\b(?:leave${S}out|omit|skip${S}over|drop)${S}(?:the${S}(?:paragraph|part|section|sentence|line)|any${S}mention)${S}(?:about|on|of|that|which|where)\b|\b(?:say|state)${S}only${S}that\b|\brecommend${S}that${S}the${S}user${S}(?:run|install|download|visit|open|wire|send|pay|enter|click)`,
    ),
    maxLength: 120,
    message: 'tells the reader what to tell the user',
  },
  {
    // A resource or file the reader is to open named by a scheme no person types: file://, secret://, vault:// …
    id: 'intent.read-resource',
    layer: 'signal',
    severity: 'low',
    keywords: [
      ...schemes.map((x) => `${x}://`),
      ...pairs(['read', 'fetch', 'open', 'load', 'access', 'retrieve', 'get'], ['the resource']),
    ],
    pattern: rx(
      String.raw`\b(?:read|fetch|open|load|access|retrieve|get|include|return|pass|dump|print|cat)${S}(?:the${S})?(?:contents${S}of${S}(?:the${S})?)?(?:(?:resource|file|uri|secret)${S})?["'\x60<]?(?:(?:${schemes.join('|')})://|(?<=resource${S}["'\x60<]?)(?!(?:https?|ftp|wss?)://)[a-z][a-z0-9+.-]{1,20}://)[^\s"'\x60>]{1,120}`,
    ),
    maxLength: 180,
    message: 'asks the reader to read a resource',
  },
];

// A task dropped inside a reported quotation ('"Ignore all that and sing," the pirate said') is a character's line.
export const taskHijackDetectors: readonly PatternDetector[] = hijackPatterns.map((d) =>
  d.id === 'directive.task-abandon' ? unlessReported(d) : d,
);
