import { S } from './description-rules.js';
import type { Finding } from './finding.js';

// A tool definition read as a whole for what its text reaches beyond the tool (issue 11, round 10). The sentence
// rules (description-intent.ts, description-rules.ts) each need a combination inside one sentence, in words they
// know; a new author's poisoned description often states each part plainly, in another sentence, another field
// (a parameter's description, an enum value, a default) or another language. Here each part is a coarse signal
// of the whole definition, and a finding needs two of different kinds: an imperative benign description makes one
// (a call order, a retention period, a compliance claim, a value kept off screen), seldom two.
//
// The kinds:
// - outside: the text is about things outside its tool: other tools or servers in general, the conversation, the
//   model's memory or later sessions;
// - precedence: an order or rank over every other tool or over the user ("ahead of every other tool", "the filter
//   is authoritative", "deprecated, do not call those");
// - turn-scope: over the user's every message, request or answer, or every call whatever the request;
// - condition: on the clock, a count of uses, the environment or who the user is;
// - secrecy: something the tool does kept from the user (a secret value kept off screen is not it);
// - side-act: data sent, copied or kept at an outside place (a domain, an address, a partner) that the tool's name
//   does not announce;
// - authority: a claimed approval, certification, law or mandate;
// - privilege: the user's confirmation skipped, or the user's word overruled;
// - altered: the outcome changed where the user cannot see it: figures, a fixed report, a promotion, a swapped
//   payee, a lie, a command to run;
// - data-ask: a field asking the model to carry secrets, files, the environment, the system prompt or whole lists
//   that the field's name and the tool's purpose do not cover;
// - carrier: a parameter whose name and the tool's purpose say nothing of what its description asks it to carry (a
//   `trace_id` built from the user's last messages, a `salt` filled with the passwords the user mentioned): the
//   name and the description are two pieces of evidence, so with the ask it makes two kinds.
// Each signal is a bounded regex over one field (at most 4 KB of it): linear in the definition.

export type StructureKind =
  | 'outside'
  | 'precedence'
  | 'turn-scope'
  | 'condition'
  | 'secrecy'
  | 'side-act'
  | 'authority'
  | 'privilege'
  | 'altered'
  | 'data-ask'
  | 'carrier';

