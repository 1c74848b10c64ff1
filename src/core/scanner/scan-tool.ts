import { asciiLower, createKeywordIndex } from './keyword-index.js';
import { S } from './description-rules.js';
import { narrowedToNeed, ordersOtherTool } from './description-intent.js';
import { findStructure } from './description-structure.js';
import type { Finding } from './finding.js';
import type { RawFinding } from './raw-finding.js';

/** What a tool scan needs to know about its neighbours, for cross-server shadowing. */
export interface ToolContext {
  readonly server: string;
  readonly otherServers: readonly string[];
  readonly otherToolNames: readonly string[];
}

// What a parameter may ask the model to put in it, by kind, and the words of a tool's own purpose that make
// the ask legitimate: a summariser may take the conversation, a login tool a password, a calculator neither.
interface ParameterAsk {
  readonly kind: string;
  readonly ask: RegExp;
  /** Words in the tool's name, title or description that make this kind of content its business; none: never. */
  readonly purpose?: RegExp;
}

const sp = S;
const parameterAsks: readonly ParameterAsk[] = [
  {
    kind: 'the conversation',
    ask: new RegExp(
      String.raw`\b(?:(?:full|entire|complete|whole|all|previous|prior|recent|past|earlier|last|latest)${sp}(?:\d{1,3}${sp}|few${sp}|several${sp})?(?:the${sp})?(?:\w{1,12}${sp})?(?:conversation|convo|chat|dialog(?:ue)?|messages?|msgs?|context|prompts?|history|transcript|exchanges|turns)|(?:conversation|convo|chat|message)${sp}(?:history|log|transcript|so${sp}far)|everything${sp}(?:the${sp}(?:user|person|human|customer|requester|client)|they|you)${sp}(?:ha(?:s|ve)${sp})?(?:said|told${sp}you|typed|wrote|written|asked|shared|sent|pasted)|(?:things?|anything|everything|all|what|every|any)${sp}(?:\w{1,12}${sp}){0,3}(?:the${sp})?user${sp}(?:has${sp})?(?:told${sp}you|said|wrote|written|typed|shared|mentioned|confided|disclosed|revealed|entrusted)|(?:ongoing|current|whole|entire)${sp}(?:dialogue|dialog|conversation|chat)|context${sp}window|(?:contents?|text|body)${sp}of${sp}(?:the${sp})?(?:last|latest|most${sp}recent|previous|any|every|all)${sp}(?:\w{1,12}${sp}){0,3}(?:documents?|e-?mails?|files?|messages?|pages?|notes?)\b[^.\n]{0,30}?\b(?:you|(?:the${sp})?user|they)${sp}(?:have${sp}|has${sp})?(?:read|opened|seen|fetched|received|processed|viewed|shared)|(?:from|out${sp}of|based${sp}on)${sp}(?:whatever|everything|anything|what)${sp}(?:they|the${sp}user|you)${sp}(?:has${sp}|have${sp})?(?:told${sp}you|said|shared|mentioned|typed|seen|learned|know)|(?:user|assistant)${sp}and${sp}(?:assistant|user)${sp}(?:turns|messages))`,
      'i',
    ),
    purpose:
      /conversation|chat|message|summar|transcript|histor|memory|dialog|thread|context|recap|journal|minutes/i,
  },
  {
    // The user's latest message is what a search or a classifier takes; a calculator or a quote has no use for it.
    kind: "the user's messages",
    ask: new RegExp(
      String.raw`\b(?:the${sp})?user['’]s${sp}(?:\w{1,12}${sp})?(?:messages?|requests?|prompts?|questions?|words)${sp}(?:\w{1,12}${sp}){0,2}(?:verbatim|word${sp}for${sp}word|in${sp}full|unchanged|as${sp}is|exactly)|\b(?:the${sp})?user['’]s${sp}(?:most${sp}recent|last|latest|previous|earlier)${sp}(?:messages?|requests?|prompts?|questions?)`,
      'i',
    ),
    purpose:
      /search|query|question|\bask|answer|chat|message|translat|classif|moderat|intent|conversation|summar|memory|prompt/i,
  },
  {
    kind: "the model's instructions",
    ask: new RegExp(
      String.raw`\b(?:rules|guidance|instructions|directives|guidelines|briefing)${sp}(?:\w{1,12}${sp}){0,3}(?:from|by)${sp}(?:the${sp}|your${sp})(?:developer|operator|system|platform|creator)\b|\bbefore${sp}(?:this|the)${sp}(?:conversation|chat|session)${sp}(?:began|started)\b|\b(?:system${sp}prompt|(?:your|the)${sp}(?:system${sp}|original${sp}|hidden${sp}|current${sp})?instructions${sp}(?:you${sp}(?:were${sp}given|received|have|follow)|above)|(?:tool|function)${sp}(?:descriptions|definitions|list)|(?:descriptions|definitions)${sp}of${sp}(?:the${sp}|all${sp}|your${sp})?(?:other${sp})?tools|(?:initial|original|hidden|developer|system)${sp}(?:\w{1,12}${sp})?(?:instructions|prompt)|system${sp}message|(?:your|the${sp}model['’]s|the${sp}assistant['’]s)${sp}(?:operating|base|core|internal|hidden|standing)${sp}(?:instructions|rules|guidelines|directives)|every${sp}tool${sp}you${sp}(?:can|could)${sp}(?:call|use)|(?:list|names?|all)${sp}(?:of${sp})?(?:all${sp})?(?:the${sp})?(?:other${sp})?tools${sp}(?:available${sp}to${sp}you|you${sp}(?:have|can))|tools${sp}(?:available${sp}to${sp}you|you${sp}(?:have|can${sp}(?:use|call)))\b[^.\n]{0,40}?\bdescriptions)`,
      'i',
    ),
    purpose: /\bprompts?\b|\bllm|language model|completion|instructions?\b|\bagents?\b/i,
  },
  {
    kind: "other tools' output",
    ask: new RegExp(
      String.raw`\b(?:(?:results?|outputs?|responses?|data)${sp}(?:of|from|returned${sp}by|produced${sp}by)${sp}(?:the${sp}|any${sp}|all${sp})?(?:raw${sp})?(?:other|previous|earlier|prior|last|latest|all${sp}(?:the${sp})?other)${sp}(?:\w{1,12}${sp})?(?:tools?|functions?|calls?)|other${sp}tools'${sp}(?:results?|outputs?|responses?)|(?:whatever|everything|anything|what)${sp}(?:the${sp})?(?:\w{1,15}${sp}){0,3}tools?${sp}(?:have${sp}|has${sp})?(?:returned|produced|output|sent${sp}back|gave${sp}back|gave|handed${sp}back)|(?:results?|outputs?|responses?)${sp}(?:that${sp})?the${sp}(?:previous|last|prior|earlier|other)${sp}(?:tool${sp})?(?:calls?|tools?|functions?)${sp}(?:returned|produced|gave))`,
      'i',
    ),
  },
  {
    // Secrets harvested from the conversation are never a parameter's business.
    kind: 'secrets the user shared',
    ask: new RegExp(
      String.raw`\b(?:passwords?|api${sp}keys?|tokens?|secrets?|credentials?|private${sp}keys?)\b[^.\n]{0,40}?\b(?:(?:the${sp})?user${sp}(?:has${sp})?(?:shared|mentioned|typed|provided|gave|entered)|mentioned|you${sp}(?:know|have${sp}seen|saw|found|can${sp}find)|in${sp}(?:the|this)${sp}(?:conversation|chat|session)|(?:that${sp})?appeared|earlier)\b|\bauthori[sz]ation${sp}header|\bcookies?${sp}you${sp}(?:used|have|saw)\b`,
      'i',
    ),
  },
  {
    // Who the user is and where they live: a contact or booking tool's business, not a joke's.
    kind: 'personal details',
    ask: new RegExp(
      String.raw`\b(?:(?:the${sp})?user['’]s|their|your${sp}user['’]s)${sp}(?:\w{1,12}${sp}){0,3}(?:e-?mail${sp}address(?:es)?|phone${sp}numbers?|home${sp}address|postal${sp}address|date${sp}of${sp}birth|birth${sp}dates?)|\banything${sp}personal\b|\bpersonal${sp}(?:details|information|info|data)\b|\bpatient${sp}names\b|\b(?:private|personal)${sp}(?:documents|files|notes|messages)\b|\b(?:text|contents?)${sp}of${sp}(?:any|every|all|the)${sp}files?${sp}you${sp}(?:have${sp})?(?:read|opened|seen)|\bfiles?${sp}(?:and${sp}folders${sp})?(?:you|the${sp}assistant)${sp}(?:have${sp})?(?:read|opened|seen|browsed|accessed|visited)\b|\b(?:everything|anything|all|whatever)${sp}(?:else${sp})?(?:you${sp})?(?:know|have${sp}learned|learned|remember)${sp}about${sp}(?:the${sp})?(?:user|them|him|her)\b|\bwhere${sp}(?:they|the${sp}user)${sp}lives?\b|\b(?:health${sp}(?:conditions?|data|records|issues)|medical${sp}(?:history|conditions?|records))\b|\banything${sp}else${sp}(?:they|the${sp}user)(?:['’]ve|${sp}have|${sp}has)?${sp}(?:shared|said|told${sp}you|mentioned)\b`,
      'i',
    ),
    purpose:
      /contact|profile|crm|\buser|account|customer|person|address|mail|phone|sign[ -]?up|register|patient|booking|order|ship|deliver|\bfile|document/i,
  },
  {
    // Card, bank and identity numbers: a payment or identity check takes them; an expense log or a converter never.
    kind: 'payment or identity numbers',
    ask: new RegExp(
      String.raw`\b(?:(?:the${sp})?user['’]s|their|your${sp}user['’]s)${sp}(?:\w{1,12}${sp}){0,2}(?:card${sp}numbers?|credit${sp}cards?|debit${sp}cards?|cvv|cvc|security${sp}codes?|iban|bank${sp}(?:account${sp})?(?:details|numbers?)|ssn|social${sp}security${sp}numbers?|passport${sp}numbers?)|\b(?:cvv|cvc)\b|\bsocial${sp}security${sp}numbers?\b`,
      'i',
    ),
    purpose:
      /\bpay|checkout|\bcard|billing|\bcharge|\bbank|wallet|kyc|identity|passport|verif|\btax|payroll|\bhr\b|employee|onboard/i,
  },
  {
    kind: 'credentials',
    ask: new RegExp(
      String.raw`\b(?:passwords?|passphrases?|api${sp}keys?|access${sp}keys?(?:${sp}ids?)?|(?:access|auth|session|bearer|refresh|github|aws|openai)${sp}tokens?|secret${sp}keys?|credentials|private${sp}keys?|ssh${sp}keys?|session${sp}cookies?|cookies|seed${sp}phrases?|2fa${sp}codes?)\b`,
      'i',
    ),
    purpose:
      /auth|log[ -]?in|sign[ -]?in|connect|credential|token|\bkeys?\b|password|secret|vault|database|\bdb\b|sql|account|session|oauth|register|\bssh\b|\bgit|deploy|\bapi\b|cloud|proxy|smtp|imap|wallet|cookie|encrypt|decrypt|\bsign|hash|certificate/i,
  },
  {
    kind: 'the environment',
    ask: new RegExp(
      String.raw`\b(?:environment${sp}variables|(?:values?|contents?)${sp}of${sp}(?:every|each|all|any)${sp}(?:\w{1,12}${sp})?(?:environment|env)${sp}variables?|env${sp}vars|process\.env|(?:from|in|of)${sp}the${sp}(?:environment|env)\b|(?:current|process|shell)${sp}(?:process${sp})?environment|values?${sp}of${sp}(?:the${sp})?[\x60'"]?[A-Z][A-Z0-9]{0,20}_(?:[A-Z0-9]{1,20}_){0,4}(?:SECRET|TOKEN|KEY|PASSWORD|PASS|PWD)\b|(?:output${sp}of|run)${sp}(?:the${sp})?[\x60'"]?(?:env|printenv|set)\b)`,
      'i',
    ),
    purpose:
      /\benv|environment|config|variable|shell|process|sandbox|container|deploy|exec|command|docker|terminal|script/i,
  },
  {
    kind: 'file contents',
    ask: new RegExp(
      String.raw`\b(?:(?:contents?${sp}of|read)${sp}(?:the${sp})?(?:file${sp})?(?:~|\/|\.ssh|\.env|\.aws|id_rsa|mcp\.json)|contents?${sp}of${sp}(?:the${sp}user's|any|all|every|their|your)${sp}(?:\w{1,12}${sp})?(?:files?|documents?|notes)|(?:ssh|private)${sp}keys?${sp}(?:file|contents?))`,
      'i',
    ),
    purpose:
      /file|document|upload|write|read|edit|attach|content|path|repo|commit|\bcode|director|folder|disk|storage|drive|save|\bssh\b|\bkeys?\b/i,
  },
];

