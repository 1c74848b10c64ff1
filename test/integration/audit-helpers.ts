import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealAuditRecord } from '../../src/core/audit/chain.js';
import type { AuditRecordInput } from '../../src/core/audit/audit-record.js';
import { sha256Hex } from '../../src/audit/digest.js';

/** A temporary folder with a log path and a state folder; remove() in afterEach. */
export const makeAuditDir = async (): Promise<{
  dir: string;
  path: string;
  stateDir: string;
  remove: () => Promise<void>;
}> => {
  const dir = await mkdtemp(join(tmpdir(), 'mcp-gateway-audit-'));
  return {
    dir,
    path: join(dir, 'audit.jsonl'),
    stateDir: join(dir, 'state'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
};

export const readLines = async (path: string): Promise<string[]> =>
  (await readFile(path, 'utf8')).split('\n').filter((line) => line !== '');

export const writeLines = (path: string, lines: readonly string[]): Promise<void> =>
  writeFile(path, lines.map((line) => `${line}\n`).join(''));

/**
 * Rewrites the log the way an attacker with write access would: apply `edit` to the parsed
 * records, then recompute every hash and prev so the chain itself looks intact.
 */
export const rewriteChain = async (
  path: string,
  edit: (records: Record<string, unknown>[]) => Record<string, unknown>[],
): Promise<void> => {
  const records = edit(
    (await readLines(path)).map((line) => JSON.parse(line) as Record<string, unknown>),
  );
  let prev = `sha256:${'0'.repeat(64)}`;
  const lines = records.map((record, i) => {
    const input: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) {
      if (!['v', 'seq', 'ts', 'prev', 'hash'].includes(key)) input[key] = value;
    }
    const ts = record['ts'];
    // Keep each checkpoint pointing at the record before it; only the signature cannot be redone.
    if (input['type'] === 'checkpoint') input['covers'] = { seq: i, hash: prev };
    const sealed = sealAuditRecord(
      input as unknown as AuditRecordInput,
      { seq: i + 1, ts: ts as string, prev },
      sha256Hex,
    );
    prev = sealed.hash;
    return sealed.line.slice(0, -1);
  });
  await writeLines(path, lines);
};

/** A call/result pair of inputs for call `id`. */
export const callAndResult = (
  id: string,
  args: unknown = { id },
): [AuditRecordInput, AuditRecordInput] => [
  {
    type: 'call',
    call: { id },
    server: 's',
    tool: 't',
    exposed: 's__t',
    args,
    redacted: [],
    def_hash: null,
    decision: {
      effect: 'allow',
      final: 'allow',
      rules: [],
      deciding: 'default',
      mode: 'enforce',
      policy: 'sha256:0',
    },
    session: { agent: null, client: null },
  },
  {
    type: 'result',
    call: { id },
    outcome: { status: 'ok', ms: 1, bytes: 2, sha256: 'sha256:00' },
    findings: [],
  },
];