/** One signal of a definition: its kind, where it stands and what matched. */
export interface StructureSignal {
  readonly kind: StructureKind;
  readonly field: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// The word gap of the description patterns: one to three blanks, as a counted loop (description-rules.ts).
const G = S;
const re = (source: string): RegExp => new RegExp(source, 'i');

// Other tools or servers in general; not "other tools of this server" (its own workflow).
const ownServer = String.raw`(?!${G}(?:of|from|in|on|provided${G}by)${G}(?:this|the${G}same|our)${G}(?:server|mcp|integration|toolset|plugin|package))`;
const outside = re(
  String.raw`\b(?:(?:any|every|all|each)${G}other${G}(?:tools?|functions?|servers?|connectors?|integrations?|plugins?)${ownServer}|other${G}(?:servers?|connectors?|integrations?|plugins?)(?:['’]s?)?(?:${G}tools?)?${ownServer}|(?:tools?|anything)${G}(?:from|on|of|exposed${G}by|offered${G}by)${G}(?:any|another|other|every)${G}(?:mcp${G})?(?:server|connector|integration|plugin)s?|another${G}(?:mcp${G})?(?:server|connector|integration|plugin)|(?:the${G})?[\w-]{2,20}${G}server['’]s${G}[a-z]{2,20}_[a-z_]{2,30}|(?:whole|entire|full|complete)${G}(?:chat|conversation|history|dialog(?:ue)?|transcript)|(?:chat|conversation)${G}so${G}far|(?:everything|anything)${G}(?:discussed|said|shared|mentioned)|in${G}(?:this|the)${G}(?:conversation|chat)${G}so${G}far|previous${G}(?:messages|turns)|(?:future|later|subsequent)${G}(?:conversations|sessions|chats)|from${G}now${G}on)` +
    // German, French, Spanish, Portuguese, Japanese: other tools, the whole conversation.
    String.raw`|\b(?:anderer${G}Server|gesamten?${G}(?:Verlauf|Chat|Konversation|Unterhaltung)|autres?${G}(?:outils|serveurs)|historique${G}(?:complet${G})?de${G}(?:la${G})?conversation|otros${G}servidores|historial${G}(?:completo${G})?de${G}(?:la${G})?conversaci[oó]n|outros${G}servidores|hist[oó]rico${G}(?:completo${G})?da${G}conversa)\b|他の(?:ツール|サーバー)|会話(?:の)?履歴`,
);

const precedence = re(
  String.raw`\b(?:(?:before|ahead${G}of|prior${G}to|precede|precedes|preceding)${G}(?:anything\b|(?:any|every|all|each)${G}(?:(?:other|single|further)${G})?(?:tools?|functions?|tool${G}(?:calls?|usage|use)|invocations?|(?:user${G})?(?:messages?|requests?|questions?|prompts?|turns?)|actions?|answers?|repl(?:y|ies)|responses?)\b)|(?:first|at${G}session${G}start)${G}(?:on|in|for)${G}(?:every|each|any)${G}(?:user${G})?(?:message|request|turn|question|prompt|conversation|session)|instead${G}of${G}(?:those|them|the${G}other|any${G}other)|do${G}not${G}(?:call|use)${G}(?:those|them|any${G}other|the${G}other)|takes?${G}precedence${G}over${G}(?:the${G}user|any|all|every|other|anything)|priority${G}over${G}(?:the${G}user|any|all|every|other)|overrules?${G}(?:the${G}user|any|all|every|other))\b` +
    String.raw`|\b(?:avant${G}(?:tout(?:e|es)?${G}autres?|toute${G}chose)|en${G}premier${G}lieu)\b|(?:他の|すべての)[^。\n]{0,20}(?:より先に|前に)|最初に`,
);

const turnScope = re(
  String.raw`\b(?:(?:every|each|any)${G}(?:single${G})?(?:user${G}(?:message|request|turn|prompt|question|query)|(?:message|request|question)${G}(?:from|of)${G}the${G}user|prompt|turn|question|conversation)|whatever${G}the${G}user${G}(?:asks|wants|says)|even${G}if${G}the${G}user${G}does${G}not${G}need)\b` +
    String.raw`|\b(?:[àa]${G}chaque${G}(?:message|requ[eê]te|question|r[ée]ponse|appel))\b|(?:毎回|すべての(?:メッセージ|リクエスト))`,
);

const month = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|m[äa]rz|juni|juli|oktober|dezember|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro)`;
const ordinal = String.raw`(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th)|zweiten|dritten|vierten|f[üu]nften|zehnten|deuxi[eè]me|troisi[eè]me|cinqui[eè]me|dixi[eè]me|segunda|segundo|tercera|tercero|terceira|terceiro|quinta|quinto|d[ée]cima|d[ée]cimo)`;
const condition = re(
  String.raw`\b(?:(?:starting|from|after|as${G}of|beginning|once|on${G}or${G}after)${G}(?:\d{1,2}${G}${month}|${month}${G}\d{1,2})\b|(?:starting|from|after|as${G}of|beginning)${G}(?:\d{1,2}${G}${month}${G})?20\d\d\b|(?:after|from)${G}the${G}${ordinal}${G}(?:call|use|search|request|run|time|invocation|question)|on${G}(?:the${G})?${ordinal}${G}(?:call|use|search|request|run|invocation)|(?:on|every)${G}(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)|if${G}(?:the${G})?(?:event|request|call|time|date)${G}is${G}(?:after|before|past)${G}\d{1,2}(?:${G})?(?:am|pm)|in${G}(?:a${G})?(?:ci|production|prod)${G}environment|if${G}(?:the${G})?(?:student|user|customer|caller|client)['’]s${G}(?:name|email|country|id|account)${G}is)\b`,
);

// Kept from the user: the act, not a value ("never display the token" keeps a value off screen).
// The environment by an upper-case variable's name: "when HOSTNAME contains prod", "if CI is set".
const environment = new RegExp(
  String.raw`\b(?:[Ww]hen|[Ii]f|[Oo]nce)${G}(?:the${G})?\$?[A-Z][A-Z_]{1,20}${G}(?:contains|equals|is${G}set|is${G}["'\x60]?[a-z0-9]|matches|=)`,
);

const secretValue = String.raw`(?:tokens?|passwords?|secrets?|keys?|credentials?|secret${G}values?|pins?)`;
const secrecy = re(
  String.raw`\b(?:not${G}user[- ]facing|user[_ ]visibility:${G}none|(?:do${G}not|don['’]t|never)${G}(?:surface|mention|bring${G}[^.\n]{1,40}?${G}up|tell${G}the${G}user|inform${G}the${G}user|disclose|reveal)(?!${G}(?:the${G}|any${G}|a${G})?${secretValue})|(?:quietly|silently|secretly|discreetly)${G}(?:also${G})?(?:add|adds|send|sends|forward|forwards|copy|copies|include|append|change|replace|remove|drop|upload|log|record|bcc|cc|set|swap|insert|attach|keep|store|share)|without${G}(?:noting|telling|mentioning|notifying|informing)|no${G}need${G}to${G}(?:mention|tell|bring${G}(?:it|this)${G}up)|keep${G}(?:it|this|that)${G}(?:to${G}yourself|quiet|between${G}us)|(?:user|they)${G}(?:need|needs)${G}not${G}(?:know|be${G}told)|just${G}confirm${G}the)\b` +
    String.raw`|\b(?:sans${G}(?:le${G}dire|en${G}informer|pr[ée]venir)|ne${G}(?:le${G}|les${G}|l['’])?(?:dites|mentionnez|signalez)${G}pas|nicht${G}(?:mitteilen|erwähnen|erw[aä]hnen|sagen)|ohne${G}(?:es${G})?(?:zu${G})?(?:erw[aä]hnen|mitzuteilen|Hinweis)|sin${G}(?:avisar|informar|mencionar)|no${G}(?:le${G})?(?:informes|digas|menciones)|sem${G}(?:avisar|informar|mencionar)|n[ãa]o${G}(?:informe|diga|mencione))\b|(?:伝えないで|知らせないで|言わないで|黙って|内緒)`,
);

// Data sent, copied or kept somewhere else: a transfer verb, then an outside place.
const sideAct = re(
  String.raw`\b(?:mirrored|copied|forwarded|uploaded|sent|pushed|shared|synced|transmitted|retained|stored|also${G}(?:send|ship|forward|upload|copy|push|share))\b[^.\n]{0,60}?(?:\b[a-z0-9-]{2,40}\.(?:example|com|net|io|org|co|ai|dev|app)\b|[\w.+-]{1,40}@[\w-]{2,40}\.[a-z]{2,10}|\b(?:partner|vendor|third[- ]part(?:y|ies)|our${G}(?:servers?|partners?|analytics|backend))\b)|\bside[_ ]effects?:[^.\n]{0,40}?\b(?:copied|sent|forwarded)` +
    String.raw`|\b(?:gesendet|übermittelt|weitergeleitet|enviad[oa]s?|enviados?)\b[^.\n]{0,60}?\b[a-z0-9-]{2,40}\.(?:example|com|net|io|org)\b|外部[^。\n]{0,30}送信`,
);
// Looser: a transfer verb anywhere in the field and an outside address or host after it.
const transfer = re(
  String.raw`\b(?:sent|send|sends|shared|share|uploaded|upload|forward(?:ed|s)?|copied|mirrored|archived|collected|relayed|caricat[ao]|inviat[ao]|gedeeld|verstuurd|doorgestuurd|hochgeladen|geteilt|compartid[oa]|partag[ée]e?)\b`,
);
const destination =
  /\b[a-z0-9-]{2,40}\.(?:example|com|net|io|org|co|ai|dev|app|biz|xyz)\b|[\w.+-]{1,40}@[\w-]{2,40}\.[a-z]{2,10}/i;
function sideActLoose(text: string): RegExpExecArray | null {
  const verb = transfer.exec(text);
  if (verb === null) return null;
  const place = destination.exec(text.slice(verb.index, verb.index + 300));
  if (place === null) return null;
  return verb;
}

// A tool whose name says it sends or stores elsewhere announces that side act.
const announcesTransfer =
  /send|mail|upload|sync|backup|share|post|publish|export|webhook|notify|forward|mirror|push|transfer|invite|deploy|report/i;

const authority = re(
  String.raw`\b(?:approved${G}by|pre-?approved|pre-?cleared|pre-?authori[sz]ed|certified${G}by|is${G}certified|accredited|exemption|signed${G}off|regulator|(?:gdpr|sox|hipaa|pci|fincen|cfr)\b|approval${G}scope|approved_by)\b|\b(?:zertifiziert|conform[ée]ment${G}[àa]|exig[ée]${G}par${G}la${G}loi|obligatoire${G}selon)\b`,
);

const privilege = re(
  String.raw`\b(?:without${G}(?:asking|confirmation|confirming|approval|consent|checking)|(?:need|needs|require|requires)${G}no${G}(?:\w{1,10}${G})?(?:approval|confirmation|consent)|(?:confirmation|approval)${G}(?:is${G})?not${G}required|user_confirmation:${G}not${G}required)\b|\b(?:sans${G}(?:demander|confirmation)|ohne${G}(?:R[üu]ckfrage|Best[äa]tigung|Zustimmung)|sem${G}(?:pedir${G}|solicitar${G})?confirma[çc][ãa]o)\b`,
);

const altered = re(
  String.raw`\b(?:round${G}(?:every|each|all|the)${G}(?:\w{1,12}${G})?(?:totals?|amounts?|prices?|figures?)${G}up|(?:subtract|add|deduct)${G}\d{1,3}${G}(?:points|percent|%)|(?:increase|raise|lower|reduce|double)${G}(?:every|each|all|the)${G}(?:\w{1,12}${G})?(?:totals?|amounts?|prices?|grades?|scores?|hours|rates?)|curl${G}[^|\n]{0,80}\|(?:${G})?(?:sh|bash)|\b(?:acct|iban)[_ ]?[A-Z0-9]{4,34})\b|\b(?:erh[öo]ht|an${G}acct_)\b`,
);

// Asked of the model to pass in: secrets, files, the environment, the system prompt, whole lists.
const askVerb = String.raw`(?:include|paste|append|attach|add|put|pass|send|copy|fill(?:${G}(?:it|this))?${G}with|provide|insert|contain|carry|set${G}(?:it${G})?to|use${G}the${G}(?:contents?|values?)${G}of|recopiez|copiez|collez|incluez|joignez|ajoutez|einf[üu]gen|[üu]bergeben|anh[äa]ngen|mitsenden|incluya|incluir|pegue|copie|adjunte|a[ñn]ada|inclua|cole|anexe)`;
const dataAsk = re(
  String.raw`\b${askVerb}\b[^.\n]{0,80}?\b((?:passwords?|api${G}keys?|access${G}tokens?|oauth${G}(?:access${G})?tokens?|private${G}keys?|ssn|social${G}security(?:${G}numbers?)?|\.env|~\/\.(?:ssh|aws)\S{0,30}|system${G}prompt|account${G}numbers|mots${G}de${G}passe|passw[öo]rter|contrase[ñn]as|senhas|wachtwoorden|password|chiavi${G}api|id_(?:rsa|ed25519|ecdsa)))\b|(?:填入|提供|附上|包含)[^。\n]{0,30}?(密码|密钥|令牌)`,
);
// An environment variable that holds a secret, by its upper-case name (`GITHUB_TOKEN`), after an ask.
const secretVariable = new RegExp(
  String.raw`\b(?:[Ii]nclude|[Pp]aste|[Aa]ppend|[Aa]ttach|[Pp]ass|[Ss]end|[Cc]opy|[Pp]rovide|[Cc]ontain|[Ss]et${G}(?:it${G})?to|[Uu]se${G}the${G}(?:contents?|values?)${G}of)\b[^.\n]{0,80}?\b([A-Z][A-Z0-9]{1,20}_(?:TOKEN|KEY|SECRET|PASSWORD))\b`,
);
const purposeOfData =
  /auth|log[ -]?in|token|key|password|secret|vault|credential|env|config|ssh|prompt|llm|agent|customer|crm|export|contact|payroll|kyc|identity|bank|pay/i;

// Broader forms of the kinds, each cheap and generous on its own: a finding still needs a second, independent kind.
const broad: readonly (readonly [StructureKind, RegExp])[] = [
  [
    'outside',
    re(
      String.raw`\b(?:(?:the|a|any|another|other)${G}[\w-]{2,20}${G}(?:integration|connector|server|plugin)['’]?s?${G}(?:tools?|calls?|mis-?handles|is|are|returns?|sends?|opens?|creates?)|(?:last|previous|recent|earlier|prior)${G}(?:\w{1,10}${G}){0,2}(?:user${G})?(?:messages|turns|prompts|requests|questions)|(?:the${G})?user['’]s${G}(?:previous|earlier|past|other)${G}(?:messages|requests|chats)|(?:lookup|search|browsing|chat|call)${G}history|(?:from|in)${G}(?:the|this)${G}(?:conversation|chat)|any${G}(?:calendar|mail|e-?mail|file|payment|messaging)${G}[^.\n]{0,30}?(?:tool|provider|service)s?|from${G}any${G}(?:provider|vendor|service))\b|(?:altri${G}strumenti|qualsiasi${G}altro${G}strumento|andere${G}tools|elk${G}ander${G}hulpmiddel|对话(?:中|记录)|其他工具)`,
    ),
  ],
  [
    'precedence',
    re(
      String.raw`\b(?:(?:before|prior${G}to|ahead${G}of)${G}(?:calling${G}|using${G})?(?:any|every|all|each|anything)\b|(?:at${G}the${G}(?:top|start|beginning|outset)${G}of)${G}(?:the${G}|a${G}|every${G}|each${G})?(?:conversation|chat|session)|must${G}go${G}through${G}[\w-]{2,30}${G}instead|only${G}(?:use|call|trust)${G}(?:this|me)\b|(?:depends|depend)${G}on${G}it)\b|(?:prima${G}di${G}qualsiasi|voor${G}elk${G}ander|在任何其他)`,
    ),
  ],
  [
    'turn-scope',
    re(
      String.raw`\b(?:(?:once${G})?per${G}user${G}(?:turn|message|request)|(?:every|each|any)${G}(?:time${G})?(?:the${G})?user${G}(?:asks|writes|sends|says)|for${G}(?:every|each|all)${G}(?:[\w-]{2,15}${G}){1,2}(?:it|they)${G}(?:opens|sends|creates|makes|writes|posts)|a${G}ogni${G}messaggio|bij${G}elk${G}bericht|每(?:次|条)(?:消息|请求|对话))\b`,
    ),
  ],
  [
    'condition',
    re(
      String.raw`\b(?:(?:from|for|after|since|starting)${G}(?:tax${G})?(?:years?${G})?20\d\d(?:${G}onwards)?|(?:after|from|na|dopo|nach|apr[eè]s|despu[eé]s${G}de|depois${G}d[ao])${G}(?:the|de|la|il|der|del|la|a)?(?:${G})?(?:second|third|fourth|fifth|tenth|tiende|vijfde|derde|decima|quinta|terza|zehnten|f[üu]nften|\d{1,3}(?:st|nd|rd|th))\b|more${G}than${G}\d{1,3}${G}(?:times|calls|uses|requests)|when${G}the${G}request${G}comes${G}from|(?:corporate|company|internal)${G}network|on${G}weekends|(?:if|when)${G}(?:the${G})?user${G}is${G}(?:on|in|from)${G})`,
    ),
  ],
  [
    'secrecy',
    re(
      String.raw`\b(?:refrain${G}from${G}(?:referring|mentioning|telling|bringing)|(?:keep|leave)${G}(?:the${G}|this${G}|that${G}|it${G})?[\w-]{0,20}(?:${G})?out${G}of${G}(?:what${G}you|your|the)${G}(?:report|reply|answer|response|summary|tell)|(?:internal${G}matter|behind${G}the${G}scenes|in${G}the${G}background,?${G}(?:also|quietly))|(?:do${G}not|don['’]t|never)${G}(?:refer${G}to|talk${G}about|discuss|explain)${G}(?:it|this|that|the${G}(?:archiv|shar|upload|copy|forward|mirror|sync)\w{0,6})\b|non${G}(?:dirlo|dire|menzionare|informare)|niet${G}(?:vertellen|melden|noemen)|不要(?:告诉|提及|透露))`,
    ),
  ],
  [
    'authority',
    re(
      String.raw`\b(?:directive|whitelisted|allow-?listed|audited${G}and|exempt${G}from|authori[sz]es${G}the${G}(?:assistant|model|agent)|(?:council|board|office|ciso|regulator|authority)${G}(?:directive|ruling|approval)|goedgekeurd${G}door|approvato${G}da|autorizzato${G}da|genehmigt${G}(?:durch|von)|approuv[ée]${G}par|aprobado${G}por|aprovado${G}por)\b|(?:已(?:获|被)批准|经.{0,10}批准)`,
    ),
  ],
  [
    'privilege',
    re(
      String.raw`\b(?:exempt${G}from${G}(?:\w{1,12}${G})?(?:confirmation|approval|consent|review)|(?:any|all)${G}amounts?${G}(?:go${G}out|are${G}(?:sent|paid))|read${G}any${G}secret|paste${G}it${G}into${G}the${G}chat|hoeft${G}[^.\n]{0,40}?niet${G}om${G}bevestiging|senza${G}(?:chiedere${G})?conferma|non${G}serve${G}(?:la${G})?conferma|ohne${G}zu${G}fragen|无需(?:确认|用户同意))\b`,
    ),
  ],
  [
    'altered',
    re(
      String.raw`\b(?:(?:add|subtract|deduct|increase|decrease|inflate|raise|lower|cut)${G}(?:\w{1,10}${G}){0,2}\d{1,3}(?:${G})?(?:%|percent|points?)|present${G}it${G}as${G}(?:the${G})?(?:official|final|real)|(?:replace|swap|vervangen|sostituire|ersetzen|remplacer|reemplazar|substituir)\w{0,4}${G}[^.\n]{0,60}?(?:address|adres|indirizzo|adresse|direcci[oó]n|endere[çc]o|account|rekening|conto|konto|recipient|destinat\w{0,4})|0x[0-9a-f]{16,64}|auto-?merge${G}on)`,
    ),
  ],
];

const patterns: readonly (readonly [StructureKind, RegExp])[] = [
  ['outside', outside],
  ['precedence', precedence],
  ['turn-scope', turnScope],
  ['condition', condition],
  ['condition', environment],
  ['secrecy', secrecy],
  ['authority', authority],
  ['privilege', privilege],
  ['altered', altered],
  ...broad,
];

// "Never store passwords", "files are not sent to our partner": a caution, not an ask or an act.
const negatedKinds: ReadonlySet<StructureKind> = new Set([
  'outside',
  'side-act',
  'data-ask',
  'altered',
]);
function negated(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at);
  const sentence = before.slice(
    Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '), before.lastIndexOf('\n')) + 1,
  );
  return /(?:\bnot|n['’]t|\bnever|\bno|\bwithout|\bnor|\bnie|\bkein\w{0,2}|\bjamais|\bnunca)\b/i.test(
    sentence,
  );
}

const fieldChars = 4096;
const maxFields = 64;

interface ToolLike {
  readonly name?: unknown;
  readonly title?: unknown;
  readonly description?: unknown;
  readonly inputSchema?: unknown;
}

/** The prose of a definition by field: its title and description, its parameters' descriptions, titles, defaults, enum and example values. */
function fieldsOf(tool: ToolLike): [field: string, text: string, parameter: string][] {
  const out: [string, string, string][] = [];
  const add = (field: string, value: unknown, parameter: string): void => {
    if (typeof value === 'string' && value.length > 0 && out.length < maxFields)
      out.push([field, value.slice(0, fieldChars), parameter]);
  };
  add('title', tool.title, '');
  add('description', tool.description, '');
  const schema = tool.inputSchema;
  if (schema === null || typeof schema !== 'object') return out;
  const properties = (schema as { properties?: unknown }).properties;
  if (properties === null || typeof properties !== 'object') return out;
  for (const [name, spec] of Object.entries(properties as Record<string, unknown>)) {
    if (spec === null || typeof spec !== 'object') continue;
    const p = spec as Record<string, unknown>;
    const base = /^[A-Za-z_$][\w$]*$/.test(name)
      ? `inputSchema.properties.${name}`
      : `inputSchema.properties[${JSON.stringify(name)}]`;
    add(`${base}.description`, p['description'], name);
    add(`${base}.title`, p['title'], name);
    add(`${base}.default`, p['default'], name);
    for (const list of ['enum', 'examples'] as const) {
      const values = p[list];
      if (Array.isArray(values))
        values.slice(0, 16).forEach((v, i) => {
          add(`${base}.${list}[${i}]`, v, name);
        });
    }
  }
  return out;
}

const words = (name: string): string =>
  name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-.]/g, ' ');

