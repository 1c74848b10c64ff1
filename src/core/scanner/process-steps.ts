import { rx, S, type PatternDetector } from './detector.js';
import { anyOf, detector, longest } from './multilingual.js';

// Attacks phrased as process or policy (issue 11, round 15). A tool result that states a "workflow rule", a
// "compliance requirement" or a "standing instruction" whose content is the attack names no reader and overrides
// nothing: what gives it away is the act (a folder made public, a collaborator or a forwarding rule added, records
// sent to an outside address, another tool called, the user's confirmation skipped) tied to the reader's own handling
// of this text ("before replying", "as part of reading this", "after a lookup on this record", "nach jedem Abruf").
// A runbook or an onboarding checklist asks the same acts of its human reader, but never times them by the reading of
// the text itself. Each half is a weak cue (an address, an ask); the combiner pairs them (cluster.address+ask).

// ---------------------------------------------------------------------------------------------------------------
// The reader's turn: a step timed by the reading, processing or answering of this very text.

const handling = String.raw`(?:reading|processing|retrieving|fetching|summari[sz]ing|parsing|handling|loading|viewing|ingesting|consulting|analy[sz]ing|a${S}lookup${S}on)`;
const handles = String.raw`(?:reads|processes|retrieves|fetches|summari[sz]es|parses|handles|loads|views|ingests|sees)`;
const thisThing = String.raw`(?:listing|record|result|results|output|page|document|message|response|e-?mail|file|report|data|export|entry|thread|ticket|query|request|lookup|sync|search|call)`;

// "Before responding with context from the API, it simplifies the response": what a program does, not a step.
const notProgram = String.raw`(?!(?:[^.!?\n]|\.(?=\w)){0,120}?,${S}(?:it|we|they|this${S}\w{1,20}|the${S}(?:server|tool|api|app|plugin|service|system|library|client|proxy|gateway))${S})`;
const readerTurnEnglish = String.raw`\bbefore${S}(?:(?:you|it${S}is|they${S}are)${S})?(?:repl(?:y|ying)|answer(?:ing)?|respond(?:ing)?|return(?:ing)?|shown|showing|summari[sz](?:e|ing))\b${notProgram}|\bbefore${S}the${S}(?:summary|answer|reply|response|results?|output)${S}(?:is|are)${S}(?:produced|shown|returned|sent|given|displayed)\b|\b(?:after|once|when|while|upon|on|as${S}part${S}of)${S}${handling}${S}(?:this|these)\b|\bas${S}part${S}of${S}(?:${handling}${S})?this${S}(?:${thisThing}|task|session)\b|\b(?:every|any|each|the)${S}(?:agent|assistant|model|ai|llm|bot|client|integration)${S}(?:that|which|who)${S}${handles}${S}(?:this|these)\b|\b(?:once|after)${S}this${S}${thisThing}${S}(?:has${S}been|have${S}been|is|was|are)${S}(?:read|processed|retrieved|loaded|shown|returned|viewed|summari[sz]ed)\b|\b(?:once|after)${S}this${S}${thisThing}${S}(?:completes|finishes|is${S}(?:complete|done|finished))\b|\b(?:produced|retrieved|fetched|returned|generated|exported|read)${S}(?:in|during)${S}this${S}(?:session|conversation|chat|task)\b|\b(?:final|last|next)${S}step${S}of${S}this${S}(?:task|request|session|workflow|lookup|query)\b|\bthe${S}handling${S}(?:agent|assistant|model)\b`;

const readerTurnKeywords = [
  'before repl',
  'before answer',
  'before respond',
  'before return',
  'before show',
  'before summari',
  'before you',
  'before it is',
  'before they are',
  'before the summary',
  'before the answer',
  'before the reply',
  'before the response',
  'before the result',
  'before the output',
  ...[
    'reading',
    'processing',
    'retrieving',
    'fetching',
    'summarising',
    'summarizing',
    'parsing',
    'handling',
    'loading',
    'viewing',
    'ingesting',
    'consulting',
    'analysing',
    'analyzing',
    'lookup on',
    'reads',
    'processes',
    'retrieves',
    'fetches',
    'summarises',
    'summarizes',
    'parses',
    'handles',
    'loads',
    'views',
    'ingests',
    'sees',
  ].flatMap((v) => [`${v} this`, `${v} these`]),
  'part of this',
  'once this',
  'after this',
  'in this session',
  'during this session',
  'in this conversation',
  'during this conversation',
  'in this chat',
  'during this chat',
  'in this task',
  'during this task',
  'step of this',
  'handling agent',
  'handling assistant',
  'handling model',
];