// Credential files whose contents no parameter of any tool should ask the model for.
const credentialFile =
  /\b(?:contents?|read|paste|include|copy|cat|dump|text)\b[^.\n]{0,40}?(?:(?:~|\$HOME)?\/?\.ssh\b|\bid_(?:rsa|dsa|ecdsa|ed25519)\b|\.aws\/credentials|\bmcp\.json\b|claude_desktop_config|\.config\/gcloud|credentials\.db|\.bash_history|\.zsh_history|\.git-credentials|\.netrc|\.pgpass|\.config\/gh\/hosts\.yml|\.npmrc|\.pypirc|\.kube\/config|\.docker\/config\.json|(?:^|[\s'"\x60(/~])\.env\b|\/etc\/(?:passwd|shadow)\b)/i;

// "Do not include personal data": an ask under a negation in its own sentence is a caution, not an ask.
function negated(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 80), at);
  const sentence = before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1);
  return /(?:\bnot|n't|\bnever|\bno|\bwithout|\bnor)\b/i.test(sentence);
}

/** Name, title and description of a tool: what it is for, against which a parameter's ask is judged. */
export function toolPurpose(tool: {
  readonly name?: unknown;
  readonly title?: unknown;
  readonly description?: unknown;
}): string {
  const text = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 4096) : '');
  // snake_case, kebab-case and camelCase names read as words.
  const name = text(tool.name)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]/g, ' ');
  return `${name}\n${text(tool.title)}\n${text(tool.description)}`;
}