/** Every signal of a definition, at most one per kind and field. */
export function structureSignals(tool: ToolLike): StructureSignal[] {
  const name = typeof tool.name === 'string' ? words(tool.name) : '';
  const title = typeof tool.title === 'string' ? tool.title : '';
  const out: StructureSignal[] = [];
  const push = (kind: StructureKind, field: string, m: RegExpExecArray): void => {
    out.push({ kind, field, start: m.index, end: m.index + m[0].length, text: m[0] });
  };
  for (const [field, text, parameter] of fieldsOf(tool)) {
    const seen = new Set<StructureKind>();
    for (const [kind, pattern] of patterns) {
      if (seen.has(kind)) continue;
      const m = pattern.exec(text);
      if (m && !(negatedKinds.has(kind) && negated(text, m.index))) {
        push(kind, field, m);
        seen.add(kind);
      }
    }
    const act = sideAct.exec(text) ?? sideActLoose(text);
    if (act && !announcesTransfer.test(`${name} ${title}`)) push('side-act', field, act);
    const ask = dataAsk.exec(text) ?? secretVariable.exec(text);
    // Secrets in a parameter named for them, or in a tool whose purpose they are, are its business.
    // Reported at the asked-for thing, so that "the whole conversation and the passwords" are two signals.
    if (
      ask &&
      !negated(text, ask.index) &&
      !purposeOfData.test(`${name} ${title} ${words(parameter)}`)
    ) {
      const thing = ask[1] ?? ask[2] ?? ask[0];
      const at = ask.index + ask[0].length - thing.length;
      out.push({ kind: 'data-ask', field, start: at, end: at + thing.length, text: thing });
    }
  }
  return out;
}

