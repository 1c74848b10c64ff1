import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openAuditLog } from '../../src/audit/jsonl-audit-log.js';
import { readAuditRecords } from '../../src/audit/read-audit-records.js';
import { verifyAuditLog } from '../../src/audit/verify-audit-log.js';
import type { AuditRecord } from '../../src/core/audit/audit-record.js';
import { makeAuditDir } from './audit-helpers.js';

const fixture = fileURLToPath(new URL('../fixtures/audit/append-stream.mjs', import.meta.url));
const built = fileURLToPath(new URL('../../dist/audit/jsonl-audit-log.js', import.meta.url));

let dir: Awaited<ReturnType<typeof makeAuditDir>>;
const children: ChildProcess[] = [];
beforeEach(async () => {
  expect(existsSync(built), 'run `npm run build` first: the fixture imports dist/').toBe(true);
  dir = await makeAuditDir();
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await dir.remove();
});

interface Writer {
  readonly child: ChildProcess;
  /** Complete stdout lines so far. */
  readonly lines: string[];
  /** Its stderr so far. */
  stderr(): string;
  readonly exited: Promise<number | null>;
}

const startWriter = (env: Record<string, string>): Writer => {
  const child = spawn(process.execPath, [fixture], {
    env: { ...process.env, AUDIT_PATH: dir.path, AUDIT_STATE: dir.stateDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: string[] = [];
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) console.error(stderr);
      resolve(code);
    });
  });
  return { child, lines, exited, stderr: () => stderr };
};

const readAll = async (): Promise<AuditRecord[]> => {
  const records: AuditRecord[] = [];
  for await (const record of readAuditRecords(dir.path)) records.push(record);
  return records;
};

