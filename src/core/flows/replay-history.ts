import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { FindSecrets } from '../audit/redact-secrets.js';
import type { Finding } from '../scanner/finding.js';
import type { CompiledFlows } from './compile-flows.js';
import type { LabelBits } from './flow-label.js';
import type { FlowSession } from './flow-session.js';
import { takeInResult, type CausedChange } from './take-in-result.js';

/** One earlier call of a session, as `policy test --history` reads it. */
export interface HistoryEntry {
  readonly server: string;
  readonly tool: string;
  /** What the tool returned, when known (labels alone come from the tool). */
  readonly result: CallToolResult | undefined;
}

/** What replaying one entry did to the session. */
export interface ReplayedEntry extends HistoryEntry {
  /** 1-based position in the history; decisions name it as the source call `history #N`. */
  readonly position: number;
  readonly toolLabels: LabelBits;
  readonly changes: readonly CausedChange[];
}

/**
 * Replays earlier calls into a session, as if the gateway had delivered their results: labels
 * from each tool, findings from scanning its result, fingerprints of sensitive text.
 */
export function replayHistory(
  session: FlowSession,
  flows: CompiledFlows,
  entries: readonly HistoryEntry[],
  ports: {
    readonly labelsFor: (server: string, tool: string) => LabelBits;
    readonly scan: (result: CallToolResult) => readonly Finding[];
    readonly findSecrets: FindSecrets;
  },
): ReplayedEntry[] {
  return entries.map((entry, index) => {
    const position = index + 1;
    const toolLabels = ports.labelsFor(entry.server, entry.tool);
    const result = entry.result ?? { content: [] };
    const changes = takeInResult(
      session,
      flows,
      {
        toolLabels,
        result,
        findings: entry.result === undefined ? [] : ports.scan(result),
        source: {
          callId: `history #${position}`,
          server: entry.server,
          tool: entry.tool,
          receipt: undefined,
        },
      },
      ports.findSecrets,
    );
    return { ...entry, position, toolLabels, changes };
  });
}
