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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Cross-server shadowing: the text names another server or another server's tool in an instruction. */
export function findShadowing(text: string, context: ToolContext): RawFinding[] {
  const names = new Set<string>();
  for (const s of context.otherServers) if (s !== context.server && s.length >= 3) names.add(s);
  for (const t of context.otherToolNames) {
    if (distinctive(t)) names.add(t);
    const bare = t.includes('__') ? t.slice(t.indexOf('__') + 2) : '';
    if (bare && distinctive(bare)) names.add(bare);
  }
  const out: RawFinding[] = [];
  const lower = text.toLowerCase();
  for (const name of names) {
    if (!lower.includes(name.toLowerCase())) continue;
    const re = new RegExp(`(?<![\\w-])${escape(name)}(?![\\w-])`, 'gi');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const around = text.slice(Math.max(0, m.index - 80), m.index + m[0].length + 80);
      const instructs = instructionCue.test(around);
      out.push({
        rule: 'poison.cross-server-shadowing',
        severity: instructs ? 'high' : 'low',
        start: m.index,
        end: m.index + m[0].length,
        message: instructs
          ? `gives instructions about "${name}", which belongs to another server`
          : `mentions "${name}", which belongs to another server`,
      });
      break;
    }
  }
  return out;
}