describe('audit log across processes', () => {
  test('kill -9 during a stream leaves a log that verifies with warnings at most and keeps every durable record', async () => {
    const acknowledged = new Map<string, number>();
    // Three writers in a row, each killed mid-stream: later ones recover after earlier crashes.
    for (const [round, killAfter] of [
      [0, 150],
      [1, 40],
      [2, 90],
    ] as const) {
      const writer = startWriter({ AUDIT_MODE: 'durable', AUDIT_PREFIX: `k${round}` });
      await expect
        .poll(() => writer.lines.length, { timeout: 20_000, interval: 5 })
        .toBeGreaterThanOrEqual(killAfter);
      writer.child.kill('SIGKILL');
      await writer.exited;
      for (const line of writer.lines) {
        const [id, seq] = line.split(' ');
        acknowledged.set(id!, Number(seq));
      }
      const report = await verifyAuditLog(dir.path, { stateDir: dir.stateDir });
      expect(report.errors).toEqual([]);
    }

    const results = new Map(
      (await readAll())
        .filter((record) => record.type === 'result')
        .map((record) => [record.call.id, record.seq]),
    );
    for (const [id, seq] of acknowledged) expect(results.get(id), id).toBe(seq);

    // A clean writer afterwards finds the crashed tail, chains on, and the log still verifies.
    const last = startWriter({ AUDIT_MODE: 'batch', AUDIT_PREFIX: 'after', AUDIT_COUNT: '5' });
    expect(await last.exited).toBe(0);
    const report = await verifyAuditLog(dir.path, { stateDir: dir.stateDir });
    expect(report.errors).toEqual([]);
    expect(['ok', 'warnings']).toContain(report.status);
  });

  test('two processes appending to one file concurrently produce one valid chain', async () => {
    const pairs = 400;
    const writers = ['a', 'b'].map((prefix) =>
      startWriter({ AUDIT_MODE: 'batch', AUDIT_PREFIX: prefix, AUDIT_COUNT: String(pairs) }),
    );
    expect(await Promise.all(writers.map((writer) => writer.exited))).toEqual([0, 0]);
    const report = await verifyAuditLog(dir.path, { stateDir: dir.stateDir });
    expect(report).toMatchObject({ status: 'ok', errors: [], warnings: [] });
    const records = await readAll();
    expect(records.map((record) => record.seq)).toEqual(records.map((_, i) => i + 1));
    const ids = new Set(
      records.filter((record) => record.type === 'call').map((record) => record.call.id),
    );
    expect(ids.size).toBe(2 * pairs);
    // Both writers' records interleave: the lock is taken per batch, not per run.
    const owners = records
      .filter((record) => record.type === 'call')
      .map((record) => record.call.id[0]);
    expect(owners.join('')).toMatch(/ab|ba/);
  });

  test('a writer that never pauses leaves the lock to another process in turn', async () => {
    // The busy writer keeps the lock across replies (a lease renewed every 10 ms) until it sees
    // that another process waits for it. The other writer's time is compared with its time alone, which
    // absorbs the machine's load; a starved writer takes several times longer.
    const pairs = '300';
    const aloneStarted = performance.now();
    const alone = startWriter({ AUDIT_MODE: 'batch', AUDIT_PREFIX: 'a', AUDIT_COUNT: pairs });
    expect(await alone.exited).toBe(0);
    const aloneMs = performance.now() - aloneStarted;

    const busy = startWriter({ AUDIT_MODE: 'hot', AUDIT_PREFIX: 'h' });
    await expect
      .poll(() => busy.lines.length, { timeout: 20_000, interval: 5 })
      .toBeGreaterThanOrEqual(2);
    const started = performance.now();
    const other = startWriter({ AUDIT_MODE: 'batch', AUDIT_PREFIX: 'o', AUDIT_COUNT: pairs });
    expect(await other.exited).toBe(0);
    const took = performance.now() - started;
    const busyLines = busy.lines.length;
    busy.child.kill('SIGTERM');
    await busy.exited;
    // The busy writer kept writing meanwhile (it was not simply idle).
    expect(busyLines).toBeGreaterThan(2);
    expect(other.stderr()).not.toMatch(/audit error/);
    expect(took).toBeLessThan(aloneMs * 2 + 1_000);
    const others = (await readAll()).filter(
      (record) =>
        (record.type === 'call' || record.type === 'result') && record.call.id.startsWith('o-'),
    );
    expect(others.length).toBe(600);
    const report = await verifyAuditLog(dir.path, { stateDir: dir.stateDir });
    expect(report.errors).toEqual([]);
  });

  test('concurrent writers keep one chain across size rotation', async () => {
    const writers = ['a', 'b'].map((prefix) =>
      startWriter({
        AUDIT_MODE: 'durable',
        AUDIT_PREFIX: prefix,
        AUDIT_COUNT: '150',
        AUDIT_ROTATE_BYTES: '16384',
      }),
    );
    expect(await Promise.all(writers.map((writer) => writer.exited))).toEqual([0, 0]);
    const report = await verifyAuditLog(dir.path, { stateDir: dir.stateDir });
    expect(report).toMatchObject({ status: 'ok', errors: [], warnings: [] });
    expect(report.files.length).toBeGreaterThan(3);
    // Every receipt a writer was handed by appendDurable names the record on disk.
    const bySeq = new Map((await readAll()).map((record) => [record.seq, record]));
    for (const writer of writers) {
      for (const line of writer.lines.filter((text) => text !== 'done')) {
        const [id, seq] = line.split(' ');
        const record = bySeq.get(Number(seq));
        expect(record?.type === 'result' && record.call.id).toBe(id);
      }
    }
  });

  test('a writer opened in this process continues a log another process wrote', async () => {
    const writer = startWriter({ AUDIT_MODE: 'batch', AUDIT_PREFIX: 'x', AUDIT_COUNT: '3' });
    expect(await writer.exited).toBe(0);
    const log = await openAuditLog({ path: dir.path, stateDir: dir.stateDir, durability: 'sync' });
    const receipt = await log.appendDurable({ type: 'session_end', reason: 'test' });
    await log.close();
    const records = await readAll();
    expect(records.find((record) => record.type === 'session_end')?.seq).toBe(receipt.seq);
    expect((await verifyAuditLog(dir.path, { stateDir: dir.stateDir })).status).toBe('ok');
  });
});