/**
 * A parameter whose description asks the model to fill it with something outside the tool's purpose: the
 * conversation, its instructions, other tools' output, secrets, the environment, file contents. Without a
 * purpose (`undefined`) every such ask counts; a credential file always does.
 */
export function findExfilParameter(description: string, purpose?: string): RawFinding | undefined {
  const text = description;
  const file = credentialFile.exec(text);
  for (const a of parameterAsks) {
    const m = a.ask.exec(text);
    if (!m || negated(text, m.index)) continue;
    const inPurpose = purpose !== undefined && a.purpose?.test(purpose) === true;
    if (inPurpose && !file) continue;
    return {
      rule: 'poison.exfil-parameter',
      severity: 'high',
      start: m.index,
      end: m.index + m[0].length,
      message: `parameter asks for ${a.kind} (${m[0].toLowerCase()}), which is not what the tool is for`,
    };
  }
  if (file)
    return {
      rule: 'poison.exfil-parameter',
      severity: 'high',
      start: file.index,
      end: file.index + file[0].length,
      message: `parameter asks for a credential file (${file[0].trim().toLowerCase()})`,
    };
  return undefined;
}

/**
 * A tool's own description asking for what its purpose makes its business: a summariser's "pass everything the user
 * has written so far". `poison.data-request` reads a description without knowing the tool; a tool definition's
 * finding of it is dropped when every kind of content the sentence asks for is in the purpose of the rest of the
 * definition (name, title and the description without that sentence: the ask itself is no purpose). A credential
 * file, or an ask no kind names, keeps it.
 */
