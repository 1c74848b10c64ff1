import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openAuditLog } from '../../src/audit/jsonl-audit-log.js';
import { verifyAuditLog } from '../../src/audit/verify-audit-log.js';
import { sha256Hex } from '../../src/audit/digest.js';
import { sealAuditRecord } from '../../src/core/audit/chain.js';
import { buildCallRecord, buildResultRecord } from '../../src/core/audit/build-records.js';
import type { AuditRecordInput } from '../../src/core/audit/audit-record.js';
import type { PolicyDecision } from '../../src/core/policy/decision.js';
import { makeAuditDir, readLines } from './audit-helpers.js';

// The log seals a call's two records straight into a Buffer it reuses from write to write, and
// copies the runs of a call record that repeat (a tool's decision and names, a session) from
// bytes it keeps, and `prev`/`ts` from the line before (record-bytes.ts). Kept bytes must be
// copies: a Buffer's `slice` is a view of the queue, which the next write's records overwrite.
// Every line in the file must be the line the string path (golden-tested) seals for the same
// record at the same place in the chain.

let dir: Awaited<ReturnType<typeof makeAuditDir>>;
beforeEach(async () => {
  dir = await makeAuditDir();
});
afterEach(async () => {
  await dir.remove();
});

const decisionOf = (rule: string): PolicyDecision => ({
  effect: 'allow',
  final: 'allow',
  decidingRule: rule,
  rules: [rule],
  mode: 'enforce',
  policy: `sha256:${'c'.repeat(64)}`,
  reason: 'allowed',
});

const TOOLS = Array.from({ length: 11 }, (_, i) => ({
  server: `server-${String(i % 3)}`,
  tool: `tool_${String(i)}`,
  exposed: `server-${String(i % 3)}__tool_${String(i)}`,
  defHash: i % 4 === 0 ? undefined : `sha256:${String(i % 10).repeat(64)}`,
  decision: decisionOf(`rule-${String(i % 5)}`),
}));
const SESSIONS = Array.from({ length: 10 }, (_, i) => ({
  agent: i % 2 === 0 ? undefined : `agent-${String(i)}`,
  client: { name: `client-${String(i % 4)}`, version: String(i) },
}));

describe('audit log: lines sealed from kept bytes', () => {
  test('calls across many writes, tools and sessions: every line as the string path seals it', async () => {
    const log = await openAuditLog({
      path: dir.path,
      stateDir: dir.stateDir,
      durability: 'batch',
      flushIntervalMs: 5,
    });
    const inputs: AuditRecordInput[] = [];
    for (let n = 0; n < 300; n++) {
      // A few tools at a time, and a session for runs of calls (as the log sees them: the
      // kept runs are reused), moving on so that kept runs are replaced and old ones revisited.
      const tool = TOOLS[(Math.floor(n / 20) + (n % 3) * 4) % TOOLS.length];
      const session = SESSIONS[Math.floor(n / 10) % SESSIONS.length];
      if (tool === undefined || session === undefined) throw new Error('no tool');
      const call = buildCallRecord({
        call: {
          id: `c${String(n)}`,
          server: tool.server,
          tool: tool.tool,
          exposed: tool.exposed,
          args: { n, text: 'é'.repeat(n % 5) },
          session,
        },
        decision: tool.decision,
        defHash: tool.defHash,
        findSecrets: () => [],
      });
      const result = buildResultRecord({
        callId: `c${String(n)}`,
        outcome: { kind: 'ok', result: { content: [] } },
        ms: n / 3,
        results: 'hash',
        digest: { bytes: n, sha256: `sha256:${'e'.repeat(64)}` },
        findSecrets: () => [],
      });
      log.append(call);
      log.append(result);
      inputs.push(call, result);
      // Written out every few calls (the queue's buffer starts again), as replies would.
      if (n % 3 === 2 && !log.writeNow()) await log.written();
    }
    await log.close();
    const lines = (await readLines(dir.path)).filter(
      (line) => line.includes('"type":"call"') || line.includes('"type":"result"'),
    );
    expect(lines).toHaveLength(inputs.length);
    lines.forEach((line, i) => {
      const { seq, ts, prev } = JSON.parse(line) as { seq: number; ts: string; prev: string };
      const input = inputs[i];
      if (input === undefined) throw new Error('no input');
      expect(sealAuditRecord(input, { seq, ts, prev }, sha256Hex).line).toBe(`${line}\n`);
    });
    const report = await verifyAuditLog(dir.path, { stateDir: dir.stateDir });
    expect(report.status).toBe('ok');
  });
});
