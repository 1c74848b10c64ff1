import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { AgentSession } from './agent-sessions.js';

/**
 * Remembers, per agent session, the tool list it last got (tools/list) or was told about, so
 * `notifications/tools/list_changed` goes only to sessions whose list really changed: names,
 * definitions or which tools it is offered. A reload that changes nothing a session sees sends
 * it nothing.
 */
export class ToolListAnnouncer {
  private readonly known = new WeakMap<AgentSession, string>();

  /** The session was just sent this list. */
  listed(session: AgentSession, tools: readonly Tool[]): void {
    this.known.set(session, JSON.stringify(tools));
  }

  /**
   * True when `tools` differs from what the session last knew (or it never listed), and
   * remembers `tools` as known: the notification about it is on its way.
   */
  changed(session: AgentSession, tools: readonly Tool[]): boolean {
    const next = JSON.stringify(tools);
    const previous = this.known.get(session);
    this.known.set(session, next);
    return previous !== next;
  }
}