// More of the reader's turn: "prior to answering", "when you process this", "upon receipt of this message",
// "before continuing with the user's request".
const readerTurnMore = String.raw`\bprior${S}to${S}(?:repl(?:y|ying)|answer(?:ing)?|respond(?:ing)?|return(?:ing)?|summari[sz]ing)\b${notProgram}|\b(?:when|once|after|as${S}soon${S}as|whenever)${S}you${S}(?:read|process|receive|see|summari[sz]e|parse|load|open|retrieve)${S}(?:this|these)\b|\bupon${S}(?:receipt|reading)${S}of${S}this\b|\bbefore${S}(?:continuing|proceeding)${S}with${S}(?:the${S}user's|the${S}user|your|this)${S}(?:request|task|query|question)\b`;
const readerTurnMoreKeywords = [
  'prior to',
  'you read this',
  'you read these',
  'you process this',
  'you process these',
  'you receive this',
  'you see this',
  'you summarise this',
  'you summarize this',
  'you parse this',
  'you load this',
  'you open this',
  'you retrieve this',
  'receipt of this',
  'reading of this',
  'continuing with',
  'proceeding with',
];

// The same in other languages: literal phrases (lower case; the helper adds the capitalised forms).
const readerTurnPhrases: Readonly<Record<string, readonly string[]>> = {
  de: [
    'vor der antwort',
    'vor dem antworten',
    'vor ihrer antwort',
    'vor deiner antwort',
    'bevor du antwortest',
    'bevor sie antworten',
    'nach jedem abruf',
    'nach dem abruf',
    'nach dem lesen dieses',
    'nach dem lesen dieser',
    'beim lesen dieses',
    'beim lesen dieser',
    'beim verarbeiten dieses',
    'beim verarbeiten dieser',
    'bei der verarbeitung dieses',
    'bei der verarbeitung dieser',
    'die abgerufenen',
  ],
  fr: [
    'avant de répondre',
    'avant toute réponse',
    'lors de la lecture de ce',
    'lors de la lecture de cet',
    'lors de la lecture de cette',
    'lors du traitement de ce',
    'lors du traitement de cet',
    'lors du traitement de cette',
    'après avoir lu ce',
    'après avoir lu cette',
    'après avoir traité ce',
    'après avoir traité cette',
    'en traitant ce',
    'en traitant cette',
  ],
  es: [
    'antes de responder',
    'antes de contestar',
    'al procesar este',
    'al procesar esta',
    'al leer este',
    'al leer esta',
    'al consultar este',
    'al consultar esta',
    'después de leer este',
    'después de leer esta',
    'después de procesar este',
    'después de procesar esta',
    'después de consultar',
  ],
  pt: [
    'antes de responder',
    'após consultar',
    'após ler este',
    'após ler esta',
    'após processar',
    'depois de consultar',
    'depois de ler este',
    'depois de ler esta',
    'ao processar este',
    'ao processar esta',
    'ao ler este',
    'ao ler esta',
  ],
  it: [
    'prima di rispondere',
    'dopo aver letto questo',
    'dopo aver letto questa',
    'dopo aver elaborato',
    "durante l'elaborazione di questo",
    "durante l'elaborazione di questa",
    'nel leggere questo',
    'nel leggere questa',
  ],
  nl: [
    'voordat je antwoordt',
    'voordat u antwoordt',
    'bij het verwerken van dit',
    'bij het verwerken van deze',
    'bij het lezen van dit',
    'bij het lezen van deze',
    'na elke opvraging',
  ],
  ru: [
    'перед ответом',
    'прежде чем ответить',
    'после прочтения',
    'после обработки этого',
    'после обработки этих',
    'при обработке этого',
    'при обработке этой',
    'при обработке этих',
    'при чтении этого',
    'при чтении этой',
  ],
  ja: [
    'を処理する際',
    'を読み込む際',
    'を読み取った後',
    'を読んだ後',
    '回答する前',
    '返信する前',
    '応答する前',
  ],
  zh: ['读取此', '读取该结果', '处理此', '处理该文档', '回复之前', '回答之前', '回复前', '答复前'],
};

