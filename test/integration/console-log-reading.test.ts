import { writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { openAuditLog } from '../../src/audit/jsonl-audit-log.js';
import { listLogFiles } from '../../src/audit/log-files.js';
import { AuditStatusReader } from '../../src/console/audit-status.js';
import { readCallPage, readCallRecords } from '../../src/console/call-history.js';
import { readAuditBackwards } from '../../src/console/read-audit-backwards.js';
import type { CallInput, ResultInput } from '../../src/core/audit/audit-record.js';
import { makeAuditDir, readLines } from './audit-helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const call = (id: string, tool: string, final: 'allow' | 'deny'): CallInput => ({
  type: 'call',
  call: { id },
  server: 'fx',
  tool,
  exposed: `fx__${tool}`,
  args: { text: `text of ${id}` },
  redacted: [],
  def_hash: null,
  decision: { effect: final, final, rules: [], deciding: 'default', mode: 'enforce', policy: 'p' },
  session: { agent: null, client: null },
});

const result = (id: string, status: 'ok' | 'denied'): ResultInput => ({
  type: 'result',
  call: { id },
  outcome: { status, ms: 2 },
  findings:
    status === 'denied'
      ? [{ rule: 'injection.override', severity: 'high', field: 'text', span: [0, 1] }]
      : [],
});

/** A real log of `count` calls (every third denied), rotated into segments of `rotateBytes`. */
const writeLog = async (count: number, rotateBytes?: number) => {
  const dir = await makeAuditDir();
  cleanups.push(dir.remove);
  const log = await openAuditLog({
    path: dir.path,
    stateDir: dir.stateDir,
    durability: 'batch',
    checkpointEvery: { records: 500, seconds: 3600 },
    ...(rotateBytes === undefined ? {} : { rotateBytes }),
  });
  for (let i = 1; i <= count; i++) {
    const denied = i % 3 === 0;
    log.append(call(`c${i}`, denied ? 'write' : 'read', denied ? 'deny' : 'allow'));
    log.append(result(`c${i}`, denied ? 'denied' : 'ok'));
    // Rotation happens at a flush: flush often enough for small segments.
    if (i % 20 === 0) await log.flush();
  }
  await log.close();
  return dir;
};

describe('the console reads the log from its end', () => {
  test('lines come newest first across rotated segments, and the whole log when the budget allows', async () => {
    const dir = await writeLog(300, 16 * 1024);
    expect((await listLogFiles(dir.path)).length).toBeGreaterThan(3);
    const forward = (
      await Promise.all((await listLogFiles(dir.path)).map((file) => readLines(file.path)))
    ).flat();
    const backward: string[] = [];
    for await (const line of readAuditBackwards(dir.path, { maxBytes: 1 << 30, chunkBytes: 1000 }))
      backward.push(line);
    expect(backward).toEqual(forward.reverse());
  });

  test('a page of calls joins each call with its result, newest first, and says where older ones start', async () => {
    const dir = await writeLog(1000);
    const first = await readCallPage(dir.path, { limit: 50, filter: {} });
    expect(first.calls).toHaveLength(50);
    expect(first.calls[0]).toMatchObject({ id: 'c1000', outcome: { status: 'ok' } });
    expect(first.calls[0]?.receipt?.seq).toBeGreaterThan(first.calls[0]?.callSeq ?? Infinity);
    const second = await readCallPage(dir.path, { limit: 50, filter: {}, before: first.next! });
    expect(second.calls[0]?.id).toBe('c950');
    const last = await readCallPage(dir.path, {
      limit: 50,
      filter: {},
      before: first.calls.at(-1)!.callSeq! - 1000 * 2,
    });
    expect(last.next).toBeUndefined();
  });

  test('filters: outcome, tool, findings and text', async () => {
    const dir = await writeLog(300);
    const denied = await readCallPage(dir.path, { limit: 500, filter: { outcome: 'denied' } });
    expect(denied.calls).toHaveLength(100);
    expect(denied.calls.every((c) => c.tool === 'write')).toBe(true);
    const withFindings = await readCallPage(dir.path, { limit: 500, filter: { findings: true } });
    expect(withFindings.calls).toHaveLength(100);
    const byTool = await readCallPage(dir.path, { limit: 500, filter: { tool: 'fx/read' } });
    expect(byTool.calls).toHaveLength(200);
    const byText = await readCallPage(dir.path, { limit: 500, filter: { text: 'TEXT OF C77"' } });
    expect(byText.calls.map((c) => c.id)).toEqual(['c77']);
  });

  test("one call's records, each with its hash checked; an edited record shows", async () => {
    const dir = await writeLog(20);
    const records = await readCallRecords(dir.path, 'c7');
    expect(records.map((r) => [r.record.type, r.hashOk])).toEqual([
      ['call', true],
      ['result', true],
    ]);
    expect(await readCallRecords(dir.path, 'c99')).toEqual([]);
    const lines = await readLines(dir.path);
    const edited = lines.map((line) => line.replace('"text of c7"', '"text of c7 (edited)"'));
    await writeFile(dir.path, `${edited.join('\n')}\n`);
    const after = await readCallRecords(dir.path, 'c7');
    expect(after.map((r) => r.hashOk)).toEqual([false, true]);
  });

  test('the Audit page: key, checkpoint, verification and findings by rule', async () => {
    const dir = await writeLog(300);
    const reader = new AuditStatusReader(dir.path, dir.stateDir);
    const before = await reader.status();
    expect(before).toMatchObject({ enabled: true, files: 1, verified: undefined });
    expect(before.keyId).toMatch(/^ed25519:[0-9a-f]{16}$/);
    expect(before.checkpoint?.seq).toBeGreaterThan(0);
    const verified = await reader.verify();
    expect(verified).toMatchObject({
      status: 'ok',
      findings: [{ rule: 'injection.override', count: 100 }],
    });
    expect((await reader.status()).verified).toEqual(verified);
  });
});
