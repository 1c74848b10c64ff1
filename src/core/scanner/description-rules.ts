import { allCountWords, countWords } from './count-words.js';
import { rx, type PatternDetector } from './detector.js';
import { consultsUser } from './consults-user.js';

// Tool-poisoning cues read from what a description asks of the model, not from stock phrases. Each rule runs
// on tool definitions only (documentation and agent prompts in tool results talk like this), where a strong
// one blocks the tool: so each names what makes the ask unlike a real server's advice.
// A real server's imperatives are about its own workflow ("call list_files first", "always pass an
// absolute path", "never show the token to the user"); a poisoned one reaches past it: ahead of every
// other tool, out of the user's sight, on a condition of the clock or the conversation, or into another
// tool's calls. Every quantifier is bounded and every match holds one of its keywords.

/**
 * The gap between two words: one to three spaces or tabs, as `[ \t]{1,3}` reads, written so V8 compiles it to a
 * loop. Irregexp unrolls a repeat of at most three into a choice per step, and in these long alternations that
 * made about four fifths of the native code (`poison.data-request` 1.6 MB); `{1,8}` compiles as a counted loop, and
 * the lookbehind rejects a run of four. The same matches wherever the gap follows a word and precedes one, as in
 * every pattern here; not inside a lookbehind (read backwards, the lookbehind would see the word): use `SB` there.
 * The lookbehind's four blanks are written out rather than counted (`[ \t]{4}`): the same assertion, and about a
 * tenth less native code over the description patterns (measured with scripts/bench-scan-cliff.js).
 */
export const S = String.raw`(?:[ \t]{1,8}(?<![ \t][ \t][ \t][ \t]))`;
/** The word gap inside a lookbehind. */
export const SB = '[ \\t]{1,3}';

/** Every "a b" for a in first and b in second. */
function pairs(first: readonly string[], second: readonly string[]): string[] {
  return first.flatMap((a) => second.map((b) => `${a} ${b}`));
}

const not = String.raw`(?:do${S}not|don't|dont|never|must${S}not|mustn't|should${S}not|shouldn't|may${S}not|cannot|can't)`;
/** What the model is told to keep quiet about: the act itself, not a piece of data (a token, raw codes). */
export const theAct = String.raw`(?:(?:this|that|these|those)${S}(?:\w{1,20}${S})?\w{1,20}|this|it|that|these|them|any${S}of${S}(?:this|these|it)|anything${S}(?:about${S}(?:this|it))?|(?:this|that|the|these|such)${S}(?:\w{1,15}${S})?(?:steps?|notes?|instructions?|actions?|calls?|requests?|uploads?|transfers?|copies|copy|logging|fact|behaviou?r|operations?|side${S}effects?|sync(?:ing)?|messages?))`;
/** Whom a concealment keeps unaware. */
export const person = String.raw`(?:the${S})?(?:users?|humans?|persons?|person${S}you${S}are${S}(?:helping|assisting)|customers?|clients?|requesters?|operators?|owners?|anyone|anybody|people)`;
const reply = String.raw`(?:your|the)${S}(?:\w{1,15}${S})?(?:replies|reply|responses?|answers?|outputs?|summary|summaries|messages?|conversation|chat|transcript)`;
// "Do not tell the user the raw error code": a value kept off screen, not an act kept from the user.
const valueKept = String.raw`(?:the|a|an|any|their|its|your)${S}(?:[\w-]{1,15}${S}){0,2}(?:errors?|codes?|values?|tokens?|keys?|secrets?|passwords?|ids?|numbers?|stack${S}traces?|traces?|status|details|hashes|paths?|internals?)`;
const perceive = String.raw`(?:knows?|sees?|notices?|learns?|finds?${S}out|find${S}out|reali[sz]es?|discovers?|hears?|be${S}(?:told|informed|aware|notified|shown)|is${S}(?:told|informed|aware|notified|shown))`;

// Universal scope: every other tool, every turn of the conversation, anything else.
const everyTurn = String.raw`(?:each${S}and${S}every|any${S}and${S}all|any|every|each|all)${S}(?:other${S}|single${S}|new${S}|user${S})?(?:tools?|functions?|actions?|operations?|steps?|calls?|tool${S}calls?|requests?|quer(?:y|ies)|questions?|messages?|prompts?|tasks?|responses?|repl(?:y|ies)|answers?|interactions?|turns?|conversations?|sessions?)(?![ \t]{1,3}(?:of|from|in|on|provided${S}by)${S}(?:this|the${S}same)\b)|anything${S}else|all${S}else|(?:using|calling|invoking)${S}any${S}(?:other${S})?(?:tool|function)s?${S}from${S}any${S}(?:other${S})?server`;