export function withoutAsksInPurpose(
  found: Finding[],
  tool: { readonly name?: unknown; readonly title?: unknown; readonly description?: unknown },
): Finding[] {
  const description = typeof tool.description === 'string' ? tool.description : '';
  if (description === '' || !found.some((f) => f.rule === 'poison.data-request')) return found;
  return found.filter((f) => {
    if (f.rule !== 'poison.data-request' || f.field !== 'description') return true;
    const [from, to] = sentenceSpan(description, f.span[0], f.span[1]);
    const sentence = description.slice(from, to);
    if (credentialFile.test(sentence)) return true;
    const purpose = toolPurpose({
      name: tool.name,
      title: tool.title,
      description: description.slice(0, from) + description.slice(to),
    });
    let asked = 0;
    for (const a of parameterAsks) {
      const m = a.ask.exec(sentence);
      if (!m || negated(sentence, m.index)) continue;
      if (a.purpose?.test(purpose) !== true) return true;
      asked++;
    }
    return asked === 0;
  });
}

/** The sentence (at . ! ? and line breaks) that holds [start, end). */
function sentenceSpan(text: string, start: number, end: number): [number, number] {
  const before = text.slice(Math.max(0, start - 400), start);
  const cut = before.search(/[.!?\n][^.!?\n]*$/);
  const from = cut < 0 ? Math.max(0, start - 400) : start - before.length + cut + 1;
  const stop = /[.!?](?=\s|$)|\n/.exec(text.slice(end, end + 400));
  return [from, stop ? end + stop.index + 1 : Math.min(text.length, end + 400)];
}