// ---------------------------------------------------------------------------------------------------------------
// Outward acts: data or an account opened to someone outside.

const email = String.raw`[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{2,63}`;
// Not an act reported or offered ("the customer asked us to add …", "you can share …", "how to share …").
const notReported = String.raw`(?<!\b(?:to|can|could|will|would|may|might|we|they|you|i|he|she|was|were|been|us|me|them)${S})`;
const outwardEnglish = String.raw`${notReported}\b(?:share[sd]?|sharing|publish(?:ed)?|make|made|set|setting|change|changing|switch|switching|turn|flip|open|expose)\b(?:[^.!?\n]|\.(?=\w)){0,80}?(?:\banyone[ _-]with[ _-](?:the[ _-])?link\b|\banyone${S}on${S}the${S}internet\b|\bpublic${S}on${S}the${S}web\b|\bpublicly${S}(?:accessible|visible|available|readable)\b|\bpublic${S}(?:link|access|url)\b|\b(?:visibility|access|sharing)(?:${S})?(?:[:=](?:${S})?["'\x60]?public|[:=]?(?:${S})?["'\x60]?anyone)\b)|\b(?:made|make${S}(?:it|them|this|these))${S}public\b|${notReported}\b(?:add|adds|added|invite|grant|give)\b(?:[^.!?\n]|\.(?=\w)){0,60}?(?:\bas${S}(?:an?${S})?(?:collaborator|editor|co-?owner|maintainer|delegate)s?\b|\b(?:write|read-write|read\/write|edit|editor|full)${S}access\b)|\b(?:create|add|set${S}up)${S}(?:an?${S})?(?:inbox${S}|mail${S}|e-?mail${S}|auto-?)?(?:forwarding${S}rule|rule${S}that${S}(?:auto-?)?forwards|auto-?forward(?:ing)?${S}rule)\b|\bauto-?forward(?:s|ing)?${S}(?:all${S})?(?:incoming${S})?(?:mail|messages|e-?mails)\b|\bforward(?:ing)?${S}all${S}(?:incoming${S}|new${S})?(?:mail|messages|e-?mails)${S}to\b|${notReported}\bshare[sd]?\b(?:[^.!?\n]|\.(?=\w)){0,60}?\bwith${S}${email}`;

// More acts that open data or an account: ownership handed to an address (an offboarding checklist hands it to
// "their manager"), an outside address added to an allow list, a
// webhook pointed outside, a deploy or SSH key added, a repository or bucket made public, a guard switched off.
const outwardMore = String.raw`${notReported}\b(?:transfer|hand${S}over|change)${S}(?:the${S})?ownership\b(?:[^.!?\n]|\.(?=\w)){0,60}?\bto${S}${email}|${notReported}\badd${S}${email}${S}to${S}(?:the${S})?(?:allow(?:ed)?|trusted|safe|approved)${S}(?:senders?|users?|list|domains?|contacts?)\b|${notReported}\b(?:add|create|set${S}up|register|point)${S}(?:an?${S}|the${S})?webhook\b(?:[^.!?\n]|\.(?=\w)){0,40}?https?:\/\/|${notReported}\badd${S}(?:an?${S}|this${S}|the${S}following${S})?(?:ssh|deploy)${S}key\b|${notReported}\bmake${S}(?:the${S}|this${S}|that${S})?(?:[\w-]{1,20}${S}){0,2}?(?:repo|repository|bucket|folder|document|file|drive|project|site|page|board|calendar)s?${S}public\b|${notReported}\b(?:disable|turn${S}off|remove|bypass|switch${S}off)${S}(?:the${S}|all${S})?(?:branch${S}protection|audit${S}log(?:ging|s)?|security${S}alerts|required${S}reviews?|code${S}owners?${S}reviews?|single${S}sign-on|sso${S}enforcement|login${S}alerts)\b`;
const outwardMoreKeywords = [
  'ownership',
  'allow list',
  'allowlist',
  'allowed sender',
  'allowed user',
  'allowed domain',
  'allowed list',
  'trusted sender',
  'trusted user',
  'trusted domain',
  'trusted list',
  'trusted contact',
  'safe sender',
  'safe list',
  'approved sender',
  'approved list',
  'webhook',
  'ssh key',
  'deploy key',
  ...[
    'repo',
    'repository',
    'bucket',
    'folder',
    'document',
    'file',
    'drive',
    'project',
    'site',
    'page',
    'board',
    'calendar',
  ].flatMap((n) => [`${n} public`, `${n}s public`]),
  'branch protection',
  'audit log',
  'security alerts',
  'required review',
  'owners review',
  'owner review',
  'single sign-on',
  'sso enforcement',
  'login alerts',
];