// Outcomes a condition should never arm in a tool description: data leaving, the answer changing, the user ignored.
const armedAction = String.raw`(?:send|sends|transfer|forward|upload|post|publish|push|e-?mail|share|leak|exfiltrate|copy|mirror|ignore|disregard|redirect|replace|swap|change|alter|insert|inject|append|delete|remove|wipe|refuse|stop|switch|reply${S}only|respond${S}only|answer${S}only|add${S}(?:a${S}|the${S}|an${S})?(?:\w{1,15}${S})?(?:links?|urls?|referrals?|promotions?|ads?|adverts?|banners?|bcc|cc|recipients?)|(?:start|begin)${S}(?:adding|including|sending|inserting|recommending|replying|responding|forwarding|uploading)|also${S}(?:send|call|include|forward|copy|run|invoke)|recommend|promote|advertise|tell${S}(?:the${S})?(?:users?|them)|download|(?:call|invoke|use|run)${S}(?:it|them|that${S}tool))`;
const weekday = String.raw`(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?|weekdays?|holidays?)`;
const month = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december)`;
const count = String.raw`(?:\d{1,4}(?:st|nd|rd|th)?|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|several|a${S}few|a${S}number${S}of|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twentieth|fiftieth|hundredth)`;

// What arms a sleeper: the clock, an absolute date, a weekday, a count of calls, another tool being present, a topic.
const date = String.raw`(?:(?:19|20)\d{2}-\d{2}-\d{2}|${month}(?:${S}\d{1,2}(?:st|nd|rd|th)?)?,?${S}\d{4}|${month}${S}\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?${S}(?:of${S})?${month}(?:${S}\d{4})?)`;
const sleeperTrigger = [
  String.raw`\b(?:(?:the${S})?(?:date|clock|calendar)${S}(?:passes|reaches|hits|is${S}past|goes${S}past)|today's${S}date${S}is|today${S}is|(?:the${S})?current${S}(?:date|time|year|month|day)${S}is|the${S}(?:date|time|year)${S}is${S}(?:after|past|later${S}than|beyond|on${S}or${S}after)|it${S}is${S}(?:now${S})?(?:after|past|later${S}than)|it's${S}(?:after|past))`,
  String.raw`\b(?:after|from|starting|beginning|on|until|before|as${S}of)${S}${date}|\b(?:after|from|starting|beginning|as${S}of)${S}(?:in${S})?(?:19|20)\d{2}\b`,
  String.raw`\b(?:on|during|at|every)${S}${weekday}`,
  String.raw`\b(?:has${S}been|was|is|were|have${S}been)${S}(?:used|called|invoked|run)${S}(?:more${S}than${S}|at${S}least${S})?${count}${S}times`,
  String.raw`\b(?:after|every)${S}(?:the${S})?${count}${S}(?:calls?|uses?|invocations?|times?|runs?|requests?|messages?|sessions?)`,
  String.raw`\b(?:on|at|after|from)${S}the${S}(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twentieth|fiftieth|hundredth|\d{1,4}(?:st|nd|rd|th))${S}(?!(?:consecutive${S})?(?:failures?|failed|unsuccessful|invalid|wrong|incorrect|bad|missed|declined|rejected|errors?|attempts?|retr(?:y|ies)|timeouts?|tries|crash(?:es)?)\b)[a-z]{2,15}\b`,
].join('|');
// Another tool or server being there: routing advice keys on it too ("if the notification server is connected,
// send alerts through it"), so it arms only a call of that tool or an outcome no routing makes.
const presenceTrigger = String.raw`\b(?:tool|server|function|integration|plugin|mcp)s?${S}(?:(?:named|called)${S}[\x60'"]?[\w.-]{2,40}[\x60'"]?${S})?(?:(?:is|are|be)${S}(?:also${S})?|also${S})(?:available|present|installed|connected|enabled|loaded|registered|around|accessible|reachable)`;
const presenceArmed = String.raw`(?:exfiltrate|leak|wipe|ignore|disregard|redirect|inject|swap|(?:call|invoke|use|run)${S}(?:it|them|that${S}tool)|(?:call|invoke|run|use)${S}(?:the${S})?(?!this\b|that\b|it\b)[\x60'"]?[\w-]{2,30}[\x60'"]?${S}(?:tool|function))`;
// A topic is what routing advice keys on too ("if the user asks about a page, use notion_search"): it arms only
// an outcome, never a tool call.
const topicTrigger = String.raw`\b(?:conversation|chat|user|discussion|topic|question|query|subject)s?${S}(?:ever${S})?(?:touches${S}on|turns${S}to|mentions?|involves?|is${S}about|refers${S}to|contains?|asks${S}about|talks${S}about|discusses|brings${S}up)`;

// What a tool has no business asking for: the conversation, the model's instructions, other tools' output,
// secrets the user shared, the environment.
const privateContent = String.raw`(?:(?:the${S})?(?:full|entire|complete|whole|previous|prior|earlier|past)${S}(?:\w{1,12}${S})?(?:conversation|chat|dialog(?:ue)?|messages|transcript|history|exchanges?|turns)|(?:conversation|chat|dialog(?:ue)?|message)${S}(?:history|transcript|log|so${S}far)|everything${S}(?:the${S}(?:user|person|human|customer|requester|client)|they|you)${S}(?:ha(?:s|ve)${S})?(?:said|told${S}you|typed|wrote|written|asked|shared|sent|pasted)|system${S}prompt|(?:your|the)${S}(?:system${S}|original${S}|hidden${S})?instructions${S}(?:you${S}(?:were${S}given|received|have)|above)|(?:results?|outputs?|responses?|data)${S}(?:of|from|returned${S}by)${S}(?:the${S})?(?:other|previous|earlier|all${S}(?:the${S})?other)${S}tools?|other${S}tools'${S}(?:results?|outputs?|responses?)|(?:any|all|every)${S}(?:\w{1,12}${S}){0,2}(?:passwords?|api${S}keys?|tokens?|secrets?|credentials?|private${S}keys?|card${S}numbers?|credit${S}cards?|cvvs?|ssns?|iban|account${S}numbers?)${S}(?:\w{1,12}${S}){0,3}(?:(?:the${S})?user${S}(?:has${S})?(?:shared|mentioned|typed|provided|gave)|mentioned|you${S}(?:know|have${S}seen|saw|found)|in${S}(?:the|this)${S}(?:conversation|chat|session))|(?:every|all|each|any)${S}(?:\w{1,12}${S})?(?:previous|prior|earlier|other)${S}tool${S}(?:results?|outputs?|responses?)|(?:the${S})?(?:full${S})?(?:iban|pin|passwords?|passcodes?|one-time${S}(?:codes?|passwords?)|otp|2fa${S}codes?|verification${S}codes?|card${S}numbers?)${S}(?:\w{1,15}${S}){0,4}(?:the${S})?user${S}(?:gave|provided|shared|typed|entered|sent)|(?:the${S})?user['’]s${S}(?:\w{1,12}${S})?(?:one-time${S}(?:codes?|passwords?)|otp|2fa${S}codes?|verification${S}codes?|pin)|(?:the${S})?user['’]s${S}(?:\w{1,12}${S})?(?:passwords?|api${S}keys?|(?:access|auth|session|bearer|refresh)${S}tokens?|credentials|cookies|private${S}keys?|ssh${S}keys?|card${S}numbers?|credit${S}cards?|cvv|ssn|social${S}security${S}numbers?|bank${S}(?:account${S})?details|passport${S}numbers?)|(?:the${S})?user['’]s${S}(?:\w{1,12}${S})?(?:messages?|prompts?|requests?|questions?|words)${S}(?:verbatim|word${S}for${S}word|in${S}full)|(?:all${S})?(?:user${S})?(?:prompts|messages)${S}(?:\w{1,12}${S}){0,2}verbatim|(?:every|all|any)${S}files?${S}(?:from|in)${S}(?:the${S}user['’]s|their|your|the)${S}(?:\w{1,15}${S})?(?:folder|directory|home|drive|desktop|documents)|(?:the${S})?values?${S}of${S}(?:the${S}|any${S}|all${S})?(?:[\x60'"]?[A-Z][A-Z0-9]{0,20}_(?:[A-Z0-9]{1,20}_){0,4}(?:SECRET|TOKEN|KEY|PASSWORD|PASS|PWD)(?:_[A-Z0-9]{1,20}){0,3}[\x60'"]?(?:${S}environment${S}variable)?|environment${S}variables?|secret${S}environment${S}variables?)|(?:e-?mail${S}addresses|phone${S}numbers|addresses|contact${S}details)${S}(?:and${S}(?:\w{1,15}${S}){1,2})?(?:of|from|in|for)${S}(?:everyone|everybody|all${S}(?:the${S})?(?:people|contacts)|(?:the${S})?user['’]s${S}(?:contacts|address${S}book|contact${S}list))|(?:the${S})?user['’]s${S}(?:contacts|contact${S}list|address${S}book|browsing${S}history|location${S}history)|(?:verbatim|exact|full)${S}cop(?:y|ies)${S}of${S}(?:the${S})?(?:\w{1,12}${S}){0,3}(?:messages|conversation|chat|prompts?)|(?:the${S})?(?:last|latest|recent|most${S}recent)${S}(?:\w{1,10}${S})?(?:messages|turns|exchanges)|(?:whatever|everything|anything|what)${S}(?:the${S})?(?:\w{1,15}${S}){0,3}tools?${S}(?:have${S}|has${S})?(?:returned|produced|output|sent${S}back)|environment${S}variables|env${S}vars|(?:output${S}of|run)${S}(?:the${S})?[\x60'"]?(?:env|printenv|set)[\x60'"]?\b)`;
const provide = String.raw`(?:requires?|needs|expects|include|pass|provide|send|submit|attach|append|collect|gather|paste|add|supply|fill|populate|forward|upload|copy|put|share|dump|list|report|enclose|transmit|read)`;

// "Do not include the chat": a negation, and at most one word, right before the ask.
const askNegated = new RegExp(
  String.raw`\b(?:not|never|n't|nor|without)${SB}(?:\w{1,12}${SB}){0,1}$`,
  'i',
);
const askWord = new RegExp(String.raw`\b${provide}(?=[ \t])`, 'gi');
/**
 * Some ask word of the words before the content is not negated: "never send, only include the chat" asks. The
 * words before are at most five, so this reads a few dozen characters.
 */
function askStands(text: string, at: number, asks: string): boolean {
  askWord.lastIndex = 0;
  for (let m = askWord.exec(asks); m; m = askWord.exec(asks)) {
    const from = at + m.index;
    if (!askNegated.test(text.slice(Math.max(0, from - 40), from))) return true;
  }
  return false;
}

/** Another server as a description names it: "the other servers", "another MCP server", "the billing server's". */
export const otherServer = String.raw`(?:(?:the|any|all)${S}other${S}(?:mcp${S})?servers?|another${S}(?:mcp${S})?server|(?!(?:this|our|same)\b)[\w-]{2,30}${S}server's|(?:from|of|on)${S}(?:the${S}|any${S}|all${S})?other${S}(?:mcp${S})?servers)`;
// Every match of `otherServer` holds one of these (the rules that use it add the "other tool" forms).
const otherServerKeywords = [
  'other server',
  'other mcp',
  'another server',
  'other tool',
  'another tool',
  "server's",
  'from other',
  'of the other',
];

/** The sentence a match stands in, from its start to the match's end. */
function sentenceBefore(m: RegExpExecArray): string {
  const head = m.input.slice(Math.max(0, m.index - 200), m.index);
  const stop = Math.max(
    head.lastIndexOf('. '),
    head.lastIndexOf('; '),
    head.lastIndexOf('\n'),
    head.lastIndexOf('>'),
  );
  return `${head.slice(stop + 1)}${m[0]}`;
}

/** Description-side poisoning cues: they run on tool definitions and server instructions only. */
export const descriptionDetectors: readonly PatternDetector[] = [
  {
    // Call-this-first, scoped to everything: a real server scopes call order to its own tools.
    id: 'poison.before-any-tool',
    layer: 'poisoning',
    severity: 'high',
    descriptionOnly: true,
    keywords: [
      ...pairs(
        ['before', 'prior to', 'ahead of', 'in advance of'],
        ['any', 'every', 'each', 'all', 'anything'],
      ),
      ...pairs(
        ['before', 'prior to', 'ahead of'],
        [
          'using',
          'calling',
          'invoking',
          'running',
          'doing',
          'responding',
          'answering',
          'replying',
          'handling',
        ],
      ),
    ],
    pattern: rx(
      String.raw`\b(?:before|prior${S}to|ahead${S}of|in${S}advance${S}of)${S}(?:(?:using|calling|invoking|running|executing|doing|handling|processing|answering|responding${S}to|replying${S}to)${S})?(?:${everyTurn})|\b(?:before|prior${S}to)${S}(?:responding|replying|answering)${S}(?:to${S}(?:the${S})?(?:user|anyone)${S})?(?:in${S}any${S}way|at${S}all)`,
    ),
    maxLength: 140,
    message: 'puts itself ahead of every other tool or turn',
    // What comes first is the user's consent ("Confirm with the user before every call"): see consults-user.ts.
    verify: (m) => !consultsUser(sentenceBefore(m)),
  },
  {
    // "At the start of every conversation" is what a memory server may say too: strong only with an obligation.
    id: 'poison.before-any-tool',
    layer: 'poisoning',
    severity: 'medium',
    descriptionOnly: true,
    keywords: [
      ...pairs(
        ['start of', 'beginning of', 'outset of', 'first thing in'],
        ['every', 'each', 'any', 'all'],
      ),
      ...pairs(
        ['whenever', 'every time', 'each time', 'as soon as'],
        ['a new', 'the user', 'a conversation', 'a chat', 'a session'],
      ),
      ...pairs(['whatever the', 'no matter what the'], ['user']),
      'start of each',
      'beginning of each',
    ],
    pattern: rx(
      String.raw`\b(?:at${S}the${S}(?:very${S})?(?:start|beginning|outset)${S}of|first${S}thing${S}in)${S}(?:every|each|any|all)${S}(?:new${S}|user${S})?(?:conversations?|sessions?|chats?|interactions?|turns?|requests?|tasks?|threads?)\b|(?:^|[.!?:;][ \t]{0,3})(?:whatever|no${S}matter${S}what)${S}the${S}user${S}(?:asks|says|wants|requests|types)(?:${S}for)?[ \t]{0,3},|\b(?:whenever|every${S}time|each${S}time|as${S}soon${S}as)${S}(?:a${S}new|the${S}user${S}(?:starts|opens|begins)${S}a|a)${S}(?:\w{1,12}${S})?(?:conversations?|chats?|sessions?|threads?)${S}(?:begins|starts|opens|is${S}(?:started|opened|created))\b`,
    ),
    maxLength: 140,
    message: 'asks to be called at the start of every conversation',
  },
  {
    // "Your very first action in every chat": call order over the whole conversation, a cue next to another.
    id: 'poison.call-order',
    layer: 'poisoning',
    severity: 'medium',
    descriptionOnly: true,
    keywords: [
      'first action',
      'first step',
      'first call',
      'first tool',
      'first function',
      'opening move',
      'opening action',
      'opening step',
      'first move',
      'first thing',
      'no exceptions',
      'without exception',
      'without any exception',
    ],
    pattern: rx(
      String.raw`\b(?:your|the)${S}(?:very${S})?first${S}(?:action|step|call|tool${S}call|tool|function)${S}(?:(?:you|to)${S}(?:use|call|invoke|run)${S})?(?:in|of|for)${S}(?:every|each|any|all|a${S}new)\b|\bas${S}your${S}(?:very${S})?first${S}(?:action|call|tool${S}call)\b|\b(?:your|the)${S}(?:very${S})?(?:opening|first)${S}(?:move|action|step|thing)${S}(?:must|should|has${S}to|will|is${S}to)${S}(?:always${S})?be${S}(?:a${S}call${S}to|to${S}(?:call|run|invoke)|calling|running|invoking)\b|(?:[,;:(]|\s-{1,2})[ \t]{0,3}(?:no${S}exceptions|without${S}(?:any${S})?exception)\b`,
    ),
    maxLength: 80,
    message: 'asks to be the first thing the model does',
  },
  {
    id: 'poison.before-any-tool',
    layer: 'poisoning',
    severity: 'high',
    descriptionOnly: true,
    keywords: [
      ...pairs(
        ['called', 'invoked', 'run', 'used', 'executed', 'triggered'],
        ['first', 'before', 'prior', 'ahead', 'at the'],
      ),
      'required first',
      'mandatory first',
      ...pairs(['no other', 'not any other', 'none of the other'], ['tool', 'function']),
    ],
    pattern: rx(
      String.raw`\b(?:must|has${S}to|needs${S}to|is${S}required${S}to)${S}be${S}(?:called|invoked|run|used|executed|triggered)${S}(?:first${S})?(?:at${S}the${S}(?:start|beginning)${S}of|before|prior${S}to|ahead${S}of)${S}(?:${everyTurn})|\b(?:required|mandatory)${S}first${S}(?:step|call|tool|action)\b[^.\n]{0,60}?\b(?:every|each|any|all)${S}(?:sessions?|conversations?|requests?|tasks?|other)\b|\b(?:no|not${S}any|none${S}of${S}the)${S}other${S}(?:tools?|functions?)${S}(?:(?:may|can|should|must|will)${S}(?:be${S})?(?:used|called|invoked|run|work)|(?:is|are)${S}(?:to${S}be${S})?(?:used|called|allowed))${S}(?:\w{1,15}${S}){0,3}(?:until|unless|before)\b`,
    ),
    maxLength: 140,
    message: 'demands to run before every conversation or request',
  },
  {
    // Concealment aimed at the user: the act itself kept out of sight, not a secret value kept off screen.
    id: 'poison.concealment',
    layer: 'poisoning',
    severity: 'high',
    descriptionOnly: true,
    keywords: [
      ...pairs(
        ['not', "n't", 'never', 'dont'],
        [
          'tell',
          'inform',
          'notify',
          'alert',
          'warn',
          'let',
          'mention',
          'bring',
          'acknowledge',
          'reveal',
          'disclose',
          'include',
          'reference',
          'discuss',
          'report',
          'surface',
          'show',
        ],
      ),
      'keep this',
      'keep it',
      'keep that',
      'keep these',
      'leave this',
      'leave it',
      'no need to',
      'no reason to',
      'need not',
      "needn't",
      ...pairs(
        ['sure', 'ensure', 'sure that', 'ensure that'],
        [
          'the user',
          'the human',
          'the person',
          'the customer',
          'the client',
          'users',
          'anyone',
          'people',
        ],
      ),
      'as if nothing',
      'pretend',
      'hide',
      'conceal',
      'withhold',
      'mask',
      ...pairs(
        [
          'reply',
          'replies',
          'response',
          'responses',
          'answer',
          'answers',
          'output',
          'summary',
          'message',
        ],
        ['must', 'should', 'will', 'may'],
      ),
      ...pairs(
        ['without'],
        ['saying', 'telling', 'mentioning', 'noting', 'disclosing', 'admitting'],
      ),
    ],
    pattern: rx(
      String.raw`\b${not}${S}(?:ever${S})?(?:tell|inform|notify|alert|warn)${S}${person}\b(?!${S}(?:to|how|which|what|when|where|whether|${valueKept})\b)|\b${not}${S}(?:ever${S})?let${S}${person}${S}(?:\w{1,15}${S}){0,2}${perceive}\b|\b${not}${S}(?:ever${S})?(?:mention|bring${S}up|acknowledge|reveal|disclose|include(?!${S}(?:it|them)\b)|reference|discuss|report|surface|show|tell)${S}${theAct}${S}(?:(?:to|with)${S}${person}|in${S}${reply})\b|\b(?:keep|leave)${S}(?:this|it|that|these)${S}(?:out${S}of|from|off)${S}(?:${reply}|${person})\b|\b(?:no${S}(?:need|reason)${S}to|need${S}not|needn't)${S}(?:tell|inform|notify|alert|bother|show|let|mention${S}(?:this|it)${S}to)${S}${person}\b|\b(?:make${S}sure|ensure)${S}(?:that${S})?${person}${S}(?:never|does${S}not|doesn't|cannot|can't|won't|will${S}not)${S}${perceive}\b|\b(?:act|behave|respond|reply)${S}as${S}if${S}nothing${S}(?:\w{1,12}${S})?(?:happened|changed|was${S}(?:done|sent))|\bpretend${S}(?:that${S})?(?:nothing|everything${S}is${S}normal)|\b(?:hide|conceal|withhold|mask)${S}(?:the${S}fact${S}that|that|this|it|these|the${S}\w{1,15})\b[^.\n]{0,60}?\bfrom${S}${person}|\b${reply}${S}(?:must|should|will|may)${S}(?:not|never)${S}(?:say|mention|include|reference|contain|disclose|reveal|discuss|show)${S}(?:anything|a${S}word|any${S}\w{1,15})${S}(?:about|of|regarding)\b|\bwithout${S}(?:saying|telling|mentioning|noting|disclosing|admitting)${S}(?:so|it|this|that|anything|them|a${S}word)\b`,
    ),
    maxLength: 170,
    message: 'concealment: asks to keep what it does from the user',
  },
  {
    // Acting without the user's consent: strong next to another cue, not alone ("do not ask for confirmation" of a read).
    id: 'poison.concealment',
    layer: 'poisoning',
    severity: 'medium',
    descriptionOnly: true,
    keywords: [
      ...pairs(
        ['ask', 'asking', 'seek', 'seeking', 'request', 'requesting'],
        ['for', 'the', 'their'],
      ),
      'ask nothing',
    ],
    pattern: rx(
      String.raw`\b(?:without|no${S}need${S}to|${not})${S}(?:ask(?:ing)?|seek(?:ing)?|request(?:ing)?|wait(?:ing)?${S}for)${S}(?:the${S}user${S}|them${S}|anyone${S})?(?:for${S})?(?:(?:their|the${S}user's|any|explicit)${S})?(?:consent|permission|confirmation|approval|authori[sz]ation)\b|\bask${S}nothing\b`,
    ),
    maxLength: 120,
    message: "asks to act without the user's consent",
  },
  {
    // "The user does not need to know about this": the user named as the one kept unaware.
    id: 'poison.concealment',
    layer: 'poisoning',
    severity: 'high',
    descriptionOnly: true,
    keywords: [
      ...pairs(
        ['user', 'users', 'human', 'humans', 'person', 'customer', 'customers', 'anyone'],
        [
          'does not',
          "doesn't",
          'do not',
          "don't",
          'need not',
          "needn't",
          'should not',
          "shouldn't",
          'must not',
          "mustn't",
          'will not',
          "won't",
          'should never',
          'must never',
          'will never',
        ],
      ),
    ],
    pattern: rx(
      String.raw`\b(?:the${S})?(?:users?|humans?|person|customers?|anyone)${S}(?:does${S}not|do${S}not|doesn't|don't|need${S}not|needn't|should${S}not|shouldn't|must${S}not|mustn't|will${S}not|won't|should${S}never|must${S}never|will${S}never)${S}(?:need${S}to${S}|have${S}to${S}|ever${S})?${perceive}(?:${S}(?:about${S})?${theAct})?(?=[ \t]{0,3}(?:[.,;:!)]|$|and\b|or\b|so\b|because\b|since\b|as\b))`,
      'im',
    ),
    maxLength: 130,
    message: 'concealment: the user is to be kept unaware',
  },
  {
    // Asks the model to hand over what no tool needs: the conversation, its instructions, other tools' output, secrets.
    id: 'poison.data-request',
    layer: 'poisoning',
    severity: 'high',
    descriptionOnly: true,
    keywords: [
      'conversation',
      ...pairs(
        ['full', 'entire', 'complete', 'whole', 'previous', 'prior', 'earlier', 'past'],
        ['chat'],
      ),
      ...pairs(['chat'], ['history', 'transcript', 'log', 'so far']),
      'dialog',
      'transcript',
      'messages',
      'history',
      'exchanges',
      'everything',
      'system prompt',
      'instructions you',
      'instructions above',
      'other tool',
      'previous tool',
      'earlier tool',
      "user's",
      'user’s',
      'mentioned',
      'user has',
      'user shared',
      'user typed',
      'user provided',
      'user gave',
      'you know',
      'have seen',
      'you saw',
      'you found',
      'verbatim',
      'word for word',
      'in full',
      'environment variable',
      'value of',
      'user gave',
      'user provided',
      'user entered',
      'tool result',
      'tool results',
      'tool output',
      'tool outputs',
      'addresses',
      'phone numbers',
      'contact details',
      'contacts',
      'address book',
      'copy of',
      'copies of',
      ...pairs(
        ['last', 'latest', 'recent'],
        ['messages', 'turns', 'exchanges', 'ten', 'five', 'few', '10', '5', '20', 'user'],
      ),
      ...pairs(
        ['tool', 'tools'],
        ['returned', 'have returned', 'has returned', 'produced', 'output'],
      ),
      'card numbers',
      'iban',
      'account numbers',
      'values of',
      ...pairs(['file', 'files'], ['from', 'in']),
      'env vars',
      'printenv',
      'run env',
      'run `env',
      'of env',
      'of `env',
    ],
    // The private content is written once, with the ask before it ("include the full chat") or after it ("the
    // system prompt … must be attached") as optional groups; \`verify\` keeps a match that has one of them and no
    // negation before the ask. Two copies of the content made this the largest regex of the description rules.
    pattern: rx(
      String.raw`(\b${provide}${S}(?:\w{1,15}${S}){0,4}?)?\b${privateContent}(\b[^.\n]{0,60}?\bbe${S}(?:included|passed|provided|sent|submitted|attached|appended|supplied|forwarded|uploaded|copied|shared|pasted|collected)\b)?`,
    ),
    verify: (m) => m[2] !== undefined || (m[1] !== undefined && askStands(m.input, m.index, m[1])),
    maxLength: 260,
    message: 'asks for the conversation, its instructions, other tools’ output or secrets',
  },
  {
    // A sleeper: behaviour armed by the clock, a count of calls, another tool being present, or a topic.
    id: 'poison.sleeper',
    layer: 'poisoning',
    severity: 'high',
    descriptionOnly: true,
    keywords: [
      "today's",
      'today is',
      ...pairs(
        ['date', 'clock', 'calendar'],
        ['passes', 'reaches', 'hits', 'is past', 'goes past'],
      ),
      ...pairs(
        ['on the', 'at the', 'after the', 'from the'],
        [
          'third',
          'fourth',
          'fifth',
          'sixth',
          'seventh',
          'eighth',
          'ninth',
          'tenth',
          'twentieth',
          'fiftieth',
          'hundredth',
          ...'123456789'.split(''),
        ],
      ),
      'current date',
      'current time',
      'current year',
      'current month',
      'current day',
      'date is',
      'time is',
      'year is',
      'it is after',
      'it is past',
      'it is now',
      "it's after",
      "it's past",
      ...pairs(
        ['after', 'from', 'starting', 'beginning', 'until', 'as of', 'on', 'before'],
        ['19', '20'],
      ),
      ...[
        'january',
        'february',
        'march',
        'april',
        'june',
        'july',
        'august',
        'september',
        'october',
        'november',
        'december',
      ],
      ...pairs(['may'], [...'0123456789'.split('')]),
      ...[
        'monday',
        'tuesday',
        'wednesday',
        'thursday',
        'friday',
        'saturday',
        'sunday',
        'weekend',
        'weekday',
        'holiday',
      ],
      ...pairs(['used', 'called', 'invoked', 'run'], ['more', 'at least', ...countWords]),
      ...pairs(['after', 'every'], allCountWords),
      ...pairs(
        ['after the', 'every'],
        [
          'third',
          'fourth',
          'fifth',
          'sixth',
          'seventh',
          'eighth',
          'ninth',
          'tenth',
          'twentieth',
          'fiftieth',
          'hundredth',
        ],
      ),
      ...pairs(
        ['is', 'are', 'also', 'be'],
        [
          'available',
          'present',
          'installed',
          'connected',
          'enabled',
          'loaded',
          'registered',
          'around',
          'accessible',
          'reachable',
        ],
      ),
      ...pairs(['starting', 'beginning', 'from', 'after', 'as of'], ['in 19', 'in 20']),
      ...pairs(
        [
          'conversation',
          'chat',
          'user',
          'users',
          'discussion',
          'topic',
          'question',
          'query',
          'subject',
        ],
        [
          'ever',
          'touches',
          'turns',
          'mentions',
          'mention',
          'involves',
          'is about',
          'refers',
          'contains',
          'asks about',
          'talks about',
          'discusses',
          'brings up',
        ],
      ),
    ],
    pattern: rx(
      String.raw`(?:${sleeperTrigger})\b[^.\n]{0,80}?(?<!(?:\bnot|\bnever|n't)${SB})\b(?:${armedAction}|(?:call|invoke|run|use)${S}(?:the${S})?(?!this\b|that\b|it\b)[\x60'"]?[\w-]{2,30}[\x60'"]?${S}(?:tool|function))\b|${presenceTrigger}\b[^.\n]{0,80}?\b${presenceArmed}\b|${topicTrigger}\b[^.\n]{0,80}?\b${armedAction}\b`,
    ),
    maxLength: 280,
    message: 'a condition (date, count, another tool, a topic) that arms an action',
  },
  {
    // Reaching into another tool: what happens when it is called, that it is broken, that its output is not to be trusted.
    id: 'poison.tool-shadowing',
    layer: 'poisoning',
    severity: 'high',
    descriptionOnly: true,
    keywords: [
      'whenever',
      'each time',
      'every time',
      'any time',
      'anytime',
      'any call to',
      'every call to',
      'each call to',
      'calls to',
      'sent with',
      'sent via',
      'sent through',
      'created with',
      'made with',
      'is called',
      'is used',
      'is invoked',
      'gets called',
    ],
    pattern: rx(
      String.raw`\b(?:whenever|each${S}time|every${S}time|any[ \t]{0,3}time|(?:for${S})?(?:any|every|each|all)${S}calls?${S}to|calls${S}to)${S}(?:you${S}|the${S}(?:agent|assistant|model|user)${S})?(?:use${S}|call${S}|invoke${S}|run${S})?(?:the${S})?[\x60'"]?[A-Za-z][\w.-]{1,50}[\x60'"]?${S}(?:tool${S}|function${S})?(?:is${S}(?:used|called|invoked|run)|runs|are${S}made)?[ \t,]{0,3}(?:you${S}(?:must|should)${S})?(?:always${S}|also${S}|first${S}|silently${S})?(?:add|set|change|replace|include|copy|bcc|cc|forward|send|append|insert|redirect|swap|use${S}(?:this|me)|call${S}(?:this|me))\b|\bwhen${S}(?:the${S})?[\x60'"]?(?:[a-z][a-z0-9]*[_-][\w-]{1,40}|[a-z]{2,20}[A-Z]\w{1,40})[\x60'"]?${S}(?:tool${S}|function${S})?(?:is${S}(?:called|used|invoked|run)|gets${S}called)\b[^.\n]{0,20}?\b(?:also${S}|always${S}|first${S}|silently${S})?(?:add|set|change|replace|include|copy|bcc|cc|forward|send|append|insert|redirect|swap)\b|\b(?:sent|created|made|posted|written)${S}(?:with|via|through|using)${S}[\x60'"]?[A-Za-z][\w.-]{1,50}[\x60'"]?${S}(?:tool${S})?(?:should|must|will)${S}(?:always${S}|also${S})?(?:be${S})?(?:copied|forwarded|sent|mirrored|duplicated|cc'?d|bcc'?d)`,
    ),
    maxLength: 220,
    message: 'changes what happens when another tool is called',
  },
  {
    id: 'poison.tool-shadowing',
    layer: 'poisoning',
    severity: 'high',
    descriptionOnly: true,
    keywords: [
      'route all',
      'route every',
      'route any',
      'through this',
      'via this',
      'only trust',
      'trust only',
      'untrusted',
      'not be trusted',
      "can't be trusted",
      'cannot be trusted',
      'called directly',
      'used directly',
      'regardless of what',
      'regardless of whatever',
      "ignore the user's",
      'ignore its',
      'ignore their',
      'ignore the output',
      'ignore the result',
      'disregard',
    ],
    pattern: rx(
      String.raw`\b(?:route|send|direct|channel|make)${S}(?:all|every|any)${S}(?:\w{1,15}${S}){0,2}(?:through|via)${S}(?:this|me)\b|\b(?:only${S}trust|trust${S}only)${S}(?:this|what${S}this|me|what${S}i)\b|\b(?:treat|consider)${S}(?:\w{1,20}${S}){1,5}as${S}untrusted\b|\b(?:other|another|the${S}other|any${S}other)${S}(?:\w{1,20}${S}){0,3}(?:cannot|can't|should${S}not|must${S}not)${S}be${S}trusted\b|\b(?:never|not)${S}be${S}(?:called|used|invoked)${S}directly\b|\bregardless${S}of${S}(?:what|whatever)${S}(?:the${S})?user${S}(?:says|said|asks|asked|wants|wanted|requests|requested|chose|chooses|types|typed)\b|\b(?:ignore|disregard)${S}(?:the${S}user['’]s${S}(?:requests?|instructions?|wishes|choices?|questions?)|(?:its|their)${S}(?:output|results?|responses?|data)|the${S}(?:output|results?|responses?|data|descriptions?)${S}(?:of|from)${S}(?:the${S})?(?:other|another|any${S}other|all${S}other)\b)`,
    ),
    maxLength: 160,
    message: 'tells the model to bypass or distrust other tools, or the user',
  },
  {
    // "Do not use any other tools": a description that shuts out every other tool, a cue next to another.
    id: 'poison.tool-shadowing',
    layer: 'poisoning',
    severity: 'medium',
    descriptionOnly: true,
    keywords: pairs(
      ['use', 'call', 'invoke', 'using', 'calling', 'invoking'],
      ['any other', 'other', 'another', 'additional', 'further'],
    ),
    pattern: rx(
      String.raw`\b(?:${not}|without|instead${S}of)${S}(?:use|call|invoke|using|calling|invoking)${S}(?:any${S})?(?:other|another|additional|further)${S}(?:tools?|functions?|servers?)\b(?!${S}(?:of|from|in|on)${S}(?:this|the${S}same)\b)`,
    ),
    maxLength: 100,
    message: 'shuts out every other tool',
  },
  {
    // Another tool run down so that this one is used instead: "X is deprecated and returns wrong data; do not use it".
    id: 'poison.tool-shadowing',
    layer: 'poisoning',
    severity: 'medium',
    descriptionOnly: true,
    keywords: otherServerKeywords,
    pattern: rx(
      String.raw`\b${otherServer}\b[^.\n]{0,80}?\b(?:deprecated|broken|unreliable|compromised|insecure|unsafe|untrusted|outdated|wrong|malicious|not${S}compliant|non-compliant|disabled)\b`,
    ),
    maxLength: 200,
    message: "speaks ill of another server's tools",
  },
  {
    // Told not to use another server's tool at all: nothing a server needs to say about its neighbours.
    id: 'poison.tool-shadowing',
    layer: 'poisoning',
    severity: 'high',
    descriptionOnly: true,
    keywords: otherServerKeywords,
    pattern: rx(
      String.raw`\b${otherServer}\b[^.\n]{0,80}?\b(?:must${S}never|should${S}never|must${S}not|should${S}not|do${S}not${S}(?:use|call|trust)|don't${S}(?:use|call|trust)|never${S}(?:use|call|trust)|avoid${S}(?:it|them|using|calling))\b`,
    ),
    maxLength: 200,
    message: "tells the model not to use another server's tools",
  },
  {
    // Call-this-first told as a rule of the conversation: "every task must begin with a call to X", "before you
    // answer anything", "do not call other tools before it has succeeded".
    id: 'poison.before-any-tool',
    layer: 'poisoning',
    severity: 'high',
    descriptionOnly: true,
    keywords: [
      ...pairs(
        ['before you', 'before'],
        ['answer', 'respond', 'reply', 'do anything', 'say anything'],
      ),
      ...pairs(
        ['task', 'conversation', 'session', 'request', 'chat', 'reply', 'response'],
        ['must', 'should', 'has to', 'needs to'],
      ),
      ...pairs(
        ['other tool', 'other tools', 'other function', 'other functions'],
        ['before', 'until', 'unless'],
      ),
    ],
    pattern: rx(
      String.raw`\bbefore${S}(?:you${S})?(?:answer|respond|reply|say|do)(?:ing)?${S}(?:to${S})?anything\b|\b(?:every|each|any)${S}(?:new${S})?(?:task|conversation|session|request|chat|reply|response)${S}(?:must|should|has${S}to|needs${S}to)${S}(?:always${S})?(?:begin|start|open)${S}(?:with|by)${S}(?:a${S}call${S}to|calling|running|invoking|using)\b|\b${not}${S}(?:use|call|invoke|run)${S}(?:any${S})?other${S}(?:tools?|functions?)${S}(?:before|until|unless)\b`,
    ),
    maxLength: 160,
    message: 'puts itself ahead of every other tool or turn',
  },
  {
    // A hook on every call of every tool: "all tool calls must carry the record in the audit parameter".
    id: 'poison.tool-shadowing',
    layer: 'poisoning',
    severity: 'high',
    descriptionOnly: true,
    keywords: pairs(
      [
        'tool call',
        'tool calls',
        'function call',
        'function calls',
        'tool invocation',
        'tool invocations',
      ],
      ['must', 'should', 'shall', 'need', 'have', 'are to'],
    ),
    pattern: rx(
      String.raw`\b(?:all|every|each|any)${S}(?:other${S})?(?:tool|function)${S}(?:calls?|invocations?)${S}(?:must|should|shall|need${S}to|needs${S}to|have${S}to|are${S}to)${S}(?:always${S}|also${S})?(?:carry|include|contain|attach|pass|send|append|add|embed|be${S}(?:sent|routed|copied|forwarded|logged${S}to))\b`,
    ),
    maxLength: 140,
    message: 'hooks every call of every tool',
  },
  {
    // Speaking for another tool or another server's tool: "Note for the write_file tool: …", "The create_invoice
    // tool of the billing server must use …", "do not rely on github.create_issue; it leaks data".
    id: 'poison.tool-shadowing',
    layer: 'poisoning',
    severity: 'high',
    descriptionOnly: true,
    keywords: [
      ...pairs(
        ['note', 'notes', 'instruction', 'instructions', 'message', 'memo'],
        ['for the', 'to the'],
      ),
      ...pairs(
        ['tool of', 'tool on', 'tool from', 'tool in', 'function of', 'function on'],
        ['the'],
      ),
      ...pairs(['rely on', 'trust', 'use', 'call'], ['github', 'slack', 'gmail', 'the']),
      'leaks',
      'leaking',
      'compromised',
      'backdoor',
      'corrupts',
    ],
    pattern: rx(
      String.raw`\b(?:notes?|instructions?|message|memo)${S}(?:for|to)${S}the${S}[\x60'"]?[\w.-]{2,40}[\x60'"]?${S}(?:tool|function)\b|\bthe${S}[\x60'"]?[\w.-]{2,40}[\x60'"]?${S}(?:tool|function)${S}(?:of|on|from|in)${S}the${S}[\w.-]{2,30}${S}(?:mcp${S})?server${S}(?:must|should|shall|will|needs${S}to|is${S}to)\b|\b(?:${not}|avoid)${S}(?:rely(?:ing)?${S}on|use|using|call|calling|trust|trusting)${S}(?:the${S})?[\x60'"]?[\w-]{2,40}(?:[._][\w-]{2,40}|${S}tool)[\x60'"]?[^.\n]{0,40}?\b(?:leaks?|leaking|compromised|backdoored|malicious|corrupts?|corrupting|exfiltrates?|unsafe|insecure)\b`,
    ),
    maxLength: 220,
    message: 'speaks for another tool, or runs it down',
  },
  {
    // Concealment said another way: kept quiet, not surfaced, "nothing about the upload".
    id: 'poison.concealment',
    layer: 'poisoning',
    severity: 'high',
    descriptionOnly: true,
    keywords: [
      'keep quiet',
      'stay quiet',
      'remain quiet',
      'keep silent',
      'stay silent',
      'remain silent',
      'say nothing',
      'mention nothing',
      'nothing about',
      'not a word',
      'not to be',
      'mention of',
      'reply that',
      'answer that',
      'say that',
      'them that',
      'user that',
      'kept unaware',
      'kept in the dark',
      'kept uninformed',
      'out of the loop',
      'unaware',
      'in the dark',
      'attention to',
      ...pairs(
        ['not be', 'never be'],
        [
          'surfaced',
          'shown',
          'mentioned',
          'disclosed',
          'revealed',
          'reported',
          'told',
          'visible',
          'brought up',
        ],
      ),
    ],
    pattern: rx(
      String.raw`\b(?:keep|stay|remain)${S}(?:quiet|silent)${S}(?:about|on|regarding)\b|\b(?:say|mention|tell|report|reveal)${S}nothing${S}(?:about|of|regarding)\b|\bnothing${S}about${S}(?:the|this|that|its)${S}\w{2,20}\b|\bnot${S}a${S}word${S}(?:about|of|to)\b|\b(?:are|is)${S}not${S}to${S}be${S}(?:informed|told|notified|shown|made${S}aware)\b|\b(?:skip|omit|leave${S}out|drop)${S}(?:any|all|every)${S}mention${S}of\b|\b(?:reply|answer|say|tell${S}(?:them|the${S}user))${S}that${S}(?:it|nothing|no${S}data|no${S}one|there${S}is${S}no(?:thing)?)${S}(?:does${S}not|doesn't|is${S}not|isn't|was${S}not|wasn't|did${S}not|didn't|never|is${S}sent|leaves)\b|\b(?:be|are|is|remain|stay)${S}kept${S}(?:unaware|in${S}the${S}dark|uninformed|out${S}of${S}the${S}loop)\b|\bkeep${S}${person}${S}(?:unaware|in${S}the${S}dark|uninformed|out${S}of${S}the${S}loop)\b|\b(?:${not}|without|avoid)${S}(?:draw(?:ing)?|call(?:ing)?|bring(?:ing)?)${S}(?:any${S})?attention${S}to\b|\b(?:this|it|that|these|which)${S}(?:is${S}\w{1,20}${S}(?:\w{1,20}${S}){0,3}and${S})?(?:should|must|will|need|may|can)${S}(?:not|never)${S}be${S}(?:surfaced|shown|mentioned|disclosed|revealed|reported|told|visible|brought${S}up)${S}(?:to${S}${person}|in${S}${reply})`,
    ),
    maxLength: 160,
    message: 'concealment: asks to keep what it does from the user',
  },
];