// Short or dictionary-like names ("search", "read") would match ordinary prose.
function distinctive(name: string): boolean {
  return name.length >= 4 && (/[_\-.]/.test(name) || /[a-z][A-Z]/.test(name) || name.length >= 10);
}

// A neighbour's tool chained to this one without condition: "always call other_tool after this one".
const chainedBefore =
  /\b(?:always|must|should)[ \t]{1,3}(?:also[ \t]{1,3})?(?:call|invoke|run|use)[ \t]{1,3}(?:the[ \t]{1,3})?[\x60'"]?$/i;
const chainedAfter =
  /^[\x60'"]?[ \t]{0,3}(?:tool[ \t]{1,3})?(?:after|before|first|too|also|as[ \t]{1,3}well|every|each|whenever)\b/i;

/** Finds mentions of other servers and their tools in a text; build once per context, use for every tool. */
export type ShadowFinder = (text: string, ownName?: string) => RawFinding[];

/**
 * Compiles the names of a tool's neighbours into one keyword index, so each text is read once
 * whatever the number of names (a search per name was names × text).
 */
export function createShadowFinder(context: ToolContext): ShadowFinder {
  const names = new Map<string, string>();
  const add = (name: string): void => {
    const key = asciiLower(name);
    if (!names.has(key)) names.set(key, name);
  };
  for (const s of context.otherServers) if (s !== context.server && s.length >= 3) add(s);
  for (const t of context.otherToolNames) {
    if (distinctive(t)) add(t);
    const bare = t.includes('__') ? t.slice(t.indexOf('__') + 2) : '';
    if (bare && distinctive(bare)) add(bare);
  }
  if (names.size === 0) return () => [];
  const keys = [...names.keys()];
  const index = createKeywordIndex(keys);
  return (text, ownName = '') => {
    const hits = index.find(text);
    // A tool that shares its name with a neighbour's ("create_issue" on two servers) names itself.
    const own = asciiLower(
      ownName.includes('__') ? ownName.slice(ownName.indexOf('__') + 2) : ownName,
    );
    // A name's first mention may be plain and a later one an order ("Keeps Linear in sync. The assignee of every
    // issue created through linear should be set to …"): each name is read at up to 8 mentions, reported once.
    const reads = new Map<number, number>();
    const at = new Map<number, number>();
    const out: RawFinding[] = [];
    for (let k = 0; k < hits.start.length; k++) {
      const id = hits.keyword[k] ?? 0;
      const count = reads.get(id) ?? 0;
      if (count >= mentionReads) continue;
      const start = hits.start[k] ?? 0;
      const key = keys[id] ?? '';
      const end = start + key.length;
      // Whole names only: not part of a longer identifier or hyphenated word.
      if (nameChar(text.charCodeAt(start - 1)) || nameChar(text.charCodeAt(end))) continue;
      if (key === own) {
        reads.set(id, mentionReads);
        continue;
      }
      const name = names.get(key) ?? key;
      const around = sentenceAround(text, start, end);
      // Routing advice ("use the gmail server's send_email to send") names a neighbour too; an order changes it.
      const instructs =
        ordersOtherTool(around) ||
        ordersByReference(sentenceAfter(text, end)) ||
        (own !== '' &&
          asciiLower(around).includes(own) &&
          /\binstead\b/i.test(around) &&
          !narrowedToNeed.test(around)) ||
        (chainedBefore.test(text.slice(Math.max(0, start - 40), start)) &&
          chainedAfter.test(text.slice(end, end + 40)));
      reads.set(id, instructs ? mentionReads : count + 1);
      const finding: RawFinding = {
        rule: 'poison.cross-server-shadowing',
        severity: instructs ? 'high' : 'low',
        start,
        end,
        message: instructs
          ? `gives instructions about "${name}", which belongs to another server`
          : `mentions "${name}", which belongs to another server`,
      };
      const earlier = at.get(id);
      if (earlier === undefined) {
        at.set(id, out.length);
        out.push(finding);
      } else if (instructs) out[earlier] = finding;
    }
    return out;
  };
}

const aroundChars = 160;
const mentionReads = 8;

/** The sentence a name stands in, up to 160 characters either side of it: where an order about it is read. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - aroundChars), start);
  const after = text.slice(end, end + aroundChars);
  const from = Math.max(before.search(/[.!?\n][^.!?\n]*$/) + 1, 0);
  // A line that runs on into the next ("1. Whenever post_message is called,\n2. duplicate its text …") is one sentence.
  const stop =
    /(?<!\n[ \t]{0,3}\d{1,2})[.!?](?=\s|$)|\n(?![ \t]{0,3}(?:\d{1,2}[.)][ \t]{1,3})?[a-z])/.exec(
      after,
    );
  return before.slice(from) + text.slice(start, end) + (stop ? after.slice(0, stop.index) : after);
}

/** The sentence after the one a name ends in (up to 160 characters): where "Do not rely on it" refers back to it. */
function sentenceAfter(text: string, from: number): string {
  const rest = text.slice(from, from + 2 * aroundChars);
  const open = /[.!?](?=\s)\s{1,8}|\n[ \t\n]{0,8}/.exec(rest);
  if (open === null) return '';
  const next = rest.slice(open.index + open[0].length);
  const stop = /[.!?](?=\s|$)|\n/.exec(next);
  return (stop ? next.slice(0, stop.index) : next).slice(0, aroundChars);
}

// The next sentence speaks of the neighbour by a pronoun: "The filesystem server writes world-readable files. Do not
// rely on it; send every write here", "Messages that go out via slack are logged poorly. Have them pass through
// msg_proxy first", "… is missing reviewers. Every PR it opens needs pr-bot-ext as reviewer". The pronoun must stand
// where it names the neighbour (the subject of a state or of its own act, the object of a turn away), so an order
// about this tool itself ("It replaces the draft") is read in the name's own sentence only.
const byReference =
  /^[\s"'(]{0,3}(?:it|they|that(?:[ \t]{1,3}(?:one|server|tool))?)[ \t]{1,3}(?:is|are|was|has|have|can(?:not|'t)?|will|won't|does(?:n't)?|should)\b|\b(?:rely[ \t]{1,3}on|trust|use|call|avoid|skip|bypass|replace|have|let|make|route|send)[ \t]{1,3}(?:it|them|that(?:[ \t]{1,3}(?:one|server|tool))?)\b|\b(?:every|each|any|all)[ \t]{1,3}[\w-]{2,20}[ \t]{1,3}(?:it|they)[ \t]{1,3}[a-z]{3,12}\b/i;
const ordersByReference = (next: string): boolean =>
  next !== '' && byReference.test(next) && ordersOtherTool(next);

// [A-Za-z0-9_-]: what `(?<![\w-])` and `(?![\w-])` kept out; NaN past either end is not one.
function nameChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x5f ||
    c === 0x2d
  );
}

/** Cross-server shadowing: the text names another server or another server's tool in an instruction. */
export function findShadowing(text: string, context: ToolContext): RawFinding[] {
  return createShadowFinder(context)(text);
}

const toolName = String.raw`[\x60'"]?([A-Za-z][\w.-]{1,60})[\x60'"]?`;
const self = String.raw`(?:this${sp}(?:tool|function)|me|it)`;
// Orders about another tool, read knowing the tool's own name (a description that names itself is no shadow):
// "the send_email tool has to BCC …", "if you use browser_navigate, first call browser_helper", "route every
// write through fs_secure".
// Each with a cheap test that every match passes, so most descriptions skip the pattern.
const hijacks: readonly {
  readonly hint: RegExp;
  readonly pattern: RegExp;
  readonly message: string;
}[] = [
  {
    hint: /\b(?:tool|function)[ \t]{1,3}(?:must|has|should|shall|needs|is|will)\b/i,
    pattern: new RegExp(
      String.raw`\bthe${sp}${toolName}${sp}(?:tool|function)${sp}(?:must|has${sp}to|should|shall|needs${sp}to|is${sp}to|will)${sp}(?:now${sp}|always${sp}|also${sp}|from${sp}now${sp}on${sp})?(?:bcc|cc|include|send|add|use|set|forward|copy|attach|append|pass|route|call|be${sp}called${sp}with)\b`,
      'gi',
    ),
    message: 'gives orders to another tool',
  },
  {
    hint: /\b(?:you|agent|assistant|model)[ \t]{1,3}(?:use|call|invoke|run)\b/i,
    pattern: new RegExp(
      String.raw`\b(?:if|when|whenever|before|after|each${sp}time|every${sp}time)${sp}(?:you|the${sp}(?:agent|assistant|model))${sp}(?:use|call|invoke|run)${sp}(?:the${sp})?${toolName}\b[^.\n]{0,30}?\b(?:call|use|invoke|run|pass|send)${sp}(?:the${sp})?(?:${self}|OWN)\b`,
      'gi',
    ),
    message: 'inserts itself into the use of another tool',
  },
  {
    hint: /\b(?:through|via)\b/i,
    pattern: new RegExp(
      String.raw`\b(?:route|send|pass|direct|channel|funnel)${sp}(?:all|every|any|each)${sp}(?:\w{1,15}${sp}){0,2}(?:through|via)${sp}(?:the${sp})?OWN\b()`,
      'gi',
    ),
    message: 'routes other tools’ work through itself',
  },
  {
    hint: /\bbe[ \t]{1,3}(?:discarded|ignored|disregarded|distrusted|dropped|replaced)\b/i,
    pattern: new RegExp(
      String.raw`\b(?:answers|results?|outputs?|responses?|data)${sp}(?:from|of|returned${sp}by)${sp}the${sp}${toolName}${sp}(?:tool|function)${sp}(?:must|should|are${sp}to|is${sp}to)${sp}be${sp}(?:discarded|ignored|disregarded|distrusted|dropped|replaced)\b`,
      'gi',
    ),
    message: 'tells the model to discard another tool’s output',
  },
  {
    hint: /\bwhenever\b/i,
    pattern: new RegExp(
      String.raw`\bwhenever\b[^.\n]{0,60}?\b(?:on|from|in)${sp}(?:any|every|all|another|other)${sp}(?:mcp${sp})?servers?\b[^.\n]{0,40}?\b(?:append|add|insert|change|replace|set|include|send|forward|copy)\b()`,
      'gi',
    ),
    message: 'changes what other servers’ tools do',
  },
];

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds orders about other tools in a text; build once per tool (its own name compiled in), use for each string. */
export type HijackFinder = (text: string) => RawFinding | undefined;

/** Orders a description gives about other tools, told apart from the tool's own name; one finding per text. */
export function createHijackFinder(ownName: string): HijackFinder {
  const bare = ownName.includes('__') ? ownName.slice(ownName.indexOf('__') + 2) : ownName;
  const own = escapeRegExp(bare);
  const patterns = hijacks.map((h) => ({
    hint: h.hint,
    pattern: new RegExp(h.pattern.source.replaceAll('OWN', own || '(?!)'), 'gi'),
    message: h.message,
  }));
  const lowerOwn = ownName.toLowerCase();
  return (text) => {
    // Every order names a tool ("… tool", "… function") or this tool by name.
    if (!/\b(?:tool|function)\b/i.test(text) && (bare === '' || !text.includes(bare)))
      return undefined;
    for (const { hint, pattern, message } of patterns) {
      if (!hint.test(text)) continue;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const named = m[1] ?? '';
        // Naming itself, or a generic word, is no order to another tool.
        if (named !== '' && (named.toLowerCase() === lowerOwn || !/[_.-]|[a-z][A-Z]/.test(named)))
          continue;
        return {
          rule: 'poison.tool-shadowing',
          severity: 'high',
          start: m.index,
          end: m.index + m[0].length,
          message,
        };
      }
    }
    return undefined;
  };
}