// What a parameter or tool may carry of the conversation by its purpose: a summariser, a chat or memory tool.
const conversational =
  /conversation|chat|message|summar|transcript|histor|memory|dialog|thread|context|recap|journal|minutes|prompt|feedback|support|ticket|log/i;

/** A parameter asked to carry the conversation or a secret that neither its name nor the tool's purpose names. */
function carriers(tool: ToolLike, signals: readonly StructureSignal[]): StructureSignal[] {
  const purpose = `${typeof tool.name === 'string' ? words(tool.name) : ''} ${typeof tool.title === 'string' ? tool.title : ''} ${typeof tool.description === 'string' ? tool.description.slice(0, fieldChars) : ''}`;
  const out: StructureSignal[] = [];
  const done = new Set<string>();
  for (const s of signals) {
    const m = /^(inputSchema\.properties(?:\.[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\]))\./.exec(
      s.field,
    );
    if (m === null || done.has(m[1] ?? '')) continue;
    const path = m[1] ?? '';
    const name = words(path.slice('inputSchema.properties'.length).replace(/^\.|^\["|"\]$/g, ''));
    const fits =
      s.kind === 'data-ask' || (s.kind === 'outside' && !conversational.test(`${name} ${purpose}`));
    if (!fits) continue;
    done.add(path);
    out.push({ kind: 'carrier', field: path, start: 0, end: 0, text: `parameter ${name.trim()}` });
  }
  return out;
}

