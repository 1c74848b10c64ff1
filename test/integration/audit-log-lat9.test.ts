import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openAuditLog, type AuditLogOptions } from '../../src/audit/jsonl-audit-log.js';
import { verifyAuditLog } from '../../src/audit/verify-audit-log.js';
import type { AuditRecord } from '../../src/core/audit/audit-record.js';
import { callAndResult, makeAuditDir, readLines } from './audit-helpers.js';

let dir: Awaited<ReturnType<typeof makeAuditDir>>;
beforeEach(async () => {
  dir = await makeAuditDir();
});
afterEach(async () => {
  await dir.remove();
});

const open = (overrides: Partial<AuditLogOptions> = {}) =>
  openAuditLog({
    path: dir.path,
    stateDir: dir.stateDir,
    durability: 'batch',
    flushIntervalMs: 60_000,
    ...overrides,
  });

/** The file's records, read synchronously: what is in it at this very moment. */
const recordsNow = (): AuditRecord[] =>
  readFileSync(dir.path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as AuditRecord);

describe('audit log writeNow() (lat9)', () => {
  test('puts every appended record in the file before it returns', async () => {
    const log = await open();
    const [call, result] = callAndResult('c1');
    log.append(call);
    const receipt = log.append(result);
    expect(log.writeNow()).toBe(true);
    expect(
      recordsNow()
        .slice(-2)
        .map((record) => record.type),
    ).toEqual(['call', 'result']);
    expect(recordsNow().at(-1)).toMatchObject({ seq: receipt.seq, hash: receipt.hash });
    // Nothing is left for a barrier to write.
    expect(log.written()).toBeUndefined();
    expect(log.writeNow()).toBe(true);
    await log.close();
    expect((await verifyAuditLog(dir.path, { stateDir: dir.stateDir })).errors).toEqual([]);
  });

  test('calls written one at a time and through the shared write interleave into one valid chain', async () => {
    const log = await open({ leaseMs: 5 });
    const receipts = [];
    for (let i = 0; i < 30; i++) {
      for (const input of callAndResult(`c${String(i)}`)) receipts.push(log.append(input));
      if (i % 3 === 0) await log.written();
      else expect(log.writeNow()).toBe(true);
      // Lease periods end between some of the writes.
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 8));
    }
    await log.close();
    const records = (await readLines(dir.path)).map((line) => JSON.parse(line) as AuditRecord);
    expect(records.slice(0, 60).map((record) => record.hash)).toEqual(
      receipts.map((receipt) => receipt.hash),
    );
    expect((await verifyAuditLog(dir.path, { stateDir: dir.stateDir })).errors).toEqual([]);
  });

  test('another writer holding the lock: false, and written() then waits for it and writes', async () => {
    const log = await open({ lock: { staleMs: 60_000 } });
    await writeFile(`${dir.path}.lock`, `${String(process.pid)} elsewhere.invalid token`);
    log.append(callAndResult('c1')[0]);
    expect(log.writeNow()).toBe(false);
    let settled = false;
    const waiting = log.written()?.then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).toBe(false);
    await rm(`${dir.path}.lock`);
    await waiting;
    expect(await readLines(dir.path)).toHaveLength(1);
    await log.close();
  });

  test('a file another process appended to: false, and written() re-chains after its records', async () => {
    const mine = await open({ leaseMs: 0 });
    for (const input of callAndResult('a')) mine.append(input);
    expect(mine.writeNow()).toBe(true);
    const theirs = await open({ leaseMs: 0 });
    for (const input of callAndResult('b')) theirs.append(input);
    await theirs.close();
    const receipt = mine.append(callAndResult('c')[0]);
    expect(mine.writeNow()).toBe(false);
    await mine.written();
    const records = (await readLines(dir.path)).map((line) => JSON.parse(line) as AuditRecord);
    // The receipt object was re-chained in place, after the other process's records.
    expect(records.at(-1)).toMatchObject({ type: 'call', seq: receipt.seq, hash: receipt.hash });
    await mine.close();
    expect((await verifyAuditLog(dir.path, { stateDir: dir.stateDir })).errors).toEqual([]);
  });
});

describe('audit log writeNow() beside the shared write (lat9)', () => {
  test('replies of this turn already waiting: false, and the record goes in their write', async () => {
    const log = await open();
    log.append(callAndResult('a')[0]);
    const shared = log.written();
    expect(shared).toBeDefined();
    log.append(callAndResult('b')[0]);
    expect(log.writeNow()).toBe(false);
    // Nothing was written early: both records leave in the one write the turn shares.
    expect(recordsNow()).toHaveLength(0);
    expect(log.written()).toBe(shared);
    await shared;
    expect(recordsNow()).toHaveLength(2);
    await log.close();
  });
});
