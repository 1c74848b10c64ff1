/**
 * What a human approved for the rest of one agent session (scope `session`): every call to a
 * tool, by server and tool. Each agent session holds its own, so one client's approval never
 * lets another client's call through (`serve --http` serves many agents at once); it lives as
 * long as the session, across config reloads.
 */
export class SessionApprovals {
  private readonly tools = new Set<string>();

  /** True when a human approved every call to `server`/`tool` in this session. */
  covers(server: string, tool: string): boolean {
    return this.tools.has(keyOf(server, tool));
  }

  /** Remembers a session-wide approval of `server`/`tool`. */
  add(server: string, tool: string): void {
    this.tools.add(keyOf(server, tool));
  }
}

// A separator no server or tool name contains: "a/b" + "c" and "a" + "b/c" stay apart.
const keyOf = (server: string, tool: string): string => `${server}\u0000${tool}`;