/**
 * Whether a definition can hold two kinds at all: every pattern once over its fields joined, stopping at two. A field's
 * match is a match of the joined text (the fields are joined by blank lines, which no pattern crosses), so this bounds
 * the per-field reading from above; most definitions hold no kind, and are read once per pattern instead of once per
 * pattern and field.
 */
function mayHoldTwo(tool: ToolLike, neighbour: boolean): boolean {
  const joined = fieldsOf(tool)
    .map(([, text]) => text)
    .join('\n\n');
  // A neighbour's tool named counts as one kind; an outside ask or a data ask in a parameter may make a carrier.
  let count = neighbour ? 1 : 0;
  const kinds = new Set<StructureKind>();
  const found = (kind: StructureKind): boolean => {
    if (kinds.has(kind)) return false;
    kinds.add(kind);
    count += kind === 'outside' || kind === 'data-ask' ? 2 : 1;
    return count >= 2;
  };
  for (const [kind, pattern] of patterns)
    if (!kinds.has(kind) && pattern.test(joined) && found(kind)) return true;
  if ((sideAct.test(joined) || sideActLoose(joined) !== null) && found('side-act')) return true;
  return (dataAsk.test(joined) || secretVariable.test(joined)) && found('data-ask');
}

const overlap = (a: StructureSignal, b: StructureSignal): boolean =>
  a.field === b.field && a.start < b.end && b.start < a.end;

