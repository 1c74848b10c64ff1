import { asciiLower, createKeywordIndex } from './keyword-index.js';
import type { RawFinding } from './raw-finding.js';

/** What a tool scan needs to know about its neighbours, for cross-server shadowing. */
export interface ToolContext {
  readonly server: string;
  readonly otherServers: readonly string[];
  readonly otherToolNames: readonly string[];
}

const exfilParameter =
  /\b(?:(?:full|entire|complete|whole|all|previous|prior|recent|past)[ \t]{1,3}(?:the[ \t]{1,3})?(?:conversation|chat|dialog(?:ue)?|messages?|context|prompts?|history|transcript)|(?:conversation|chat|message)[ \t]{1,3}(?:history|log|transcript)|system[ \t]{1,3}prompt|(?:tool|function)[ \t]{1,3}(?:descriptions|definitions)|everything[ \t]{1,3}(?:the[ \t]{1,3})?user[ \t]{1,3}(?:said|typed|wrote|asked)|(?:contents?[ \t]{1,3}of|read)[ \t]{1,3}(?:the[ \t]{1,3})?(?:file[ \t]{1,3})?(?:~|\/|\.ssh|\.env|id_rsa|mcp\.json))/i;

const instructionCue =
  /\b(?:when|whenever|before|after|instead|always|never|must|should|do not|don't|replace|override|ignore|use|call|invoke|send|forward|redirect|first|also)\b/i;

/** A parameter whose description asks the model to fill it with conversation history, prompts or file contents. */
export function findExfilParameter(description: string): RawFinding | undefined {
  const m = exfilParameter.exec(description);
  if (!m) return undefined;
  return {
    rule: 'poison.exfil-parameter',
    severity: 'high',
    start: m.index,
    end: m.index + m[0].length,
    message: `parameter asks for ${m[0].toLowerCase()}`,
  };
}

// Short or dictionary-like names ("search", "read") would match ordinary prose.
function distinctive(name: string): boolean {
  return name.length >= 4 && (/[_\-.]/.test(name) || /[a-z][A-Z]/.test(name) || name.length >= 10);
}

/** Finds mentions of other servers and their tools in a text; build once per context, use for every tool. */
export type ShadowFinder = (text: string) => RawFinding[];

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
  return (text) => {
    const hits = index.find(text);
    const seen = new Set<number>();
    const out: RawFinding[] = [];
    for (let k = 0; k < hits.start.length; k++) {
      const id = hits.keyword[k] ?? 0;
      if (seen.has(id)) continue;
      const start = hits.start[k] ?? 0;
      const key = keys[id] ?? '';
      const end = start + key.length;
      // Whole names only: not part of a longer identifier or hyphenated word.
      if (nameChar(text.charCodeAt(start - 1)) || nameChar(text.charCodeAt(end))) continue;
      seen.add(id);
      const name = names.get(key) ?? key;
      const around = text.slice(Math.max(0, start - 80), end + 80);
      const instructs = instructionCue.test(around);
      out.push({
        rule: 'poison.cross-server-shadowing',
        severity: instructs ? 'high' : 'low',
        start,
        end,
        message: instructs
          ? `gives instructions about "${name}", which belongs to another server`
          : `mentions "${name}", which belongs to another server`,
      });
    }
    return out;
  };
}

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