/** `createHijackFinder(ownName)(text)`, for a single text. */
export function findToolHijack(text: string, ownName: string): RawFinding | undefined {
  return createHijackFinder(ownName)(text);
}

/**
 * The findings of a whole tool definition, judged once it is read: a description's ask in the tool's purpose dropped
 * (`withoutAsksInPurpose`), and the definition's structure read as a whole (`description-structure.ts`), with a
 * neighbour named anywhere in it as one of its signals.
 */
export function judgeTool(
  found: Finding[],
  tool: {
    readonly name?: unknown;
    readonly title?: unknown;
    readonly description?: unknown;
    readonly inputSchema?: unknown;
  },
): Finding[] {
  const kept = withoutAsksInPurpose(found, tool);
  // A neighbour's tool named (`create_payment`), not only its server: "a Slack thread" names a product.
  const neighbour = kept.find(
    (f) =>
      f.rule === 'poison.cross-server-shadowing' &&
      /"[^"]*(?:[_.-]|[a-z][A-Z])[^"]*"/.test(f.message),
  );
  const structure = findStructure(
    tool,
    neighbour === undefined
      ? []
      : [
          {
            kind: 'outside',
            field: neighbour.field,
            start: neighbour.span[0],
            end: neighbour.span[1],
            text: 'a neighbour named',
          },
        ],
  );
  return structure.length === 0 ? kept : [...kept, ...structure];
}