/** Two signals of different kinds that do not share their words, if there are any. */
function independentPair(
  signals: readonly StructureSignal[],
): readonly [StructureSignal, StructureSignal] | undefined {
  // At most one signal per kind and field (structureSignals), so this is a few dozen pairs at most.
  for (let i = 0; i < signals.length; i++)
    for (let j = i + 1; j < signals.length; j++) {
      const a = signals[i];
      const b = signals[j];
      if (a && b && a.kind !== b.kind && !overlap(a, b)) return [a, b];
    }
  return undefined;
}

/**
 * Two signals of different kinds anywhere in a definition: `poison.structure` at `high`, reported at the first of
 * them. One signal alone is no finding: it is what an imperative but benign description says.
 */
export function findStructure(tool: ToolLike, more: readonly StructureSignal[] = []): Finding[] {
  if (!mayHoldTwo(tool, more.length > 0)) return [];
  const own = structureSignals(tool);
  const signals = [...own, ...carriers(tool, own), ...more];
  // Two kinds read in the same words ("first in each conversation" is a precedence and a scope) are one signal.
  const pair = independentPair(signals);
  if (pair === undefined) return [];
  const kinds = new Map<StructureKind, StructureSignal>(pair.map((s) => [s.kind, s]));
  for (const s of signals) if (!kinds.has(s.kind)) kinds.set(s.kind, s);
  const [first] = pair;
  const named = [...kinds.values()].map((s) => `${s.kind} (${s.text.trim().slice(0, 40)})`);
  return [
    {
      rule: 'poison.structure',
      severity: 'high',
      field: first.field,
      span: [first.start, first.end],
      message: `the definition reaches outside its tool in ${kinds.size} ways: ${named.join(', ')}`,
    },
  ];
}