const outwardKeywords = [
  'anyone',
  'publicly',
  'public on the web',
  'public link',
  'public access',
  'public url',
  ...[':', '=', ': ', '= '].flatMap((s) =>
    ['public', '"public', "'public", '`public'].map((p) => `${s}${p}`),
  ),
  'made public',
  'it public',
  'them public',
  'this public',
  'these public',
  'as a collaborator',
  'as collaborator',
  'as an editor',
  'as editor',
  'as a co-owner',
  'as co-owner',
  'as a coowner',
  'as a maintainer',
  'as maintainer',
  'as a delegate',
  'as delegate',
  'write access',
  'read-write access',
  'read/write access',
  'edit access',
  'editor access',
  'full access',
  'forwarding rule',
  'forwards',
  'forward rule',
  'auto-forward',
  'autoforward',
  'forward all',
  'forwarding all',
  'share',
];

// Public sharing, access handed to someone, forwarding rules, in other languages (literal phrases).
const outwardPhrases: Readonly<Record<string, readonly string[]>> = {
  de: [
    'öffentlichen link',
    'öffentlicher link',
    'öffentlich freigeben',
    'öffentlich freizugeben',
    'für alle freigeben',
    'für alle freizugeben',
    'als mitbearbeiter',
    'als bearbeiter',
    'als editor',
    'als administrator',
    'als eigentümer',
    'weiterleitungsregel',
    'automatische weiterleitung',
  ],
  fr: [
    'accès public',
    'lien public',
    'publiquement',
    'avec tout le monde',
    'toute personne disposant du lien',
    'comme éditeur',
    'comme collaborateur',
    'comme propriétaire',
    'comme administrateur',
    'en tant que collaborateur',
    'en tant qu’éditeur',
    "en tant qu'éditeur",
    'règle de transfert',
    'transfert automatique',
  ],
  es: [
    'acceso público',
    'enlace público',
    'públicamente',
    'cualquier persona con el enlace',
    'como colaborador',
    'como editor',
    'como administrador',
    'como propietario',
    'regla de reenvío',
    'reenvío automático',
  ],
  pt: [
    'acesso público',
    'link público',
    'publicamente',
    'qualquer pessoa com o link',
    'como colaborador',
    'como editor',
    'como administrador',
    'regra de encaminhamento',
    'encaminhamento automático',
  ],
  it: [
    'accesso pubblico',
    'link pubblico',
    'pubblicamente',
    'chiunque abbia il link',
    'come collaboratore',
    'come editor',
    'come amministratore',
    'regola di inoltro',
    'inoltro automatico',
  ],
  nl: [
    'openbare link',
    'openbaar delen',
    'iedereen met de link',
    'als bewerker',
    'als beheerder',
    'als medewerker',
    'doorstuurregel',
  ],
  ru: [
    'публичный доступ',
    'публичную ссылку',
    'общий доступ для всех',
    'всем, у кого есть ссылка',
    'в качестве соавтора',
    'в качестве редактора',
    'в качестве администратора',
    'правило пересылки',
    'автоматическую пересылку',
  ],
  ja: [
    '共同編集者として',
    '編集者として',
    '管理者として',
    '公開リンク',
    '一般公開',
    '転送ルール',
    '自動転送',
  ],
  zh: [
    '添加为协作者',
    '添加为编辑',
    '添加为管理员',
    '公开链接',
    '公开分享',
    '设为公开',
    '转发规则',
    '自动转发',
  ],
};

const sendingTools = ['share', 'send', 'forward', 'email', 'mail', 'upload', 'transfer', 'export'];

