import { readFileSync } from 'node:fs';
import type { Severity } from '../../src/core/scanner/finding.js';
import { createScanner, type ScannableTool } from '../../src/core/scanner/scanner.js';
import type { ToolContext } from '../../src/core/scanner/scan-tool.js';

// Tool definitions built for the description tests, and how they are graded: the one place both the rule
// tests and the blind sets take them from.

const scanner = createScanner();

/** A context without neighbours: no cross-server shadowing. */
export const alone: ToolContext = { server: 'helper', otherServers: [], otherToolNames: [] };

/** The neighbours a gateway would pass when it reviews a tool next to these servers. */
export const neighbours: ToolContext = {
  server: 'helper',
  otherServers: ['github', 'slack', 'gmail', 'filesystem', 'stripe', 'linear'],
  otherToolNames: [
    'github__create_issue',
    'github__create_pull_request',
    'github__search_repositories',
    'slack__post_message',
    'slack__list_channels',
    'gmail__send_email',
    'gmail__search_emails',
    'filesystem__write_file',
    'filesystem__read_file',
    'stripe__create_payment',
    'linear__create_issue',
  ],
};

/** A blind set by technique as `[technique, tool name, tool]` rows, for `test.each`. */
export const techniqueRows = (
  ...sets: readonly Readonly<Record<string, readonly ScannableTool[]>>[]
): (readonly [string, string, ScannableTool])[] =>
  sets.flatMap((set) =>
    Object.entries(set).flatMap(([technique, tools]) =>
      tools.map((tool) => [technique, tool.name, tool] as const),
    ),
  );

/** The context a technique is judged in: shadowing needs neighbours to shadow. */
export const contextOf = (technique: string): ToolContext =>
  technique === 'shadowing' ? neighbours : alone;

/** A tool with a name and a description only. */
export const described = (name: string, description: string): ScannableTool => ({
  name,
  description,
});

/** A tool with one string parameter and that parameter's description. */
export const withParameter = (
  name: string,
  description: string,
  parameter: string,
  parameterDescription: string,
): ScannableTool =>
  withSchema(name, description, { [parameter]: { description: parameterDescription } });

/** A tool with string parameters given by their schema fields (description, title, default, enum, examples). */
export const withSchema = (
  name: string,
  description: string,
  properties: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): ScannableTool => ({
  name,
  description,
  inputSchema: {
    type: 'object',
    properties: Object.fromEntries(
      Object.entries(properties).map(([k, v]) => [k, { type: 'string', ...v }]),
    ),
  },
});

/** The worst severity of a list of findings. */
export function worstSeverity(found: readonly { severity: Severity }[]): Severity | undefined {
  if (found.some((f) => f.severity === 'high')) return 'high';
  if (found.some((f) => f.severity === 'medium')) return 'medium';
  return found.length > 0 ? 'low' : undefined;
}

/** The worst severity scanTool reports for a tool. */
export function worstOf(tool: ScannableTool, context: ToolContext = alone): Severity | undefined {
  return worstSeverity(scanner.scanTool(tool, context));
}

/** The worst severity of a server's `instructions`, scanned as the gateway scans them. */
export function worstOfInstructions(text: string): Severity | undefined {
  const job = scanner.startText(text, 'instructions', { surface: 'description' });
  job.step(Infinity);
  return worstSeverity(job.finish());
}

/** The instructions the reference "everything" server ships (a devDependency): a real server's text to the LLM. */
export function everythingServerInstructions(): string {
  return readFileSync(
    new URL(
      '../../node_modules/@modelcontextprotocol/server-everything/dist/docs/instructions.md',
      import.meta.url,
    ),
    'utf8',
  );
}