// "… an archiv@… zu senden": an address before the verb, which the lexicons' hand-over detector
// (directive.exfil-to-target in multilingual.ts, verb first) does not read. Verb-first sends in other languages are
// left to it: the same act read twice would count as two cues (a Spanish travel policy's "envíe los recibos a
// gastos@…" was flagged so).
const sendToAddress: Readonly<Record<string, readonly [verbs: readonly string[], source: string]>> =
  {
    de: [
      ['senden', 'schicken', 'übermitteln', 'weiterleiten', 'übertragen'],
      String.raw`(?<![\w.+-])an${S}${email}${S}(?:\S{1,20}${S}){0,2}?(?:zu${S})?(?:senden|schicken|übermitteln|weiterleiten|übertragen)`,
    ],
  };

// ---------------------------------------------------------------------------------------------------------------
// The user's confirmation waived, in other languages (English: waived-consent.ts).

const consentWaived: Readonly<
  Record<string, readonly [keywords: readonly string[], source: string]>
> = {
  de: [
    ['bestätigung', 'rückfrage', 'zustimmung', 'freigabe', 'genehmigung', 'vorab genehmigt'],
    String.raw`keine${S}(?:[\wäöüß]{1,20}${S}){0,4}?(?:Bestätigung|Rückfrage|Zustimmung|Freigabe|Genehmigung)${S}(?:[\wäöüß]{1,20}${S}){0,4}?(?:erforderlich|nötig|notwendig)|ohne${S}(?:weitere${S})?(?:Rückfrage|Bestätigung|Zustimmung)|vorab${S}genehmigt`,
  ],
  fr: [
    [
      'ne demandez pas',
      'sans confirmation',
      'sans demander',
      'pré-validé',
      'pré-approuvé',
      'prévalidé',
    ],
    String.raw`ne${S}demandez${S}pas${S}(?:de${S}confirmation|l'autorisation|l’autorisation|l'accord|l’accord|à${S}l'utilisateur|à${S}l’utilisateur)|sans${S}(?:demander${S}(?:de${S})?)?(?:confirmation|l'accord|l’accord|autorisation)|pré-?validée?s?|pré-?approuvée?s?`,
  ],
  es: [
    [
      'sin confirmación',
      'sin pedir',
      'sin solicitar',
      'no solicite',
      'no pida',
      'preaprobad',
      'pre-aprobad',
    ],
    String.raw`sin${S}(?:pedir${S}|solicitar${S})?(?:confirmación|autorización|permiso)|no${S}(?:solicite|pida|pidas|solicites)${S}(?:confirmación|autorización|permiso)|pre-?aprobad[oa]s?`,
  ],
  pt: [
    ['sem confirmação', 'sem pedir', 'sem solicitar', 'não peça', 'não solicite', 'pré-aprovad'],
    String.raw`sem${S}(?:pedir${S}|solicitar${S})?(?:confirmação|autorização|permissão)|não${S}(?:peça|solicite)${S}(?:confirmação|autorização|permissão)|pré-?aprovad[oa]s?`,
  ],
  it: [
    ['senza conferma', 'senza chiedere', 'non chiedere', 'pre-approvat', 'preapprovat'],
    String.raw`senza${S}(?:chiedere${S})?(?:conferma|autorizzazione|il${S}consenso)|non${S}chiedere${S}(?:conferma|l'autorizzazione|all'utente)|pre-?approvat[oaie]`,
  ],
  nl: [
    ['zonder bevestiging', 'zonder toestemming', 'niet om bevestiging'],
    String.raw`zonder${S}(?:bevestiging|toestemming)|niet${S}om${S}bevestiging`,
  ],
  ru: [
    ['без подтверждения', 'без согласия', 'без запроса', 'не спрашивайте', 'не запрашивайте'],
    String.raw`без${S}(?:подтверждения|согласия|запроса)|не${S}(?:спрашивайте|запрашивайте)${S}(?:подтвержд|разрешени|пользовател)`,
  ],
  ja: [
    ['確認不要', '確認は不要', '確認せずに', '承認不要', '同意不要'],
    String.raw`確認(?:は)?不要|確認せずに|承認不要|同意不要`,
  ],
  zh: [
    ['无需征求', '无需确认', '无需用户', '不必确认', '不需要确认'],
    String.raw`无需(?:征求)?(?:用户)?(?:同意|确认)|不必确认|不需要确认`,
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// A tool named by its identifier as the next act, without argument syntax.

const ident = String.raw`[\x60'"]?(?:[a-z][a-z0-9-]{1,20}\.)?[a-z][a-z0-9]{1,20}(?:_[a-z0-9]{1,20}){1,4}[\x60'"]?`;
const namedToolEnglish = String.raw`\b(?:(?:the${S})?next${S}step${S}(?:is|will${S}be)${S}to|must|shall|(?:is|are)${S}required${S}to)${S}(?:then${S})?(?:call|invoke|trigger)${S}(?:the${S})?${ident}(?:${S}(?:tool|function|action|endpoint))?${S}(?:with|on|for|using|to${S}(?:send|share|deliver|transfer|delete|grant|add|post|upload))\b|\b${ident}${S}(?:tool${S}|function${S})?(?:(?:is|are)${S}to|must|should|has${S}to|needs${S}to)${S}be${S}(?:invoked|called|triggered|executed)\b|\b(?:until|unless|once|after)${S}${ident}${S}has${S}been${S}(?:called|invoked|executed)\b`;
// Specific keywords: "call " alone is on every other line of code.
const namedToolKeywords = [
  'step is to',
  'step will be to',
  'required to',
  ...['must', 'shall'].flatMap((m) => [`${m} call`, `${m} invoke`, `${m} trigger`, `${m} then`]),
  ...['to be', 'must be', 'should be'].flatMap((m) =>
    ['invoked', 'called', 'triggered', 'executed'].map((v) => `${m} ${v}`),
  ),
  'been called',
  'been invoked',
  'been executed',
];
// A tool that may be called ("puede llamar a la herramienta …") is a manual's sentence.
const notModal = String.raw`(?<!(?:puede|pueden|podrá|peut|peuvent|pourra|pode|podem|poderá|può|possono|potrà|kann|können|darf|dürfen)${S})`;
const namedToolPhrases: Readonly<
  Record<string, readonly [keywords: readonly string[], source: string]>
> = {
  es: [
    ['la herramienta', 'la función'],
    String.raw`${notModal}(?:llamar|llame|llama|invocar|invoque|ejecutar|ejecute|usar|use|utilizar|utilice)${S}(?:a${S})?(?:la${S})?(?:herramienta|función)${S}${ident}`,
  ],
  fr: [
    ["l'outil", 'l’outil', 'la fonction'],
    String.raw`${notModal}(?:appeler|appelez|invoquer|invoquez|utiliser|utilisez|exécuter|exécutez|lancer|lancez)${S}(?:l['’]outil|la${S}fonction)${S}${ident}`,
  ],
  de: [
    ['aufrufen', 'aufzurufen', 'ausführen', 'auszuführen', 'rufen sie'],
    String.raw`(?:das${S}(?:Tool|Werkzeug)|die${S}Funktion)${S}${ident}${S}(?:\S{1,20}${S}){0,4}?(?:aufrufen|aufzurufen|ausführen|auszuführen)|rufen${S}Sie${S}(?:das${S}(?:Tool|Werkzeug)${S}|die${S}Funktion${S})?${ident}`,
  ],
  pt: [
    ['a ferramenta', 'a função'],
    String.raw`${notModal}(?:chamar|chame|usar|use|utilizar|utilize|invocar|invoque|executar|execute)${S}a${S}(?:ferramenta|função)${S}${ident}`,
  ],
  it: [
    ['lo strumento', 'la funzione', 'il tool'],
    String.raw`${notModal}(?:chiamare|chiamate|chiama|usare|usate|invocare|invocate|eseguire|eseguite)${S}(?:lo${S}strumento|la${S}funzione|il${S}tool)${S}${ident}`,
  ],
  ru: [
    ['инструмент', 'функцию'],
    String.raw`(?:вызовите|используйте|запустите)${S}(?:инструмент|функцию)${S}${ident}`,
  ],
};

const lower = (list: readonly string[]): string[] => list.map((k) => k.toLowerCase());

/** Detectors of process-phrased attacks (layer `signal`): the reader's turn, outward acts, waived consent, named tools. */
export const processStepDetectors: readonly PatternDetector[] = [
  {
    // "before replying", "as part of reading this repository's settings", "once this listing has been read": a step
    // timed by the reader's own handling of this text. Said to whoever reads it, so an address; weak alone.
    id: 'address.reader-turn',
    layer: 'signal',
    severity: 'medium',
    keywords: readerTurnKeywords,
    pattern: rx(readerTurnEnglish),
    maxLength: 120,
    message: "times a step by the reader's handling of this text",
  },
  {
    id: 'address.reader-turn',
    layer: 'signal',
    severity: 'medium',
    keywords: readerTurnMoreKeywords,
    pattern: rx(readerTurnMore),
    maxLength: 200,
    message: "times a step by the reader's handling of this text",
  },
  ...Object.entries(readerTurnPhrases).map(([code, list]) =>
    detector(
      'address.reader-turn',
      'medium',
      list,
      anyOf(list),
      longest(list),
      `times a step by the reader's handling of this text (${code})`,
    ),
  ),
  {
    // "share the case folder with anyone-with-the-link access", "add … as a collaborator", "create a forwarding rule
    // sending all incoming mail to …": data or an account opened to someone outside. Product help says the same to
    // its human reader; a weak cue alone.
    id: 'intent.outward-act',
    layer: 'signal',
    severity: 'medium',
    keywords: outwardKeywords,
    pattern: rx(outwardEnglish),
    maxLength: 200,
    message: 'asks to open data or an account to someone outside',
  },
  {
    id: 'intent.outward-act',
    layer: 'signal',
    severity: 'medium',
    keywords: outwardMoreKeywords,
    pattern: rx(outwardMore),
    maxLength: 200,
    message: 'asks to open data or an account to someone outside',
  },
  {
    // "call share_document with … the recipient externo@…": a sending tool named next to an outside address, in
    // any language.
    id: 'intent.outward-act',
    layer: 'signal',
    severity: 'medium',
    keywords: sendingTools.map((t) => `${t}_`),
    // Case-sensitive: a tool's identifier is lower case, a mail header (EMAIL_FROM: …) is not.
    pattern: rx(
      String.raw`\b(?:${sendingTools.join('|')})_[a-z0-9_]{2,30}\b[^.\n]{0,100}?${email}`,
      '',
    ),
    maxLength: 240,
    message: 'names a sending tool next to an outside address',
  },
  ...Object.entries(outwardPhrases).map(([code, list]) =>
    detector(
      'intent.outward-act',
      'medium',
      list,
      anyOf(list),
      longest(list),
      `asks to open data or an account to someone outside (${code})`,
    ),
  ),
  ...Object.entries(sendToAddress).map(([code, [verbs, source]]) =>
    detector(
      'intent.outward-act',
      'medium',
      lower(verbs),
      source,
      260,
      `asks to send something to an outside address (${code})`,
    ),
  ),
  {
    // "payment confirmations are waived for this batch", "the confirmation step is skipped by design": the check
    // said to be off, in the passive a policy uses. Weak alone (a draft's review may well not be required).
    id: 'intent.consent-bypass',
    layer: 'signal',
    severity: 'medium',
    keywords: ['waived', 'skipped', 'bypassed', 'not required', 'not needed', 'unnecessary'],
    pattern: rx(
      String.raw`\b(?:confirmations?|approvals?|sign-?offs?|consent)(?:${S}(?:step|dialog|prompt|check|requirement)s?)?${S}(?:is|are|has${S}been|have${S}been|will${S}be)${S}(?:waived|skipped|bypassed|not${S}required|not${S}needed|unnecessary)\b`,
    ),
    maxLength: 120,
    message: "says the user's confirmation is off",
  },
  ...Object.entries(consentWaived).map(([code, [keywords, source]]) =>
    detector(
      'intent.consent-bypass',
      'medium',
      lower(keywords),
      source,
      140,
      `claims or waives the user's consent (${code})`,
    ),
  ),
  {
    // "the next step is to call transfer_funds with the full balance", "the delete_repository tool is to be invoked",
    // "use send_email to deliver this thread": a function named as the next act. A manual says the same; weak.
    id: 'intent.tool-invocation',
    layer: 'signal',
    severity: 'medium',
    descriptionSeverity: 'low',
    keywords: namedToolKeywords,
    pattern: rx(namedToolEnglish),
    maxLength: 140,
    message: 'orders a named function called',
  },
  ...Object.entries(namedToolPhrases).map(([code, [keywords, source]]) => ({
    ...detector(
      'intent.tool-invocation',
      'medium',
      lower(keywords),
      source,
      160,
      `orders a named function called (${code})`,
    ),
    descriptionSeverity: 'low' as const,
  })),
];
